// What publishing incidents and maintenance share: the change a publish or a delete
// makes, as the change flow records and announces it.
import type { ChangeKind } from "../events.js";
import type { Change, Snapshot } from "./change.js";

/** Incidents and maintenance: the subjects of publications. */
export type PublicationSubject = "INCIDENT" | "MAINTENANCE";

const OBJECT_TYPE = { INCIDENT: "Incident", MAINTENANCE: "Maintenance" } as const;
const NOUN = { INCIDENT: "incident", MAINTENANCE: "maintenance" } as const;
const VERB: Record<ChangeKind, string> = {
  PUBLISHED: "Published",
  UPDATED: "Updated",
  RESOLVED: "Resolved",
  COMPLETED: "Completed",
  STARTED: "Started",
  DELETED: "Deleted",
};

export interface PublishedUpdate {
  subject: PublicationSubject;
  kind: ChangeKind;
  pageId: string;
  id: string;
  name: string;
  /** The update's number: 1 for the first. */
  sequence: number;
  /** The components named before this update (empty for the first) and by it. */
  previous: { componentId: string }[];
  next: { componentId: string }[];
  before: Snapshot | null;
  after: Snapshot;
  /** Tell subscribers (default true); an operator turns it off for minor corrections. */
  notify?: boolean;
}

/** Every component an update names now or named before: sub-pages tell from them whether it is theirs. */
export function componentIdsOf(...lists: { componentId: string }[][]): string[] {
  return [...new Set(lists.flat().map((c) => c.componentId))];
}

/** The change an update of an incident or maintenance makes (the first update publishes it). */
export function publishedChange(u: PublishedUpdate): Change {
  const componentIds = componentIdsOf(u.previous, u.next);
  return {
    objectType: OBJECT_TYPE[u.subject],
    objectId: u.id,
    summary: `${VERB[u.kind]} ${NOUN[u.subject]} "${u.name}" (update ${u.sequence})`,
    before: u.before,
    after: u.after,
    pages: [{ pageId: u.pageId, subject: u.subject, kind: u.kind, subjectId: u.id, sequence: u.sequence, subjectName: u.name, componentIds }],
    notifySubscribers: u.notify ?? true,
  };
}

/** The change deleting an incident or maintenance makes; `row` is it as it was. */
export function deletedChange(subject: PublicationSubject, row: { id: string; pageId: string; name: string; status: string }, componentIds: string[]): Change {
  const { id, pageId, name, status } = row;
  return {
    objectType: OBJECT_TYPE[subject],
    objectId: id,
    summary: `Deleted ${NOUN[subject]} "${name}"`,
    before: { pageId, name, status },
    after: null,
    pages: [{ pageId, subject, kind: "DELETED", subjectId: id, subjectName: name, componentIds }],
  };
}
