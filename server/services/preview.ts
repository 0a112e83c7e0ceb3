// Which component statuses a publish changes. Computed the same way for a preview
// and for the real thing: from the page's current activity, with the change
// applied in memory, before anything is written.
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { describeComponentChanges, type ActiveIncident, type ActiveMaintenance, type ComponentChange } from "../domain/status.js";
import { componentStatuses, loadPageActivity, type PageActivity } from "./page-activity.js";
import { pageComponentIds } from "./page-components.js";

type Tx = Prisma.TransactionClient;

export interface ComponentStatusChange extends ComponentChange {
  name: string;
}

/** A hypothetical change to what a page's statuses derive from. */
export type ActivityChange = (current: PageActivity) => PageActivity;

/** Replaces the incident with the same id, or adds it. */
export function withIncident(incident: ActiveIncident): ActivityChange {
  return (a) => ({ ...a, incidents: [...a.incidents.filter((i) => i.id !== incident.id), incident] });
}

/** Replaces the maintenance with the same id, or adds it. */
export function withMaintenance(maintenance: ActiveMaintenance): ActivityChange {
  return (a) => ({ ...a, maintenances: [...a.maintenances.filter((m) => m.id !== maintenance.id), maintenance] });
}

/** Status changes `change` would cause on the page's components, with the components' names. */
export async function componentChanges(tx: Tx, pageId: string, change: ActivityChange): Promise<ComponentStatusChange[]> {
  const ids = [...(await pageComponentIds(tx, pageId))];
  // loadPageActivity only reads, so the transaction client serves; reading through it
  // sees the same snapshot the publish then writes against.
  const [current] = await loadPageActivity(tx as Db, [pageId]);
  const changes = describeComponentChanges(componentStatuses(current!, ids), componentStatuses(change(current!), ids));
  if (changes.length === 0) return [];
  const entries = await tx.catalogEntry.findMany({ where: { id: { in: changes.map((c) => c.componentId) } }, select: { id: true, name: true } });
  const names = new Map(entries.map((e) => [e.id, e.name]));
  return changes.map((c) => ({ ...c, name: names.get(c.componentId) ?? "" }));
}

/** What a publishing operation did, or with `preview` would do. */
export interface Publication<Draft> {
  preview: boolean;
  /** The written incident or maintenance; null for a preview. */
  id: string | null;
  draft: Draft;
  componentChanges: ComponentStatusChange[];
  /** Who would hear of it: the page and every component the publication names now or named before. */
  audience: { subject: "INCIDENT" | "MAINTENANCE"; pageId: string; componentIds: string[]; notify: boolean };
}

export interface PublishOptions {
  now: Date;
  /** Validate and describe, but write and announce nothing. */
  preview?: boolean;
  /** Who publishes; filled in by the auth layer. */
  actorName?: string | null;
  /** Tell subscribers once published (default true). */
  notify?: boolean;
}
