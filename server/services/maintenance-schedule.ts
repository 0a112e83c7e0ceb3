// The transitions the service makes itself for auto-updating maintenance: to
// IN_PROGRESS at the window's start, to COMPLETE at its end. Several instances may
// race for one; a conditional write lets exactly one of them make it. A publish
// that leaves a window already begun or over makes its transition at once.
import type { Db } from "../db/client.js";
import type { Maintenance } from "../generated/sqlite/client.js";
import { dueMaintenanceTransition, nextMaintenanceWakeUp, transitionTiming, type TransitionTiming } from "../domain/transitions.js";
import type { MaintenanceStatus } from "../domain/types.js";
import { commitChange, type ChangeScope } from "./change.js";
import { publishedChange } from "./publishing.js";

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

type TransitionRow = Maintenance & { components: { componentId: string }[]; updates: { publishedAt: Date }[] };

const iso = (d: Date) => d.toISOString();

function automaticMessage(m: Maintenance, to: AutomaticStatus, timing: TransitionTiming, lastPublishedAt: Date): string {
  const down = timing === "SERVICE_DOWN";
  if (to === "IN_PROGRESS") {
    return down
      ? `Maintenance started. The status service was unavailable when the maintenance window opened (${iso(m.startsAt)}), so it is marked as in progress late.`
      : "Maintenance started.";
  }
  if (m.status === "IN_PROGRESS") {
    return down
      ? `Maintenance completed. The status service was unavailable when the maintenance window closed (${iso(m.endsAt)}), so it is marked as complete late.`
      : "Maintenance completed.";
  }
  // Straight from SCHEDULED: the window is over and it never showed as in progress.
  if (down) {
    return (
      `Maintenance completed. The status service was unavailable during the maintenance window ` +
      `(${iso(m.startsAt)} to ${iso(m.endsAt)}), so it was not marked as in progress.`
    );
  }
  if (lastPublishedAt.getTime() >= m.endsAt.getTime()) {
    return `Maintenance completed. Its window (${iso(m.startsAt)} to ${iso(m.endsAt)}) had already ended when it was published.`;
  }
  return "Maintenance completed.";
}

/**
 * When the next automatic transition is due: `now` when one is due already (a window
 * published or moved into the past, on another instance say), null when none is planned.
 */
export async function nextTransitionAt(db: Db, now: Date): Promise<Date | null> {
  const upcoming = await db.maintenance.findMany({
    where: { autoUpdate: true, status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
    select: { status: true, autoUpdate: true, startsAt: true, endsAt: true },
  });
  return upcoming.some((m) => dueMaintenanceTransition(m, now)) ? now : nextMaintenanceWakeUp(upcoming, now);
}

export interface TransitionOptions {
  /**
   * When this process started (its scheduler's first instant). A transition whose
   * instant came before it, in a window already published then, was missed while the
   * service was down, and its update says so. Omitted: never said.
   */
  runningSince?: Date | null;
}

async function findForTransition(db: Db, id: string): Promise<TransitionRow | null> {
  return db.maintenance.findUnique({
    where: { id },
    include: {
      components: { select: { componentId: true } },
      updates: { orderBy: { sequence: "desc" }, take: 1, select: { publishedAt: true } },
    },
  });
}

/**
 * Moves a maintenance to `to` when that transition is due at `now`, with an automatic
 * update saying so. Returns false when it is not due (any more): typically because
 * another instance made it first.
 */
export async function applyDueTransition(
  scope: ChangeScope,
  maintenanceId: string,
  to: AutomaticStatus,
  now: Date,
  options: TransitionOptions = {},
): Promise<boolean> {
  const found = await findForTransition(scope.db, maintenanceId);
  if (!found || automatic(dueMaintenanceTransition(found, now)) !== to) return false;
  return transition(scope, found, to, now, options);
}

/**
 * Makes at once whichever automatic transition is due for the maintenance at `now`:
 * for a window published, or moved, already begun or ended. False when none is due.
 */
export async function applyAnyDueTransition(scope: ChangeScope, maintenanceId: string, now: Date, options: TransitionOptions = {}): Promise<boolean> {
  const found = await findForTransition(scope.db, maintenanceId);
  const to = found ? automatic(dueMaintenanceTransition(found, now)) : null;
  return found && to ? transition(scope, found, to, now, options) : false;
}

/** The operation name changes the service makes on its own are recorded under. */
export const TRANSITION_OPERATION = "transitionMaintenance";

async function transition(scope: ChangeScope, found: TransitionRow, to: AutomaticStatus, now: Date, options: TransitionOptions): Promise<boolean> {
  const { components, updates, ...m } = found;
  // Every maintenance is published with an update; its own publish instant stands in otherwise.
  const lastPublishedAt = updates[0]?.publishedAt ?? m.publishedAt;
  const timing = transitionTiming({ ...m, lastPublishedAt }, options.runningSince ?? null);
  return commitChange({ ...scope, now: () => now }, TRANSITION_OPERATION, async (tx) => {
    // The write comes first and only matches the row as it was read: a concurrent
    // caller (or an operator's edit) that got there first leaves nothing to match.
    // Writing before reading also takes SQLite's write lock at once, so a second
    // instance on the same file waits instead of failing on a stale snapshot.
    const { count } = await tx.maintenance.updateMany({
      where: { id: m.id, status: m.status, autoUpdate: true, startsAt: m.startsAt, endsAt: m.endsAt },
      data: { status: to, lastSequence: { increment: 1 }, version: { increment: 1 }, updatedBy: "system", updatedAt: now },
    });
    if (count !== 1) return { value: false, change: null };
    const { lastSequence: sequence } = await tx.maintenance.findUniqueOrThrow({ where: { id: m.id }, select: { lastSequence: true } });
    const message = automaticMessage(m, to, timing, lastPublishedAt);
    await tx.maintenanceUpdate.create({ data: { maintenanceId: m.id, sequence, status: to, message, publishedAt: now, publishedBy: null } });
    const kind = to === "IN_PROGRESS" ? "STARTED" : "COMPLETED";
    const { id, pageId, name, status } = m;
    const before = { status };
    const change = publishedChange({
      subject: "MAINTENANCE",
      kind,
      pageId,
      id,
      name,
      sequence,
      previous: components,
      next: [],
      before,
      after: { status: to, message },
    });
    return { value: true, change };
  });
}
