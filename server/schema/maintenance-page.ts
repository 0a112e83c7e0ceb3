// Maintenance as a status page and a customer sub-page list it.
import { builder } from "../builder.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { shownMaintenances } from "../services/page-snapshot.js";
import { visibleMaintenances } from "../services/visibility.js";
import { Maintenance } from "./maintenance-types.js";
import { MAINTENANCE_ROWS, rowsCover } from "./snapshot-rows.js";
import { visibleOnSubPage } from "./sub-page-visibility.js";

export const MaintenanceState = builder.enumType("MaintenanceState", {
  values: {
    UPCOMING: { description: "SCHEDULED, soonest start first. Includes windows already open that the service has not started yet." },
    IN_PROGRESS: { description: "IN_PROGRESS, earliest start first." },
    PAST: { description: "COMPLETE, latest end first." },
  } as const,
});

type State = keyof typeof STATES;
const STATES = {
  UPCOMING: { where: { status: "SCHEDULED" }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
  IN_PROGRESS: { where: { status: "IN_PROGRESS" }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
  PAST: { where: { status: "COMPLETE" }, orderBy: [{ endsAt: "desc" }, { id: "desc" }] },
} satisfies Record<string, Prisma.StatusPage$maintenancesArgs>;

const stateArg = { type: MaintenanceState, defaultValue: "UPCOMING" } as const;

builder.prismaObjectFields("StatusPage", (t) => ({
  maintenances: t.prismaField({
    type: ["Maintenance"],
    description: "The page's maintenance in one state: upcoming (default), in progress, or past. Customer pages: what the caller may see.",
    args: { state: t.arg(stateArg) },
    resolve: async (query, page, args, ctx) => {
      const state = args.state as State;
      // Upcoming and in-progress maintenance is in the page's shared snapshot, unless the selection reaches past what it holds.
      if (state !== "PAST" && rowsCover("Maintenance", MAINTENANCE_ROWS, query)) {
        return shownMaintenances((await ctx.loaders.snapshots.load(page.id))!, ctx.actor, state);
      }
      const { where, orderBy } = STATES[state];
      return ctx.db.maintenance.findMany({ ...query, where: { pageId: page.id, AND: [where, visibleMaintenances(ctx.actor)] }, orderBy });
    },
  }),
}));

builder.prismaObjectFields("SubPage", (t) => ({
  maintenances: t.field({
    type: [Maintenance],
    description: "Maintenance in one state whose components include at least one of this sub-page's.",
    args: { state: t.arg(stateArg) },
    select: ({ state }, _ctx, nestedSelection) => ({
      id: true,
      page: {
        select: {
          maintenances: nestedSelection({ ...STATES[state as State], include: { components: { select: { componentId: true } } } }),
        },
      },
    }),
    resolve: (sub, _args, ctx) => visibleOnSubPage(ctx, sub.id, sub.page.maintenances, (m) => m.components.map((c) => c.componentId)),
  }),
}));
