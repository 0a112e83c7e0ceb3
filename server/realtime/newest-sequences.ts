// The newest update number a page's watch has handled for each incident and
// maintenance. Instances publish to Redis after their own commits, so two instances'
// events can arrive in the other order (B's update 6 before A's update 5): one older
// than what was already sent is stale and is not sent as an event. A deleted subject
// takes no later event at all. Bounded, so a page watched for months keeps only the
// subjects it heard of lately; an event that old is news to no one anyway.
import { LRUCache } from "lru-cache";
import type { PageChange } from "../events.js";

/** Subjects remembered per watched page. */
export const REMEMBERED_SUBJECTS = 1_000;

export class NewestSequences {
  private readonly newest = new LRUCache<string, number>({ max: REMEMBERED_SUBJECTS });

  /** False when the change is about an update older than (or the same as) one already admitted; remembers it otherwise. */
  admit(change: PageChange): boolean {
    if (change.subjectId === null || (change.subject !== "INCIDENT" && change.subject !== "MAINTENANCE")) return true;
    const key = `${change.subject}:${change.subjectId}`;
    const sequence = change.kind === "DELETED" ? Number.POSITIVE_INFINITY : change.sequence;
    if (sequence === undefined) return true;
    const known = this.newest.get(key);
    if (known !== undefined && sequence <= known) return false;
    this.newest.set(key, sequence);
    return true;
  }
}
