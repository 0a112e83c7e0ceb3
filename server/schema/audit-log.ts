// The audit log as the API shows it: read-only (no mutation writes, edits or deletes an
// entry), newest first, paged by cursor in SQL. Editors and admins read all of it;
// every operator reads an incident's or a maintenance's own history.
import { prismaConnectionHelpers, queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder, listSize } from "../builder.js";
import type { Context } from "../context.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { connectionArgIssues, cursorId, type ConnectionArgs } from "./connection-args.js";

const NEWEST_FIRST = [{ at: "desc" }, { id: "desc" }] satisfies Prisma.AuditEntryOrderByWithRelationInput[];
const OBJECT_TYPES = ["CatalogType", "CatalogEntry", "StatusPage", "SubPage", "Incident", "Maintenance", "ApiKey", "Operator", "WebhookEndpoint"] as const;

export const AuditOutcome = builder.enumType("AuditOutcome", {
  description: "CHANGED: a committed change; REFUSED: an attempt refused for authorization; PREVIEW: a publish reviewed, nothing written.",
  values: ["CHANGED", "REFUSED", "PREVIEW"] as const,
});

const AuditObjectType = builder.enumType("AuditObjectType", { values: OBJECT_TYPES });

const AuditEntry = builder.prismaObject("AuditEntry", {
  description: "One line of the audit log: who did what to which object, when and from where.",
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.expose("at", { type: "DateTime" }),
    actorKind: t.exposeString("actorKind", { description: "`person`, `operator` (an API key), `system`, `viewer` or `anonymous`." }),
    actorId: t.exposeString("actorId", { nullable: true, description: "The operator's, API key's or viewer session's id." }),
    actorName: t.exposeString("actorName", { nullable: true, description: "The operator's name, the API key's name, or the viewer's email." }),
    operation: t.exposeString("operation"),
    objectType: t.exposeString("objectType", { nullable: true }),
    objectId: t.exposeString("objectId", { nullable: true }),
    summary: t.exposeString("summary"),
    before: t.exposeString("before", { nullable: true, description: "The fields before the change, as JSON; null for a create. Secrets are never kept." }),
    after: t.exposeString("after", { nullable: true, description: "The fields after the change (a preview: what it showed), as JSON; null for a delete." }),
    address: t.exposeString("address", { nullable: true, description: "The client's address; null for the service's own work." }),
    outcome: t.field({ type: AuditOutcome, resolve: (e) => e.outcome as "CHANGED" | "REFUSED" | "PREVIEW" }),
  }),
});

const AuditLogFilter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    objectType: t.field({ type: AuditObjectType, required: false }),
    objectId: t.id({ required: false }),
    actorKind: t.string({ required: false }),
    actorId: t.id({ required: false }),
    from: t.field({ type: "DateTime", required: false, description: "Entries at or after this instant." }),
    to: t.field({ type: "DateTime", required: false, description: "Entries at or before this instant." }),
  }),
});

type Filter = typeof AuditLogFilter.$inferInput;

const entries = prismaConnectionHelpers(builder, "AuditEntry", { cursor: "id" });

function whereOf(filter: Filter | null | undefined): Prisma.AuditEntryWhereInput {
  if (!filter) return {};
  const { objectType, objectId, actorKind, actorId, from, to } = filter;
  const at = from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } : undefined;
  return {
    objectType: objectType ?? undefined,
    objectId: objectId == null ? undefined : String(objectId),
    actorKind: actorKind ?? undefined,
    actorId: actorId == null ? undefined : String(actorId),
    at,
  };
}

/** Refuses arguments the log cannot page by, all at once; a cursor must name an entry of this list. */
async function checkArgs(ctx: Context, where: Prisma.AuditEntryWhereInput, args: ConnectionArgs, filter?: Filter | null): Promise<void> {
  const issues: ValidationIssue[] = connectionArgIssues(args);
  if (filter?.from && filter.to && filter.from > filter.to) issues.push({ field: "filter.from", rule: "before_to", message: "must not be after filter.to" });
  const id = issues.length === 0 ? cursorId(args.after ?? args.before ?? "") : null;
  if (id !== null && (await ctx.db.auditEntry.count({ where: { AND: [{ id }, where] } })) === 0) {
    issues.push({ field: args.after != null ? "after" : "before", rule: "cursor", message: "is not a cursor of this audit log" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** One page of the entries `where` selects, newest first, planned from the selection. */
async function page(ctx: Context, info: GraphQLResolveInfo, where: Prisma.AuditEntryWhereInput, args: ConnectionArgs, filter?: Filter | null) {
  await checkArgs(ctx, where, args, filter);
  const nested = queryFromInfo({ context: ctx, info, path: ["edges", "node"] });
  const rows = await ctx.db.auditEntry.findMany({ ...entries.getQuery(args, ctx, () => nested), where, orderBy: NEWEST_FIRST });
  return entries.resolve(rows, args, ctx);
}

const complexity = ({ first, last }: ConnectionArgs) => ({ field: 1, multiplier: listSize(first ?? last, 20, 100) });

builder.queryField("auditLog", (t) =>
  t.connection({
    type: AuditEntry,
    description: "Every change and attempt, newest first; editors and admins only. Nothing edits or deletes an entry (only AUDIT_RETENTION_DAYS prunes).",
    authScopes: { role: "EDITOR" },
    complexity,
    args: { filter: t.arg({ type: AuditLogFilter, required: false }) },
    resolve: (_root, args, ctx, info) => page(ctx, info, whereOf(args.filter), args, args.filter),
  }),
);

for (const type of ["Incident", "Maintenance"] as const) {
  builder.prismaObjectFields(type, (t) => ({
    history: t.connection({
      type: AuditEntry,
      description: `This ${type.toLowerCase()}'s audit entries, newest first; operators only.`,
      authScopes: { role: "VIEWER" },
      complexity,
      select: { id: true },
      resolve: (object, args, ctx, info) => page(ctx, info, { objectType: type, objectId: object.id }, args),
    }),
  }));
}
