import SchemaBuilder, { type SchemaTypes } from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin, { type StandardSchemaV1 } from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { Context } from "./context.js";
import { ValidationError } from "./errors.js";
import { getDatamodel } from "./generated/pothos-types.js";
import type PrismaTypes from "./generated/pothos-types.js";
import type { Db } from "./db/client.js";
import type { AuthScopes } from "./auth/actor.js";
import AuthBeforeInputPlugin from "./plugins/auth-before-input.js";
import { scopeAuthOptions } from "./plugins/scope-auth.js";
import TextArgumentsPlugin from "./plugins/text-arguments.js";
import UnavailableMutationsPlugin from "./plugins/unavailable-mutations.js";

function issuePath(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
}

/** zod's issue codes, named for what a user broke. */
function issueRule(issue: StandardSchemaV1.Issue): string {
  // A refinement may name its rule (e.g. "reserved" for page slugs).
  const named = (issue as { params?: { rule?: string } }).params?.rule;
  if (named) return named;
  const { code = "invalid", origin } = issue as { code?: string; origin?: string };
  // Numbers are too small or too big; strings and lists too short or too long.
  if ((origin === "number" || origin === "int") && (code === "too_small" || code === "too_big")) return code;
  if (code === "too_small") return "too_short";
  if (code === "too_big") return "too_long";
  // Our own refinements (slugs, URLs, domains) are format rules.
  if (code === "invalid_format" || code === "invalid_string" || code === "custom") return "format";
  return code;
}

/** What a list without a size argument is assumed to hold when an operation's cost is counted. */
export const LIST_SIZE_ESTIMATE = 10;

/** A size argument as a cost multiplier: within what the field serves, so a refused value cannot lower the cost. */
export function listSize(requested: number | null | undefined, fallback: number, max: number): number {
  return Math.min(max, Math.max(1, requested ?? fallback));
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date }; File: { Input: File; Output: never } };
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // Errors first so it catches what later plugins throw (see plugin-errors docs),
  // then the one that turns a database outage into its typed error, then
  // authorization, so no other plugin's wrapper runs for a refused caller;
  // AuthBeforeInput also runs it ahead of input validation; then text no database stores is refused.
  plugins: [
    ErrorsPlugin,
    UnavailableMutationsPlugin,
    ScopeAuthPlugin,
    AuthBeforeInputPlugin,
    TextArgumentsPlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  prisma: {
    // The client is per app instance; Pothos takes it from the context.
    client: (ctx) => ctx.db as Db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  scopeAuth: scopeAuthOptions,
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    // A connection's `first`/`last` is its list size (complexity below); its edges add no second multiplier.
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
  },
  // Each field's cost, as the operation cost limit counts it (plugins/query-cost.ts): 1 per
  // field, a list's selections times its size — the size argument where it has one, else 10.
  // No `limit` here: the check runs before execution, where it can refuse with a 400.
  complexity: { defaultComplexity: 1, defaultListMultiplier: LIST_SIZE_ESTIMATE },
  errors: { defaultTypes: [], directResult: true, unsafelyHandleInputErrors: true },
  validation: {
    validationError: (failure) => new ValidationError(failure.issues.map((i) => ({ field: issuePath(i), rule: issueRule(i), message: i.message }))),
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.scalarType("File", {
  description: "A file sent in a multipart request (the GraphQL multipart request spec); input only.",
  serialize: () => {
    throw new Error("File is an input-only scalar");
  },
  // Yoga hands multipart files in as Blobs (the Fetch API's, or its ponyfill's); nothing else is a file.
  parseValue: (value) => {
    if (value !== null && typeof value === "object" && typeof (value as Blob).arrayBuffer === "function" && typeof (value as Blob).size === "number") {
      return value as File;
    }
    // A GraphQLError, so the refusal reaches the client rather than being masked as unexpected.
    throw new GraphQLError("must be a file part of a multipart request");
  },
});
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/** The builder's schema types, for helpers that take one of its field builders. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;
