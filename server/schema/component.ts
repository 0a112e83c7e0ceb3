// A component as a page shows it: a catalog entry, with a status and an uptime
// derived from that page's incidents and maintenance.
import { z } from "zod";
import { builder, listSize } from "../builder.js";
import type { Context } from "../context.js";
import { pageStatus } from "../domain/status.js";
import type { ComponentStatus as Status } from "../domain/types.js";
import { statusOf, summaryOf } from "../services/page-snapshot.js";
import { computeUptime, type UptimeDay as Day } from "../domain/uptime.js";
import { pause } from "../services/slices.js";
import { incidentsNaming, MAX_UPTIME_DAYS, onceFor } from "../services/uptime-history.js";
import { ComponentStatus } from "./enums.js";

/** What a Component is built from; other modules (incidents, maintenance) build them too. */
export interface ComponentSource {
  /** The catalog entry's id. */
  id: string;
  name: string;
  /** The page whose incidents and maintenance give the status. */
  pageId: string;
  groupName: string | null;
}

export interface Summary {
  status: Status;
  sentence: string;
}

export const StatusSummary = builder.objectRef<Summary>("StatusSummary").implement({
  description: 'The worst status of the shown components, with a sentence such as "All systems operational".',
  fields: (t) => ({
    status: t.field({ type: ComponentStatus, resolve: (s) => s.status }),
    sentence: t.exposeString("sentence"),
    // Always current when resolved: a last known answer (served while the database
    // is unavailable) has them set afterwards (server/http/stale-answer.ts).
    stale: t.boolean({
      description: "True when this is the last known state, served because the database is unavailable right now; it may be out of date.",
      resolve: () => false,
    }),
    asOf: t.field({
      type: "DateTime",
      nullable: true,
      description: "When a stale summary was computed; null when it is current.",
      resolve: () => null,
    }),
  }),
});

const UptimeDay = builder.objectRef<Day>("UptimeDay").implement({
  fields: (t) => ({
    date: t.exposeString("date", { description: "The UTC day, YYYY-MM-DD." }),
    uptime: t.exposeFloat("uptime", { nullable: true, description: "0..1; null before the component was added." }),
    worst: t.field({ type: ComponentStatus, resolve: (d) => d.worst }),
    incidentIds: t.exposeIDList("incidentIds"),
    maintenanceIds: t.exposeIDList("maintenanceIds"),
    downtimeSeconds: t.exposeFloat("downtimeSeconds"),
  }),
});

const Uptime = builder.objectRef<{ percentage: number | null; days: Day[] }>("Uptime").implement({
  description: "Derived from incident impacts: full outage counts fully as downtime, partial outage 30%, degraded performance and maintenance not at all.",
  fields: (t) => ({
    percentage: t.exposeFloat("percentage", { nullable: true, description: "0..1 over the whole window; null when nothing was observed." }),
    // Its size is the `days` argument of `uptime`, which counts it (complexity there).
    days: t.field({ type: [UptimeDay], description: "Oldest first, ending today (UTC).", complexity: { field: 1, multiplier: 1 }, resolve: (u) => u.days }),
  }),
});

async function uptimeOf(ctx: Context, c: ComponentSource, days: number) {
  const [history, entry] = await Promise.all([ctx.loaders.uptimeHistory.load(c.pageId), ctx.loaders.entries.load(c.id)]);
  // Many components' uptime (and the days GraphQL builds from it) must not hold the event loop in one go.
  // Awaited only when needed: an `await` of nothing would defer the work past every other component's check.
  const turn = pause();
  if (turn) await turn;
  return onceFor(history, `${c.id}:${days}`, () =>
    computeUptime({
      componentId: c.id,
      // Entries carry no date of joining a page; their creation is the earliest it can be.
      since: entry.createdAt,
      history: incidentsNaming(history, c.id),
      maintenanceWindows: history.maintenanceWindows,
      now: ctx.now(),
      days,
    }),
  );
}

export const Component = builder.objectRef<ComponentSource>("Component").implement({
  description: "A catalog entry as a status page shows it.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The catalog entry's id." }),
    name: t.exposeString("name"),
    status: t.field({
      type: ComponentStatus,
      resolve: async (c, _args, ctx) => {
        const snapshot = await ctx.loaders.snapshots.load(c.pageId);
        return snapshot ? statusOf(snapshot, c.id) : "OPERATIONAL";
      },
    }),
    uptime: t.field({
      type: Uptime,
      args: { days: t.arg.int({ required: false, defaultValue: MAX_UPTIME_DAYS, validate: z.number().int().min(1).max(MAX_UPTIME_DAYS).nullable() }) },
      // Every day of the window is an object: its selections count once per day.
      complexity: ({ days }) => ({ field: 1, multiplier: listSize(days, MAX_UPTIME_DAYS, MAX_UPTIME_DAYS) }),
      resolve: (c, { days }, ctx) => uptimeOf(ctx, c, days ?? MAX_UPTIME_DAYS),
    }),
  }),
});

/** Status of a page or sub-page showing these components, from its page's snapshot (shared until the page changes). */
export async function summarize(ctx: Context, pageId: string, componentIds: readonly string[]): Promise<Summary> {
  const snapshot = await ctx.loaders.snapshots.load(pageId);
  return snapshot ? summaryOf(snapshot, componentIds) : pageStatus([]);
}
