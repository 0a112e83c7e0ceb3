// What a page's derived status is computed from: its unresolved incidents (with
// the impacts of their latest update) and its in-progress maintenance.
import type { Db } from "../db/client.js";
import type { ActiveIncident, ActiveMaintenance } from "../domain/status.js";
import { deriveComponentStatuses } from "../domain/status.js";
import type { ComponentStatus } from "../domain/types.js";
import { latestIncidentUpdates } from "./latest-updates.js";

export interface PageActivity {
  incidents: ActiveIncident[];
  maintenances: ActiveMaintenance[];
}

/** Four statements for any number of pages, incidents, updates and components. */
export async function loadPageActivity(db: Db, pageIds: readonly string[]): Promise<PageActivity[]> {
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      where: { pageId: { in: [...pageIds] }, status: { not: "RESOLVED" } },
      select: {
        id: true,
        pageId: true,
        status: true,
        lastSequence: true,
      },
    }),
    db.maintenance.findMany({
      where: { pageId: { in: [...pageIds] }, status: "IN_PROGRESS" },
      select: { id: true, pageId: true, status: true, components: { select: { componentId: true, impact: true } } },
    }),
  ]);
  const latest = await latestIncidentUpdates(db, incidents);
  return pageIds.map((pageId) => ({
    incidents: incidents.filter((i) => i.pageId === pageId).map((i) => ({ id: i.id, status: i.status, impacts: latest.get(i.id)?.impacts ?? [] })),
    maintenances: maintenances.filter((m) => m.pageId === pageId),
  }));
}

export function componentStatuses(activity: PageActivity, componentIds: readonly string[]): Map<string, ComponentStatus> {
  return deriveComponentStatuses(componentIds, activity.incidents, activity.maintenances);
}
