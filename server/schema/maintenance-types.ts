// The Maintenance type as pages show it.
import { builder } from "../builder.js";
import { Versioned } from "./versioned-fields.js";
import { OPERATORS_ONLY } from "./publication.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type * as maintenance from "../services/maintenance.js";
import { MaintenanceImpactLevel, MaintenanceStatus } from "./enums.js";
import { MESSAGE_HTML, renderMarkdown } from "./message-html.js";
import { impactsShownTo } from "./sub-page-visibility.js";

export const MAINTENANCE_NEWEST_FIRST = [{ sequence: "desc" }] satisfies Prisma.MaintenanceUpdateOrderByWithRelationInput[];
const NEWEST_FIRST = MAINTENANCE_NEWEST_FIRST;
const LATEST_MESSAGE = { updates: { orderBy: NEWEST_FIRST, select: { message: true } } } as const;
export const MAINTENANCE_COMPONENTS = {
  select: { componentId: true, impact: true, component: { select: { name: true } } },
  orderBy: [{ component: { rank: "asc" } }, { component: { name: "asc" } }, { componentId: "asc" }],
} satisfies Prisma.Maintenance$componentsArgs;

export const MaintenanceComponentImpact = builder.objectRef<maintenance.NamedMaintenanceImpact>("MaintenanceComponentImpact").implement({
  fields: (t) => ({
    componentId: t.exposeID("componentId"),
    name: t.exposeString("name"),
    impact: t.expose("impact", { type: MaintenanceImpactLevel }),
  }),
});

export const Maintenance = builder.prismaObject("Maintenance", {
  interfaces: [Versioned],
  fields: (t) => ({
    name: t.exposeString("name"),
    status: t.expose("status", { type: MaintenanceStatus }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Start of the impact window." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "End of the impact window." }),
    autoUpdate: t.exposeBoolean("autoUpdate", { description: "The service moves it to IN_PROGRESS at the start and COMPLETE at the end." }),
    // Same relation arguments as `updates`, so all three load in one query.
    message: t.string({
      description: "The latest update's message.",
      select: LATEST_MESSAGE,
      resolve: (m) => m.updates[0]?.message ?? "",
    }),
    messageHtml: t.string({
      description: MESSAGE_HTML,
      select: LATEST_MESSAGE,
      resolve: (m) => renderMarkdown(m.updates[0]?.message ?? ""),
    }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    publishedBy: t.exposeString("publishedBy", OPERATORS_ONLY),
    page: t.relation("page"),
    updates: t.relation("updates", { description: "Newest first.", query: { orderBy: NEWEST_FIRST } }),
    components: t.field({
      type: [MaintenanceComponentImpact],
      select: { pageId: true, components: MAINTENANCE_COMPONENTS },
      resolve: (m, _args, ctx) =>
        impactsShownTo(
          ctx,
          m.pageId,
          m.components.map((c) => ({ componentId: c.componentId, impact: c.impact, name: c.component.name })),
        ),
    }),
  }),
});

builder.prismaObject("MaintenanceUpdate", {
  fields: (t) => ({
    id: t.exposeID("id"),
    sequence: t.exposeInt("sequence", { description: "1, 2, 3, … per maintenance, in the order the updates were committed." }),
    status: t.expose("status", { type: MaintenanceStatus }),
    message: t.exposeString("message"),
    messageHtml: t.string({ description: MESSAGE_HTML, resolve: (u) => renderMarkdown(u.message) }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    publishedBy: t.exposeString("publishedBy", { ...OPERATORS_ONLY, description: `${OPERATORS_ONLY.description} Null for the service's own updates.` }),
  }),
});
