// What uptime is computed from: the impact history of a page's incidents and the
// periods its maintenance was in progress, over the longest window the API allows.
import type { Db } from "../db/client.js";
import { inProgressPeriod } from "../domain/maintenance-window.js";
import type { ImpactHistory, MaintenanceWindow } from "../domain/uptime.js";

/** The longest uptime window, in UTC days, that the API serves: what a page shows. */
export const MAX_UPTIME_DAYS = 90;
const DAY_MS = 86_400_000;

export interface UptimeHistory {
  incidents: ImpactHistory;
  maintenanceWindows: MaintenanceWindow[];
}

const byComponent = new WeakMap<UptimeHistory, Map<string, ImpactHistory>>();
const computed = new WeakMap<UptimeHistory, Map<string, unknown>>();

/**
 * What `compute` gives for `key` from this history, computed once: a history is loaded
 * per request, so aliases asking again for the same component's uptime cost nothing more.
 */
export function onceFor<T>(history: UptimeHistory, key: string, compute: () => T): T {
  let results = computed.get(history);
  if (!results) computed.set(history, (results = new Map()));
  if (!results.has(key)) results.set(key, compute());
  return results.get(key) as T;
}

/**
 * The incidents that ever named this component: each component of a page reads
 * only its own, rather than every incident of the page (indexed once per history).
 */
export function incidentsNaming(history: UptimeHistory, componentId: string): ImpactHistory {
  let index = byComponent.get(history);
  if (!index) {
    index = new Map();
    for (const incident of history.incidents) {
      const named = new Set(incident.updates.flatMap((u) => u.impacts.map((i) => i.componentId)));
      for (const id of named) index.get(id)?.push(incident) ?? index.set(id, [incident]);
    }
    byComponent.set(history, index);
  }
  return index.get(componentId) ?? [];
}

/**
 * History of many pages in a fixed number of statements, whatever the number of
 * components. One window serves every `days` argument, so the loader can be keyed
 * by page alone.
 */
export async function loadUptimeHistory(db: Db, pageIds: readonly string[], now: Date): Promise<UptimeHistory[]> {
  // One spare day: the caller's clock may pass midnight after this one read it.
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - MAX_UPTIME_DAYS * DAY_MS);
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      // An incident resolved before the window has all its updates before it.
      where: { pageId: { in: [...pageIds] }, OR: [{ status: { not: "RESOLVED" } }, { updates: { some: { publishedAt: { gte: from } } } }] },
      select: {
        id: true,
        pageId: true,
        updates: { select: { publishedAt: true, status: true, impacts: { select: { componentId: true, impact: true } } } },
      },
    }),
    db.maintenance.findMany({
      where: {
        pageId: { in: [...pageIds] },
        components: { some: { impact: "UNDER_MAINTENANCE" } },
        OR: [{ status: "IN_PROGRESS" }, { status: "COMPLETE", OR: [{ endsAt: { gte: from } }, { updates: { some: { publishedAt: { gte: from } } } }] }],
      },
      select: {
        id: true,
        pageId: true,
        status: true,
        startsAt: true,
        endsAt: true,
        updates: { select: { status: true, publishedAt: true } },
        components: { where: { impact: "UNDER_MAINTENANCE" }, select: { componentId: true } },
      },
    }),
  ]);
  return pageIds.map((pageId) => ({
    incidents: incidents.filter((i) => i.pageId === pageId).map((i) => ({ incidentId: i.id, updates: i.updates })),
    maintenanceWindows: maintenances
      .filter((m) => m.pageId === pageId)
      .flatMap((m) => {
        const period = inProgressPeriod(m, now);
        if (!period) return [];
        return m.components.map((c) => ({ maintenanceId: m.id, componentId: c.componentId, ...period }));
      }),
  }));
}
