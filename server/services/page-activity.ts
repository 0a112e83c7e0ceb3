// What a page's derived status is computed from: its unresolved incidents (with
// the impacts of their latest update) and its in-progress maintenance.
import type { Db } from "../db/client.js";
import type { ActiveIncident, ActiveMaintenance } from "../domain/status.js";
import { deriveComponentStatuses } from "../domain/status.js";
import type { ComponentStatus } from "../domain/types.js";

export interface PageActivity {
  incidents: ActiveIncident[];
  maintenances: ActiveMaintenance[];
}

/** Two statements for any number of pages, incidents and components. */
export async function loadPageActivity(db: Db, pageIds: readonly string[]): Promise<PageActivity[]> {
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      where: { pageId: { in: [...pageIds] }, status: { not: "RESOLVED" } },
      select: {
        id: true,
        pageId: true,
        status: true,
        updates: {
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { impacts: { select: { componentId: true, impact: true } } },
        },
      },
    }),
    db.maintenance.findMany({
      where: { pageId: { in: [...pageIds] }, status: "IN_PROGRESS" },
      select: { id: true, pageId: true, status: true, components: { select: { componentId: true, impact: true } } },
    }),
  ]);
  return pageIds.map((pageId) => ({
    incidents: incidents
      .filter((i) => i.pageId === pageId)
      .map((i) => ({ id: i.id, status: i.status, impacts: i.updates[0]?.impacts ?? [] })),
    maintenances: maintenances.filter((m) => m.pageId === pageId),
  }));
}

export function componentStatuses(activity: PageActivity, componentIds: readonly string[]): Map<string, ComponentStatus> {
  return deriveComponentStatuses(componentIds, activity.incidents, activity.maintenances);
}
