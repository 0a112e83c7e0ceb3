// The outbox: a notifiable change writes one event row in its own transaction, so a
// change that rolls back queues nothing and one that commits is never lost. The row
// is small whatever the number of subscribers; the worker (worker.ts) fans it out.
import type { ChangeRecorder, CommittedChange } from "../services/change.js";

/** Kinds of publication subscribers hear of; deleting one tells nobody. */
const NOTIFIABLE = new Set(["PUBLISHED", "UPDATED", "RESOLVED", "STARTED", "COMPLETED"]);

/** The page notice a subscriber would hear of, if the change is one. */
function notifiable(change: CommittedChange) {
  if (!change.notifySubscribers) return null;
  const notice = change.pages[0];
  if (!notice || (notice.subject !== "INCIDENT" && notice.subject !== "MAINTENANCE")) return null;
  if (!notice.subjectId || notice.sequence === undefined || !NOTIFIABLE.has(notice.kind)) return null;
  return { ...notice, subjectId: notice.subjectId, sequence: notice.sequence };
}

/**
 * Records an outbox event for each incident or maintenance publication the operator
 * left "notify subscribers" on (the scheduler's own transitions included).
 */
export function notificationRecorder(): ChangeRecorder {
  return async (tx, change) => {
    const notice = notifiable(change);
    if (!notice) return;
    await tx.notificationEvent.create({
      data: {
        pageId: notice.pageId,
        subject: notice.subject,
        subjectId: notice.subjectId,
        kind: notice.kind,
        sequence: notice.sequence,
        componentIds: JSON.stringify(notice.componentIds ?? []),
        createdAt: change.at,
      },
    });
  };
}

/** True when the committed change queued an outbox event: the worker should look now. */
export function queuedNotification(change: CommittedChange): boolean {
  return notifiable(change) !== null;
}
