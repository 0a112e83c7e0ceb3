// Incidents as a status page and a customer sub-page show them.
import { prismaConnectionHelpers, queryFromInfo } from "@pothos/plugin-prisma";
import { builder, listSize } from "../builder.js";
import type { Context } from "../context.js";
import { ValidationError } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { shownIncidents } from "../services/page-snapshot.js";
import { incidentsOfSubPage, visibleIncidents } from "../services/visibility.js";
import { lookupText } from "../domain/text.js";
import { connectionArgIssues, cursorId, plannable, type ConnectionArgs } from "./connection-args.js";
import { Incident } from "./incident-types.js";
import { INCIDENT_ROWS, rowsCover } from "./snapshot-rows.js";
import { visibleOnSubPage } from "./sub-page-visibility.js";

const NEWEST_FIRST = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.IncidentOrderByWithRelationInput[];
const UNRESOLVED = { status: { not: "RESOLVED" } } satisfies Prisma.IncidentWhereInput;

const history = prismaConnectionHelpers(builder, "Incident", {
  cursor: "id",
  query: (_args, ctx) => ({ where: visibleIncidents(ctx.actor) }),
});
// Who may see the sub-page is decided where it is looked up; its list is the sub-page's.
const subPageHistory = prismaConnectionHelpers(builder, "Incident", { cursor: "id" });

/**
 * Refuses arguments the history cannot page by, all at once. A readable cursor must
 * also name an incident of this history (of this page or sub-page, one the caller may see): Prisma would page from a
 * foreign or deleted one without complaint, and serve a list that is not this one.
 */
async function checkHistoryArgs(ctx: Context, history: Prisma.IncidentWhereInput, args: ConnectionArgs): Promise<void> {
  const issues = connectionArgIssues(args);
  const field = args.after != null ? "after" : "before";
  const id = issues.length === 0 ? cursorId(args.after ?? args.before ?? "") : null;
  if (id !== null && (await ctx.db.incident.count({ where: { AND: [{ id }, history] } })) === 0) {
    issues.push({ field, rule: "cursor", message: "is not a cursor of this page's incident history" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

// On customer pages every list below holds only what the caller may see (services/visibility.ts).
builder.prismaObjectFields("StatusPage", (t) => ({
  incidents: t.prismaField({
    type: ["Incident"],
    description: "Unresolved incidents, newest first.",
    resolve: async (query, page, _args, ctx) => {
      // The page's shared snapshot holds them, unless the selection reaches past what it holds.
      if (rowsCover("Incident", INCIDENT_ROWS, query)) return shownIncidents((await ctx.loaders.snapshots.load(page.id))!, ctx.actor);
      return ctx.db.incident.findMany({ ...query, where: { pageId: page.id, AND: [UNRESOLVED, visibleIncidents(ctx.actor)] }, orderBy: NEWEST_FIRST });
    },
  }),
  incident: t.field({
    type: Incident,
    nullable: true,
    description: "One of this page's incidents, resolved or not; null when there is none the caller may see.",
    args: { id: t.arg.id() },
    select: (args, ctx, nestedSelection) => ({
      incidents: nestedSelection({ where: { AND: [{ id: lookupText(String(args.id)) }, visibleIncidents(ctx.actor)] }, take: 1 }),
    }),
    resolve: (page) => page.incidents[0] ?? null,
  }),
  incidentHistory: t.connection({
    type: Incident,
    description: "Every incident, resolved ones included, newest first.",
    // Pothos' connection sizes: 20 unless asked, at most 100.
    complexity: ({ first, last }) => ({ field: 1, multiplier: listSize(first ?? last, 20, 100) }),
    select: (args, ctx, nestedSelection) => ({
      id: true,
      // The helper types one ordering; Prisma takes the list (newest first, ties by id).
      incidents: { ...history.getQuery(plannable(args), ctx, nestedSelection), orderBy: NEWEST_FIRST },
    }),
    resolve: async (page, args, ctx) => {
      await checkHistoryArgs(ctx, { AND: [{ pageId: page.id }, visibleIncidents(ctx.actor)] }, args);
      return history.resolve(page.incidents, args, ctx);
    },
  }),
}));

// Every update's components count: an incident stays on a sub-page once it has named
// one of its components, even at NO_IMPACT (domain `affectsAny`).
const AFFECTED = { updates: { select: { impacts: { select: { componentId: true } } } } } satisfies Prisma.IncidentSelect;
type WithAffected = { updates: { impacts: { componentId: string }[] }[] };
const affected = (i: WithAffected) => i.updates.flatMap((u) => u.impacts.map((x) => x.componentId));

builder.prismaObjectFields("SubPage", (t) => ({
  incidents: t.field({
    type: [Incident],
    description: "Unresolved incidents affecting this sub-page's components, newest first.",
    select: (_args, _ctx, nestedSelection) => ({
      id: true,
      page: { select: { incidents: nestedSelection({ where: UNRESOLVED, orderBy: NEWEST_FIRST, include: AFFECTED }) } },
    }),
    resolve: (sub, _args, ctx) => visibleOnSubPage(ctx, sub.id, sub.page.incidents, affected),
  }),
  incidentHistory: t.connection({
    type: Incident,
    description: "Incidents affecting this sub-page's components, resolved ones included, newest first.",
    complexity: ({ first, last }) => ({ field: 1, multiplier: listSize(first ?? last, 20, 100) }),
    resolve: async (sub, args, ctx, info) => {
      const where = incidentsOfSubPage(sub);
      await checkHistoryArgs(ctx, where, args);
      // Planned like a Prisma connection: one query for the page of incidents and what is selected of them.
      const nested = queryFromInfo({ context: ctx, info, path: ["edges", "node"] });
      const query = subPageHistory.getQuery(args, ctx, () => nested);
      const rows = await ctx.db.incident.findMany({ ...query, where, orderBy: NEWEST_FIRST });
      return subPageHistory.resolve(rows, args, ctx);
    },
  }),
}));
