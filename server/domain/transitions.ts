import type { IncidentStatus, MaintenanceStatus } from "./types.js";

/** A resolved incident is closed: it takes no further updates. */
export function canUpdateIncident(status: IncidentStatus): boolean {
  return status !== "RESOLVED";
}

/** A complete maintenance is closed: it takes no further updates. */
export function canUpdateMaintenance(status: MaintenanceStatus): boolean {
  return status !== "COMPLETE";
}

// Maintenance only moves forward; staying put is allowed so an update can change
// only the message or the affected components.
const MAINTENANCE_NEXT: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  SCHEDULED: ["SCHEDULED", "IN_PROGRESS", "COMPLETE"],
  IN_PROGRESS: ["IN_PROGRESS", "COMPLETE"],
  COMPLETE: [],
};

export function allowedMaintenanceStatusChange(from: MaintenanceStatus, to: MaintenanceStatus): boolean {
  return MAINTENANCE_NEXT[from].includes(to);
}

export interface SchedulableMaintenance {
  status: MaintenanceStatus;
  autoUpdate: boolean;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The status an auto-updating maintenance should have moved to by `now`, or null when
 * none is due. A window that opened and closed while the service was down goes straight
 * to COMPLETE.
 */
export function dueMaintenanceTransition(m: SchedulableMaintenance, now: Date): MaintenanceStatus | null {
  if (!m.autoUpdate) return null;
  const t = now.getTime();
  const ended = t >= m.endsAt.getTime();
  if (m.status === "SCHEDULED" && t >= m.startsAt.getTime()) return ended ? "COMPLETE" : "IN_PROGRESS";
  if (m.status === "IN_PROGRESS" && ended) return "COMPLETE";
  return null;
}

/**
 * The earliest instant strictly after `now` at which an auto-updating maintenance needs
 * a transition; null when none will. Transitions already due are not reported: apply
 * them with `dueMaintenanceTransition` first.
 */
export function nextMaintenanceWakeUp(list: Iterable<SchedulableMaintenance>, now: Date): Date | null {
  const t = now.getTime();
  let earliest: number | null = null;
  for (const m of list) {
    if (!m.autoUpdate || m.status === "COMPLETE") continue;
    const candidates = m.status === "SCHEDULED" ? [m.startsAt, m.endsAt] : [m.endsAt];
    for (const c of candidates) {
      const ct = c.getTime();
      if (ct > t && (earliest === null || ct < earliest)) earliest = ct;
    }
  }
  return earliest === null ? null : new Date(earliest);
}

/** Why an automatic transition is made when it is, which its update says. */
export type TransitionTiming = "ON_TIME" | "PUBLISHED_LATE" | "SERVICE_DOWN";

/**
 * How the due transition of `m` relates to its instant (the window's start while
 * scheduled, its end while in progress). PUBLISHED_LATE: the latest update was
 * published at or after that instant, so the window was announced (or moved) already
 * begun or ended and nothing was missed. SERVICE_DOWN: the instant passed before
 * `runningSince`, when this process started, with the window already known; no
 * instance made the transition then, so none was running. Otherwise ON_TIME, even if
 * a busy instance made it a little late.
 */
export function transitionTiming(m: SchedulableMaintenance & { lastPublishedAt: Date }, runningSince: Date | null): TransitionTiming {
  const instant = (m.status === "SCHEDULED" ? m.startsAt : m.endsAt).getTime();
  if (m.lastPublishedAt.getTime() >= instant) return "PUBLISHED_LATE";
  if (runningSince && instant < runningSince.getTime()) return "SERVICE_DOWN";
  return "ON_TIME";
}
