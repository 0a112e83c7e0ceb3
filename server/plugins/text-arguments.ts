// Every string an operation passes in, checked before any resolver uses it. JSON
// may carry lone surrogates ("\ud800") that JavaScript strings hold but no database
// driver stores (Prisma's query engine rejects the whole query), and NUL, which
// PostgreSQL refuses in text. Looking a page up by such a slug would fail as a
// fault; refusing the argument by name is the answer the caller can act on.
// Field rules (names, messages...) refuse more in server/domain/limits.ts.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { TEXT_RULE_MESSAGES, anyTextRule } from "../domain/text.js";
import { ValidationError, type ValidationIssue } from "../errors.js";

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types["Context"], object>;

function collect(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof value === "string") {
    const rule = anyTextRule(value);
    if (rule) issues.push({ field: path, rule, message: TEXT_RULE_MESSAGES[rule] });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collect(item, `${path}.${i}`, issues);
  } else if (value !== null && typeof value === "object" && !(value instanceof Date) && !isBlob(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, path ? `${path}.${key}` : key, issues);
  }
}

/** An uploaded file (the File scalar): its bytes are no text, and its name is never stored. */
function isBlob(value: object): boolean {
  return typeof (value as Blob).arrayBuffer === "function";
}

/** Throws a ValidationError naming every argument (e.g. `input.groups.1.name`) whose text is not storable. */
export function checkTextArguments(args: object): void {
  const issues: ValidationIssue[] = [];
  collect(args, "", issues);
  if (issues.length > 0) throw new ValidationError(issues);
}

export class TextArgumentsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      checkTextArguments(args);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(subscribe: Resolver<Types> | undefined, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent, args, context, info) => {
      checkTextArguments(args);
      return subscribe(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      textArguments: TextArgumentsPlugin<Types>;
    }
  }
}

const pluginName = "textArguments";
SchemaBuilder.registerPlugin(pluginName, TextArgumentsPlugin);
export default pluginName;
