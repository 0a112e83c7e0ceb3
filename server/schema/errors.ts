// The typed errors mutations return. Every one implements `Error { message }`.
import { builder } from "../builder.js";
import { RateLimitedError } from "../auth/rate-limit.js";
import {
  AccessDeniedError,
  InUseError,
  InvalidStateError,
  NotFoundError,
  ServiceUnavailableError,
  StaleVersionError,
  ValidationError,
  type MissedChange,
  type ValidationIssue,
} from "../errors.js";

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "A failure the client can act on. Nothing was changed.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const Issue = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  description: "One broken rule on one input field.",
  fields: (t) => ({
    field: t.exposeString("field", { description: 'Path of the input field, e.g. "input.name" or "input.impacts.0.componentId".' }),
    rule: t.exposeString("rule", { description: 'The rule it broke, e.g. "too_long", "not_found", "wrong_type", "unique".' }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input broke one or more rules; each issue names the field and the rule.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [Issue], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ resource: t.exposeString("resource"), key: t.exposeString("key") }),
});

builder.objectType(InUseError, {
  name: "InUseError",
  description: "A delete refused because other records still use the target.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ usedBy: t.exposeStringList("usedBy", { description: "What still uses it." }) }),
});

builder.objectType(InvalidStateError, {
  name: "InvalidStateError",
  description: "The change is not allowed in the target's current state.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ state: t.exposeString("state") }),
});

builder.objectType(AccessDeniedError, {
  name: "AccessDeniedError",
  description: "Missing or refused credentials (UNAUTHENTICATED) or too narrow a scope (FORBIDDEN). Nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.exposeString("reason") }),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  description: "Too many requests of this kind from this address or client; nothing was done.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "When to try again." }) }),
});

builder.objectType(ServiceUnavailableError, {
  name: "ServiceUnavailableError",
  description: "The database is unavailable right now (unreachable, or it did not answer in time). Nothing was changed; retry later.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "When to try again." }) }),
});

const MissedChangeRef = builder.objectRef<MissedChange>("MissedChange").implement({
  description: "A change made since the version the client sent, from the audit log.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", resolve: (c) => c.at }),
    by: t.string({ nullable: true, description: "Who made it: the operator, the API key's name, or null for the service itself.", resolve: (c) => c.by }),
    summary: t.exposeString("summary", { description: 'What it did, e.g. "Published an update to incident …".' }),
    fields: t.exposeStringList("fields", { description: "The fields whose values it changed." }),
  }),
});

builder.objectType(StaleVersionError, {
  name: "StaleVersionError",
  description:
    "The object changed since the client read it (its `version` is no longer `expectedVersion`): nothing was changed. Re-read it, look at what changed, and decide again.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    code: t.string({ resolve: () => "STALE_VERSION" }),
    field: t.exposeString("field", { description: 'The input field at fault: "expectedVersion".' }),
    objectType: t.string({ resolve: (e) => e.detail.objectType }),
    objectId: t.id({ resolve: (e) => e.detail.objectId }),
    expectedVersion: t.int({ resolve: (e) => e.detail.expectedVersion }),
    currentVersion: t.int({ description: "The version it is at now.", resolve: (e) => e.detail.currentVersion }),
    updatedAt: t.field({ type: "DateTime", description: "When it last changed.", resolve: (e) => e.detail.updatedAt }),
    updatedBy: t.string({
      nullable: true,
      description: 'Who changed it last: the operator as "Name <email>", the API key\'s name, or "system" (the scheduler).',
      resolve: (e) => e.detail.updatedBy,
    }),
    changesSince: t.field({
      type: [MissedChangeRef],
      description: "What changed since `expectedVersion`, newest first (at most 20; the audit log has all).",
      resolve: (e) => e.detail.changesSince,
    }),
  }),
});

/** The errors every mutation may return. */
export const MUTATION_ERRORS = [AccessDeniedError, ValidationError, NotFoundError, InUseError, InvalidStateError, StaleVersionError, ServiceUnavailableError];

/** What a mutation field open to `role` and above declares: the scope it needs and the typed errors it returns. */
export const mutationOf = <R extends "PUBLISHER" | "EDITOR" | "ADMIN">(role: R) => ({ authScopes: { role }, errors: { types: MUTATION_ERRORS } }) as const;
