// The one path every change takes: services write inside `commitChange`'s transaction
// and return what they changed; recorders registered with the flow write beside it in
// the same transaction (an audit entry, a queued notification), and once it has
// committed the flow's `afterCommit` announces it. A mutation that skips this path is
// caught by test/api/change-flow.test.ts.
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { PageChange } from "../events.js";
import type { Prisma } from "../generated/sqlite/client.js";

type Tx = Prisma.TransactionClient;

/** The kinds of object a change is about, named as the API names their types. */
export type ChangedObjectType =
  | "CatalogType"
  | "CatalogEntry"
  | "StatusPage"
  | "SubPage"
  | "Incident"
  | "Maintenance"
  | "ApiKey"
  | "Operator"
  | "WebhookEndpoint";

/** What the viewers of one page hear once the change has committed; `at` is the change's. */
export type PageNotice = Omit<PageChange, "at">;

/** An object's fields as they were or are, for an audit entry's before and after. */
export type Snapshot = Record<string, unknown>;

/** What a service's write changed, returned from inside the transaction. */
export interface Change {
  objectType: ChangedObjectType;
  /** Null when several objects of the type changed at once (ranking entries). */
  objectId: string | null;
  /** One line for people, e.g. `Published incident "API down"`. */
  summary: string;
  /** The fields before the change; null for a create. */
  before: Snapshot | null;
  /** The fields after the change; null for a delete. */
  after: Snapshot | null;
  /** What each page's viewers hear once it has committed, at most one notice per page. */
  pages: PageNotice[];
  /** API keys revoked: their cached copies and live subscriptions end once it has committed. */
  revokedKeyIds?: string[];
  /** Subscribers are to be told (publications the operator left "notify subscribers" on); absent: nobody is. */
  notifySubscribers?: boolean;
  /** Operators whose role or access changed: their cached sessions are dropped once it has committed. */
  changedOperatorIds?: string[];
  /** Operator sessions ended: their cached copies and live subscriptions end once it has committed. */
  endedSessionIds?: string[];
}

/** Who made a change, as an audit entry names them. */
export interface ChangeActor {
  kind: Actor["kind"];
  /** The API key's id, the operator's id (a person), or the viewer's session id. */
  id: string | null;
  /** The API key's name, the operator's display name, or the viewer's email address. */
  name: string | null;
}

/** A change as recorders and the announcer see it. */
export interface CommittedChange extends Change {
  /** The mutation (or the service's own operation, e.g. `transitionMaintenance`) that made it. */
  operation: string;
  actor: ChangeActor;
  /** When it was made: the instant `commitChange` began. */
  at: Date;
  /** The client's address the change came from; null for the service's own work. */
  address: string | null;
}

/** Writes beside the change, in its transaction; a throw rolls the change back. */
export type ChangeRecorder = (tx: Tx, change: CommittedChange) => Promise<void>;

/** Told of a change once its transaction has committed; must not throw (the change stands either way). */
export type ChangeListener = (change: CommittedChange) => void;

/** Where committed changes go: recorders inside the transaction, then the listeners, in order. */
export interface ChangeFlow {
  recorders: readonly ChangeRecorder[];
  /** The announcer first (services/announce.ts). */
  afterCommit: readonly ChangeListener[];
}

/** What `commitChange` needs of its caller: a GraphQL context, or the service's own. */
export interface ChangeScope {
  db: Db;
  now: () => Date;
  actor: Actor;
  changes: ChangeFlow;
  /** The requester's address (a GraphQL context's); absent or null for the service's own work. */
  clientAddress?: string | null;
}

/** A service's result: the value for the caller, and what changed (null when nothing was written: a preview, a lost race). */
export interface Changed<T> {
  value: T;
  change: Change | null;
}

/** The service's own scope (scheduler, scripts): acts as the system. */
export function systemScope(db: Db, now: () => Date, changes: ChangeFlow): ChangeScope {
  return { db, now, actor: { kind: "system" }, changes };
}

export function changeActor(actor: Actor): ChangeActor {
  if (actor.kind === "operator") return { kind: actor.kind, id: actor.keyId, name: actor.name };
  if (actor.kind === "person") return { kind: actor.kind, id: actor.operatorId, name: actor.name };
  if (actor.kind === "viewer") return { kind: actor.kind, id: actor.sessionId, name: actor.email };
  return { kind: actor.kind, id: null, name: null };
}

/**
 * Runs `work` in one transaction, passes what it changed to every recorder inside that
 * transaction, and once it has committed to the flow's `afterCommit`. `work` gets the
 * change's instant, to stamp what it writes with.
 */
export async function commitChange<T>(scope: ChangeScope, operation: string, work: (tx: Tx, at: Date) => Promise<Changed<T>>): Promise<T> {
  const at = scope.now();
  const actor = changeActor(scope.actor);
  const { value, committed } = await scope.db.$transaction(async (tx) => {
    const { value, change } = await work(tx, at);
    if (!change) return { value, committed: null };
    const committed: CommittedChange = { ...change, operation, actor, at, address: scope.clientAddress ?? null };
    for (const record of scope.changes.recorders) await record(tx, committed);
    return { value, committed };
  });
  if (committed) for (const listener of scope.changes.afterCommit) listener(committed);
  return value;
}

/** The same notice for each page, once per page: for changes behind pages (their catalog, their settings). */
export function noticesFor(pageIds: Iterable<string>, subject: PageChange["subject"]): PageNotice[] {
  return [...new Set(pageIds)].map((pageId) => ({ pageId, subject, kind: "UPDATED", subjectId: null }));
}
