// The transitions the service makes itself for auto-updating maintenance: to
// IN_PROGRESS at the window's start, to COMPLETE at its end. Several instances may
// race for one; a conditional write lets exactly one of them make it.
import type { Db } from "../db/client.js";
import { announce, type Events } from "../events.js";
import type { Maintenance } from "../generated/sqlite/client.js";
import { dueMaintenanceTransition } from "../domain/transitions.js";
import type { MaintenanceStatus } from "../domain/types.js";

export type AutomaticStatus = "IN_PROGRESS" | "COMPLETE";

export interface DueTransition {
  id: string;
  pageId: string;
  from: MaintenanceStatus;
  to: AutomaticStatus;
}

/** Auto-updating maintenance whose transition is due at `now`, window start first. */
export async function dueMaintenances(db: Db, now: Date): Promise<DueTransition[]> {
  const rows = await db.maintenance.findMany({
    where: {
      autoUpdate: true,
      OR: [
        { status: "SCHEDULED", startsAt: { lte: now } },
        { status: "IN_PROGRESS", endsAt: { lte: now } },
      ],
    },
    select: { id: true, pageId: true, status: true, autoUpdate: true, startsAt: true, endsAt: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.flatMap((m) => {
    const to = automatic(dueMaintenanceTransition(m, now));
    return to ? [{ id: m.id, pageId: m.pageId, from: m.status, to }] : [];
  });
}

function automatic(status: MaintenanceStatus | null): AutomaticStatus | null {
  return status === "IN_PROGRESS" || status === "COMPLETE" ? status : null;
}

function automaticMessage(m: Maintenance, to: AutomaticStatus): string {
  if (to === "IN_PROGRESS") return "Maintenance started.";
  if (m.status === "IN_PROGRESS") return "Maintenance completed.";
  return (
    `Maintenance completed. The status service was unavailable during the maintenance window ` +
    `(${m.startsAt.toISOString()} to ${m.endsAt.toISOString()}), so it was not marked as in progress.`
  );
}

/**
 * Moves a maintenance to `to` when that transition is due at `now`, with an automatic
 * update saying so. Returns false when it is not due (any more): typically because
 * another instance made it first. Announces on `events`, after the commit, when given.
 */
export async function applyDueTransition(db: Db, maintenanceId: string, to: AutomaticStatus, now: Date, events?: Events): Promise<boolean> {
  const found = await db.maintenance.findUnique({ where: { id: maintenanceId }, include: { components: { select: { componentId: true } } } });
  if (!found || automatic(dueMaintenanceTransition(found, now)) !== to) return false;
  const { components, ...m } = found;
  const won = await db.$transaction(async (tx) => {
    // The write comes first and only matches the row as it was read: a concurrent
    // caller (or an operator's edit) that got there first leaves nothing to match.
    // Writing before reading also takes SQLite's write lock at once, so a second
    // instance on the same file waits instead of failing on a stale snapshot.
    const { count } = await tx.maintenance.updateMany({
      where: { id: m.id, status: m.status, autoUpdate: true, startsAt: m.startsAt, endsAt: m.endsAt },
      data: { status: to, lastSequence: { increment: 1 } },
    });
    if (count !== 1) return null;
    const { lastSequence: sequence } = await tx.maintenance.findUniqueOrThrow({ where: { id: m.id }, select: { lastSequence: true } });
    await tx.maintenanceUpdate.create({
      data: { maintenanceId: m.id, sequence, status: to, message: automaticMessage(m, to), publishedAt: now, publishedBy: null },
    });
    return sequence;
  });
  if (won !== null && events) {
    const kind = to === "IN_PROGRESS" ? "STARTED" : "COMPLETED";
    const componentIds = components.map((c) => c.componentId);
    announce(events, { pageId: m.pageId, subject: "MAINTENANCE", kind, subjectId: m.id, sequence: won, subjectName: m.name, componentIds, at: now });
  }
  return won !== null;
}
