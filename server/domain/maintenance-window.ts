/*
 * When a maintenance was actually in progress, for uptime history. Its updates say
 * when it moved to IN_PROGRESS and to COMPLETE; when a move left no update (a status
 * set without one), the impact window's start or end stands in for it. One never marked
 * as in progress (completed after a window that passed unseen, or published after it)
 * ran within its window at most. A maintenance completed before it started, or still
 * scheduled, was never in progress.
 */
import type { MaintenanceStatus } from "./types.js";

export interface MaintenanceRecord {
  status: MaintenanceStatus;
  startsAt: Date;
  endsAt: Date;
  updates: readonly { status: MaintenanceStatus; publishedAt: Date }[];
}

/** The in-progress period; `end` is `now` while it is still in progress. Null when it never was. */
export function inProgressPeriod(m: MaintenanceRecord, now: Date): { start: Date; end: Date } | null {
  if (m.status === "SCHEDULED") return null;
  const updates = [...m.updates].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const started = updates.find((u) => u.status === "IN_PROGRESS")?.publishedAt;
  const start = started ?? m.startsAt;
  const completedAt = updates.find((u) => u.status === "COMPLETE")?.publishedAt ?? m.endsAt;
  const completed = started || completedAt < m.endsAt ? completedAt : m.endsAt;
  const end = m.status === "IN_PROGRESS" ? now : completed;
  return end.getTime() > start.getTime() ? { start, end } : null;
}
