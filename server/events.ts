// Every change viewers can see is announced here, after its write commits.
// Page topics are scoped by page id; credential topics are not (every instance
// hears each and looks up its own subscriptions by id). Payloads are plain JSON
// so a Redis event target can carry them between instances unchanged.
import { createPubSub, type PubSub } from "graphql-yoga";

export type ChangeKind = "PUBLISHED" | "UPDATED" | "RESOLVED" | "COMPLETED" | "DELETED" | "STARTED";

export interface PageChange {
  pageId: string;
  /** What changed: an incident, a maintenance, the page itself or the catalog behind it. */
  subject: "INCIDENT" | "MAINTENANCE" | "PAGE" | "CATALOG";
  kind: ChangeKind;
  /** Id of the incident or maintenance, when the subject is one. */
  subjectId: string | null;
  /** The incident's or maintenance's update this change wrote (1, 2, 3, … in commit order); absent for deletes and other subjects. */
  sequence?: number;
  /** ISO 8601 instant of the change. */
  at: string;
  /** The incident's or maintenance's name (a deleted one can no longer be looked up). */
  subjectName?: string;
  /** Components the incident or maintenance affects or affected, so sub-pages can tell whether it is theirs. */
  componentIds?: string[];
}

export type Topics = {
  "page:changed": [pageId: string, change: PageChange];
  /** Every page's changes on one topic: the response cache of each instance drops what they touch. */
  "pages:changed": [change: PageChange];
  /** Any maintenance was scheduled, changed or deleted: the scheduler re-plans its next wake-up. */
  "maintenance:changed": [change: PageChange];
  /** A viewer session was signed out: live subscriptions it opened end, on every instance. */
  "sessions:ended": [sessionId: string];
  /** An API key was revoked: live subscriptions it opened end, on every instance. */
  "api-keys:revoked": [keyId: string];
  /** An operator's role changed, or the account was disabled or enabled: cached copies of their sessions are dropped. */
  "operators:changed": [operatorId: string];
};

export type Events = PubSub<Topics>;

/** Local by default; pass a Redis event target to share events between instances. */
export function createEvents(eventTarget?: EventTarget): Events {
  return createPubSub<Topics>(eventTarget ? { eventTarget } : undefined);
}

const localListeners = new WeakMap<Events, Set<(change: PageChange) => void>>();

/**
 * Tells `listener` of every change announced through this instance, before the event
 * bus carries it anywhere: a cache of this instance drops what a write made stale
 * before the writer's next request, even when events go round through Redis.
 * Changes from other instances still arrive on `pages:changed` only.
 */
export function onAnnounce(events: Events, listener: (change: PageChange) => void): () => void {
  let listeners = localListeners.get(events);
  if (!listeners) localListeners.set(events, (listeners = new Set()));
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Announce a change to a page (call after the transaction that made it has committed). */
export function announce(events: Events, change: Omit<PageChange, "at"> & { at: Date }): void {
  const payload: PageChange = { ...change, at: change.at.toISOString() };
  for (const listener of localListeners.get(events) ?? []) listener(payload);
  events.publish("page:changed", change.pageId, payload);
  events.publish("pages:changed", payload);
  if (change.subject === "MAINTENANCE") events.publish("maintenance:changed", payload);
}
