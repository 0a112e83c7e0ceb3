// The Incident type as pages show it: updates newest first, each with its impacts.
import { builder } from "../builder.js";
import { Versioned } from "./versioned-fields.js";
import { OPERATORS_ONLY } from "./publication.js";
import type { Prisma } from "../generated/sqlite/client.js";
import * as incidents from "../services/incidents.js";
import { IncidentImpactLevel, IncidentStatus } from "./enums.js";
import { MESSAGE_HTML, renderMarkdown } from "./message-html.js";
import { impactsShownTo } from "./sub-page-visibility.js";

/** Impacts with their component's name, in catalog order. */
export const IMPACTS = {
  select: { componentId: true, impact: true, component: { select: { name: true } } },
  orderBy: [{ component: { rank: "asc" } }, { component: { name: "asc" } }, { componentId: "asc" }],
} satisfies Prisma.IncidentUpdate$impactsArgs;

type ImpactRow = { componentId: string; impact: incidents.NamedImpact["impact"]; component: { name: string } };
const named = (rows: ImpactRow[]): incidents.NamedImpact[] => rows.map((r) => ({ componentId: r.componentId, impact: r.impact, name: r.component.name }));

export const ComponentImpact = builder.objectRef<incidents.NamedImpact>("ComponentImpact").implement({
  description: "How an incident affects one component.",
  fields: (t) => ({
    componentId: t.exposeID("componentId"),
    name: t.exposeString("name"),
    impact: t.expose("impact", { type: IncidentImpactLevel }),
  }),
});

export const Incident = builder.prismaObject("Incident", {
  interfaces: [Versioned],
  fields: (t) => ({
    name: t.exposeString("name"),
    status: t.expose("status", { type: IncidentStatus }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    publishedBy: t.exposeString("publishedBy", OPERATORS_ONLY),
    page: t.relation("page"),
    updates: t.relation("updates", { description: "Newest first.", query: { orderBy: incidents.NEWEST_FIRST } }),
    // Same relation arguments as `updates`, so both load in one query.
    currentImpacts: t.field({
      type: [ComponentImpact],
      description: "Impacts of the latest update other than NO_IMPACT; empty once resolved.",
      select: { pageId: true, status: true, updates: { orderBy: incidents.NEWEST_FIRST, select: { impacts: IMPACTS } } },
      resolve: (i, _args, ctx) =>
        i.status === "RESOLVED"
          ? []
          : impactsShownTo(
              ctx,
              i.pageId,
              named(i.updates[0]?.impacts ?? []).filter((x) => x.impact !== "NO_IMPACT"),
            ),
    }),
    affectedComponents: t.field({
      type: [ComponentImpact],
      description: "Every component the latest update lists, NO_IMPACT included.",
      select: { pageId: true, updates: { orderBy: incidents.NEWEST_FIRST, select: { impacts: IMPACTS } } },
      resolve: (i, _args, ctx) => impactsShownTo(ctx, i.pageId, named(i.updates[0]?.impacts ?? [])),
    }),
  }),
});

builder.prismaObject("IncidentUpdate", {
  fields: (t) => ({
    id: t.exposeID("id"),
    sequence: t.exposeInt("sequence", { description: "1, 2, 3, … per incident, in the order the updates were committed." }),
    status: t.expose("status", { type: IncidentStatus }),
    message: t.exposeString("message"),
    messageHtml: t.string({ description: MESSAGE_HTML, resolve: (u) => renderMarkdown(u.message) }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    publishedBy: t.exposeString("publishedBy", OPERATORS_ONLY),
    impacts: t.field({
      type: [ComponentImpact],
      // Only a viewer's impacts are filtered, so only then is the page looked up.
      select: (_args, ctx) => (ctx.actor.kind === "viewer" ? { impacts: IMPACTS, incident: { select: { pageId: true } } } : { impacts: IMPACTS }),
      resolve: (u, _args, ctx) => impactsShownTo(ctx, "incident" in u ? u.incident.pageId : undefined, named(u.impacts)),
    }),
  }),
});
