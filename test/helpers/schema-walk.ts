// Operations built from the schema's introspection, one per string or ID argument
// (nested input fields included), for tests that send every argument bad text.
import {
  getIntrospectionQuery,
  type IntrospectionEnumType,
  type IntrospectionInputObjectType,
  type IntrospectionInputTypeRef,
  type IntrospectionQuery,
  type IntrospectionType,
} from "graphql";
import type { TestApp } from "./app.js";

type Types = Map<string, IntrospectionType>;
type Arg = { readonly name: string; readonly type: IntrospectionInputTypeRef };

export interface Probe {
  /** e.g. `Mutation.createStatusPage(input.groups.0.name)`. */
  target: string;
  query: string;
  /** Variables with `hostile` at the target; call it with the text to send. */
  variables(hostile: string): Record<string, unknown>;
}

/** The printed GraphQL type of an argument, e.g. `[ID!]!`. */
function printType(type: IntrospectionInputTypeRef): string {
  if (type.kind === "NON_NULL") return `${printType(type.ofType)}!`;
  if (type.kind === "LIST") return `[${printType(type.ofType)}]`;
  return type.name;
}

function named(type: IntrospectionInputTypeRef): { name: string; kind: string } {
  return type.kind === "NON_NULL" || type.kind === "LIST" ? named(type.ofType) : type;
}

/** Dotted paths of every String/ID leaf under `type`, a list counting as one item (index 0). */
function textPaths(type: IntrospectionInputTypeRef, types: Types, seen: Set<string> = new Set()): string[][] {
  if (type.kind === "NON_NULL") return textPaths(type.ofType, types, seen);
  if (type.kind === "LIST") return textPaths(type.ofType, types, seen).map((p) => ["0", ...p]);
  if (type.kind === "SCALAR") return type.name === "String" || type.name === "ID" ? [[]] : [];
  if (type.kind !== "INPUT_OBJECT" || seen.has(type.name)) return [];
  const input = types.get(type.name) as IntrospectionInputObjectType;
  return input.inputFields.flatMap((f) => textPaths(f.type, types, new Set([...seen, type.name])).map((p) => [f.name, ...p]));
}

/** A valid-looking value of `type`, with `hostile` at `path` (empty: here). Optional parts are left out unless the path runs through them. */
function sampleValue(type: IntrospectionInputTypeRef, types: Types, path: string[] | null, hostile: string): unknown {
  if (type.kind === "NON_NULL") return sampleValue(type.ofType, types, path, hostile) ?? requiredValue(type.ofType, types);
  if (type.kind === "LIST") return path ? [sampleValue(type.ofType, types, path.slice(1), hostile)] : undefined;
  if (type.kind === "SCALAR") {
    if (path) return hostile;
    return undefined;
  }
  if (type.kind === "ENUM") return undefined;
  if (!path) return undefined;
  const input = types.get(type.name) as IntrospectionInputObjectType;
  const value: Record<string, unknown> = {};
  for (const f of input.inputFields) {
    const v = sampleValue(f.type, types, f.name === path[0] ? path.slice(1) : null, hostile);
    if (v !== undefined) value[f.name] = v;
  }
  return value;
}

function requiredValue(type: IntrospectionInputTypeRef, types: Types): unknown {
  if (type.kind === "LIST") return [];
  if (type.kind === "NON_NULL") return requiredValue(type.ofType, types);
  if (type.kind === "ENUM") return (types.get(type.name) as IntrospectionEnumType).enumValues[0]!.name;
  if (type.kind === "INPUT_OBJECT") return sampleValue(type, types, [], "") ?? {};
  switch (type.name) {
    case "Boolean":
      return false;
    case "Int":
      return 1;
    case "Float":
      return 1;
    case "DateTime":
      return "2026-03-10T12:00:00Z";
    default:
      return "fuzz";
  }
}

function selectionOf(typeName: string, types: Types): string {
  const kind = types.get(typeName)?.kind;
  return kind === "OBJECT" || kind === "UNION" || kind === "INTERFACE" ? " { __typename }" : "";
}

/** Probes for every String/ID argument of every field of `parentType`; `wrap` puts the field in an operation. */
function probesOf(parentType: string, types: Types, wrap: (field: string, vars: string) => string): Probe[] {
  const parent = types.get(parentType) as { fields: readonly { name: string; args: readonly Arg[]; type: IntrospectionInputTypeRef }[] };
  const probes: Probe[] = [];
  for (const field of parent.fields) {
    for (const arg of field.args) {
      for (const path of textPaths(arg.type, types)) {
        const vars = field.args.map((a, i) => `$a${i}: ${printType(a.type)}`).join(", ");
        const call = `${field.name}(${field.args.map((a, i) => `${a.name}: $a${i}`).join(", ")})${selectionOf(named(field.type as IntrospectionInputTypeRef).name, types)}`;
        probes.push({
          target: `${parentType}.${field.name}(${[arg.name, ...path].join(".")})`,
          query: wrap(call, vars ? `(${vars})` : ""),
          variables: (hostile) => Object.fromEntries(field.args.map((a, i) => [`a${i}`, sampleValue(a.type, types, a === arg ? path : null, hostile) ?? null])),
        });
      }
    }
  }
  return probes;
}

/**
 * Every String/ID argument of every query and mutation, and of the fields of what
 * argument-less queries return (e.g. `statusPages { subPage(slug:) }`).
 */
export async function schemaProbes(t: TestApp): Promise<Probe[]> {
  const { __schema } = await t.ok<IntrospectionQuery>(getIntrospectionQuery());
  const types: Types = new Map(__schema.types.map((type) => [type.name, type]));
  const probes = [
    ...probesOf("Query", types, (call, vars) => `query${vars} { ${call} }`),
    ...probesOf("Mutation", types, (call, vars) => `mutation${vars} { ${call} }`),
  ];
  const query = types.get("Query") as { fields: readonly { name: string; args: readonly Arg[]; type: IntrospectionInputTypeRef }[] };
  for (const root of query.fields.filter((f) => f.args.length === 0)) {
    const returned = named(root.type).name;
    if (types.get(returned)?.kind !== "OBJECT") continue;
    probes.push(...probesOf(returned, types, (call, vars) => `query${vars} { ${root.name} { ${call} } }`));
  }
  return probes;
}
