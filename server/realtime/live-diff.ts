// What one change means to the viewers of one page or sub-page, decided from the
// summaries before and after it and the change itself: which components changed
// status, and whether the incident or maintenance event concerns them.
import type { ComponentStatus } from "../domain/types.js";
import type { ChangeKind, PageChange } from "../events.js";
import type { PageSummary, SummaryIncident, SummaryMaintenance } from "../services/page-summary.js";

/** What caused a status change: an incident or maintenance (with its id), or an edit of the page or catalog. */
export interface ChangeCause {
  subject: PageChange["subject"];
  kind: ChangeKind;
  subjectId: string | null;
  subjectName: string | null;
}

export interface ComponentStatusEvent {
  pageId: string;
  subPageId: string | null;
  componentId: string;
  name: string;
  previous: ComponentStatus;
  next: ComponentStatus;
  /** ISO 8601. */
  at: string;
  cause: ChangeCause;
}

/** An incident or maintenance event as one view shows it. */
export interface LivePageEvent {
  pageId: string;
  subPageId: string | null;
  subject: "INCIDENT" | "MAINTENANCE";
  kind: ChangeKind;
  subjectId: string;
  name: string | null;
  at: string;
  /** The update the change wrote; null for deletes. */
  sequence: number | null;
  /** The affected components among those this view shows (never another customer's). */
  componentIds: string[];
  /** Its state on the page after the change, while it is ongoing (unresolved, or in progress). */
  incident: SummaryIncident | null;
  maintenance: SummaryMaintenance | null;
}

/**
 * A resync after missed events has no known cause; it reads as an update of the page.
 */
export function causeOf(change: PageChange | null): ChangeCause {
  if (!change) return { subject: "PAGE", kind: "UPDATED", subjectId: null, subjectName: null };
  return { subject: change.subject, kind: change.kind, subjectId: change.subjectId, subjectName: change.subjectName ?? null };
}

/**
 * Components shown both before and after whose status differs. One that appears or
 * disappears (a page or catalog edit) had no status here to change from or to: the
 * new summary says so.
 */
export function componentChanges(before: PageSummary, after: PageSummary, change: PageChange | null, at: string): ComponentStatusEvent[] {
  const previous = new Map(before.components.map((c) => [c.id, c.status]));
  const cause = causeOf(change);
  return after.components.flatMap((c) => {
    const was = previous.get(c.id);
    if (was === undefined || was === c.status) return [];
    return [{ pageId: after.pageId, subPageId: after.subPageId, componentId: c.id, name: c.name, previous: was, next: c.status, at, cause }];
  });
}

/**
 * The event for this view, or null when the change is not an incident or maintenance
 * event or does not concern it. A page's own view shows every one; a sub-page those that
 * name one of its components now or did before (listed in either summary, or in the
 * change's `componentIds`, which is all a deleted or resolved one leaves).
 */
export function pageEventFor(change: PageChange | null, before: PageSummary, after: PageSummary): LivePageEvent | null {
  if (!change || change.subjectId === null || (change.subject !== "INCIDENT" && change.subject !== "MAINTENANCE")) return null;
  const id = change.subjectId;
  const shown = new Set(after.components.map((c) => c.id));
  const componentIds = (change.componentIds ?? []).filter((c) => shown.has(c));
  const listed = (s: PageSummary) => (change.subject === "INCIDENT" ? s.incidents.some((i) => i.id === id) : s.maintenances.some((m) => m.id === id));
  if (after.subPageId !== null && componentIds.length === 0 && !listed(before) && !listed(after)) return null;
  return {
    pageId: after.pageId,
    subPageId: after.subPageId,
    subject: change.subject,
    kind: change.kind,
    subjectId: id,
    name: change.subjectName ?? null,
    at: change.at,
    sequence: change.sequence ?? null,
    componentIds,
    incident: change.subject === "INCIDENT" ? (after.incidents.find((i) => i.id === id) ?? null) : null,
    maintenance: change.subject === "MAINTENANCE" ? (after.maintenances.find((m) => m.id === id) ?? null) : null,
  };
}

/**
 * True when `after` shows an incident at an older update than `before` did: read from
 * a database state older than one already sent (any read that lags, e.g. a replica), so
 * its listeners keep what they have rather than step back.
 */
export function olderThan(after: PageSummary, before: PageSummary): boolean {
  if (before.incidents.length === 0) return false;
  const sent = new Map(before.incidents.map((i) => [i.id, i.sequence]));
  return after.incidents.some((i) => i.sequence < (sent.get(i.id) ?? 0));
}
