import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin, { type StandardSchemaV1 } from "@pothos/plugin-validation";
import { DateTimeResolver } from "graphql-scalars";
import type { Context } from "./context.js";
import { ValidationError } from "./errors.js";
import { getDatamodel } from "./generated/pothos-types.js";
import type PrismaTypes from "./generated/pothos-types.js";
import type { Db } from "./db/client.js";
import type { AuthScopes } from "./auth/actor.js";
import AuthBeforeInputPlugin from "./plugins/auth-before-input.js";
import { scopeAuthOptions } from "./plugins/scope-auth.js";
import UnavailableMutationsPlugin from "./plugins/unavailable-mutations.js";

function issuePath(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
}

/** zod's issue codes, named for what a user broke. */
function issueRule(issue: StandardSchemaV1.Issue): string {
  // A refinement may name its rule (e.g. "reserved" for page slugs).
  const named = (issue as { params?: { rule?: string } }).params?.rule;
  if (named) return named;
  const code = (issue as { code?: string }).code ?? "invalid";
  if (code === "too_small") return "too_short";
  if (code === "too_big") return "too_long";
  // Our own refinements (slugs, URLs, domains) are format rules.
  if (code === "invalid_format" || code === "invalid_string" || code === "custom") return "format";
  return code;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  // Errors first so it catches what later plugins throw (see plugin-errors docs),
  // then the one that turns a database outage into its typed error, then
  // authorization, so no other plugin's wrapper runs for a refused caller;
  // AuthBeforeInput also runs it ahead of input validation.
  plugins: [ErrorsPlugin, UnavailableMutationsPlugin, ScopeAuthPlugin, AuthBeforeInputPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, DataloaderPlugin],
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
  relay: { cursorType: "String", clientMutationId: "omit" },
  errors: { defaultTypes: [], directResult: true, unsafelyHandleInputErrors: true },
  validation: {
    validationError: (failure) =>
      new ValidationError(
        failure.issues.map((i) => ({ field: issuePath(i), rule: issueRule(i), message: i.message })),
      ),
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
