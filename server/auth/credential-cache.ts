// Credentials looked up once and then kept briefly, so that a signed-in request
// costs no database round trip: viewer sessions and API keys by their secret's
// hash (operators' sessions too), and the sub-pages an address is admitted to by page and address.
// The one place credentials are kept: the viewers last authenticated, for outages
// (last-known-viewers.ts), are its part too and hear the same drops.
//
// Nothing kept may outlive what the database would accept: every instance drops
// an entry as soon as it hears why — a sign-out (`sessions:ended`), a revocation
// (`api-keys:revoked`), an operator's new role or disabling (`operators:changed`), a change to a page or the catalog behind it
// (`pages:changed`) — and callers check a session's expiry on every use against
// the expiresAt kept with it. A look-up that read the database before such a drop
// is used once but not kept, so it cannot bring back what was just dropped.
import { LRUCache } from "lru-cache";
import type { Events, PageChange } from "../events.js";
import type { ApiKey, Role } from "../generated/sqlite/client.js";
import { createLastKnownViewers } from "./last-known-viewers.js";
import type { AuthenticatedViewer } from "./viewer-sessions.js";

export const CREDENTIAL_CACHE = {
  /** How long an entry is trusted without asking the database again. */
  ttlMs: 30_000,
  /** Sessions, and admitted sub-page sets, kept at most (least recently used go first). */
  maxEntries: 10_000,
  /** API keys kept at most. */
  maxKeys: 1_000,
} as const;

/** A live viewer session as stored, with what admission is computed from. */
export interface SessionRecord {
  id: string;
  email: string;
  pageId: string;
  expiresAt: Date;
  endedAt: Date | null;
  page: { id: string; kind: "PUBLIC" | "CUSTOMER"; domainsAttributeId: string | null };
}

/** A signed-in operator's session as stored, with the account it belongs to. */
export interface OperatorSessionRecord {
  id: string;
  operatorId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  operator: { id: string; email: string; name: string; role: Role; disabledAt: Date | null };
}

export interface CredentialCache {
  /** The session stored under `hash`; `load` reads the database on a miss (ended sessions are not kept). */
  session(hash: string, load: () => Promise<SessionRecord | null>): Promise<SessionRecord | null>;
  /** The sub-pages of `pageId` that `email` is admitted to. */
  admitted(pageId: string, email: string, load: () => Promise<string[]>): Promise<string[]>;
  /** The unrevoked key stored under `hash`; the same object is returned on every hit, so a `lastUsedAt` set on it sticks. */
  apiKey(hash: string, load: () => Promise<ApiKey | null>): Promise<ApiKey | null>;
  /** The operator session stored under `hash`; the same object on every hit, so a `lastSeenAt` set on it sticks. */
  operatorSession(hash: string, load: () => Promise<OperatorSessionRecord | null>): Promise<OperatorSessionRecord | null>;
  /** Records what the database just answered for a viewer's secret (a live session's viewer, or null), for outages. */
  rememberViewer(secret: string, viewer: AuthenticatedViewer | null): void;
  /** While the database is unavailable: the viewer last authenticated with this secret, unless expired or ended since. */
  recallViewer(secret: string, now: Date): AuthenticatedViewer | null;
  /** Drops every session of an operator (their role changed, or they were disabled). */
  forgetOperator(operatorId: string): void;
  /** Drops a session at once (the instance that ended it must not wait for its own event to come back). */
  forgetSession(sessionId: string): void;
  forgetKey(keyId: string): void;
  /** Forget everything kept briefly, e.g. after Redis was unreachable and drops may have gone unheard; the viewers kept for outages stay. */
  clear(): void;
  size(): { sessions: number; admitted: number; keys: number; operatorSessions: number; lastKnownViewers: number };
  close(): void;
}

export interface CredentialCacheOptions {
  /** Carries the drops of every instance; without it only local calls drop entries. */
  events?: Events;
  ttlMs?: number;
  maxEntries?: number;
  maxKeys?: number;
  /** Viewers kept for outages at most. */
  maxLastKnownViewers?: number;
}

export function createCredentialCache(options: CredentialCacheOptions = {}): CredentialCache {
  const ttl = options.ttlMs ?? CREDENTIAL_CACHE.ttlMs;
  const max = options.maxEntries ?? CREDENTIAL_CACHE.maxEntries;
  const sessions = new LRUCache<string, SessionRecord>({ max, ttl });
  const admittedSets = new LRUCache<string, string[]>({ max, ttl });
  const keys = new LRUCache<string, ApiKey>({ max: options.maxKeys ?? CREDENTIAL_CACHE.maxKeys, ttl });
  const operatorSessions = new LRUCache<string, OperatorSessionRecord>({ max, ttl });
  const lastKnown = createLastKnownViewers(options.maxLastKnownViewers);
  const guard = new DropGuard();
  const { through, dropWhere } = guard;

  function pageChanged(change: PageChange): void {
    if (change.subject !== "PAGE" && change.subject !== "CATALOG") return;
    // Which sub-pages admit a domain follows the catalog; a changed page may have changed its kind or domains attribute.
    guard.clear(admittedSets);
    if (change.subject === "PAGE") dropWhere(sessions, (s) => s.pageId === change.pageId);
  }

  const listeners = options.events ? listenForDrops(options.events, () => cache, pageChanged) : [];

  const cache: CredentialCache = {
    session: (hash, load) =>
      through(sessions, hash, async () => {
        const session = await load();
        return session && !session.endedAt ? session : null;
      }),
    admitted: async (pageId, email, load) => (await through(admittedSets, `${pageId}\n${email}`, load)) ?? [],
    apiKey: (hash, load) =>
      through(keys, hash, async () => {
        const key = await load();
        return key && !key.revokedAt ? key : null;
      }),
    operatorSession: (hash, load) =>
      through(operatorSessions, hash, async () => {
        const session = await load();
        return session && !session.endedAt && !session.operator.disabledAt ? session : null;
      }),
    rememberViewer: (secret, viewer) => lastKnown.remember(secret, viewer),
    recallViewer: (secret, now) => lastKnown.recall(secret, now),
    forgetOperator: (operatorId) => dropWhere(operatorSessions, (s) => s.operatorId === operatorId),
    forgetSession(sessionId) {
      dropWhere(sessions, (s) => s.id === sessionId);
      dropWhere(operatorSessions, (s) => s.id === sessionId);
      lastKnown.ended(sessionId);
    },
    forgetKey: (keyId) => dropWhere(keys, (k) => k.id === keyId),
    clear: () => guard.clear(sessions, admittedSets, keys, operatorSessions),
    size: () => ({
      sessions: sessions.size,
      admitted: admittedSets.size,
      keys: keys.size,
      operatorSessions: operatorSessions.size,
      lastKnownViewers: lastKnown.size,
    }),
    close() {
      for (const listener of listeners) void listener.return?.();
    },
  };
  return cache;
}

/**
 * Look-ups through LRU caches, and drops from them. Every drop bumps a generation:
 * a look-up that started before one is used once but not kept.
 */
class DropGuard {
  private generation = 0;

  through = async <V extends object>(cache: LRUCache<string, V>, key: string, load: () => Promise<V | null>): Promise<V | null> => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const started = this.generation;
    const value = await load();
    if (value !== null && started === this.generation) cache.set(key, value);
    return value;
  };

  dropWhere = <V extends object>(cache: LRUCache<string, V>, matches: (value: V) => boolean): void => {
    this.generation += 1;
    const doomed: string[] = [];
    // A scan of at most maxEntries: drops are rare next to look-ups, and an index would have to follow every eviction.
    cache.forEach((value, key) => {
      if (matches(value)) doomed.push(key);
    });
    for (const key of doomed) cache.delete(key);
  };

  clear(...caches: { clear(): void }[]): void {
    this.generation += 1;
    for (const cache of caches) cache.clear();
  }
}

/** Drops what another instance (or this one) says is no longer valid. */
function listenForDrops(events: Events, cache: () => CredentialCache, pageChanged: (change: PageChange) => void): AsyncIterator<unknown>[] {
  return [
    listen(events.subscribe("sessions:ended"), (id) => cache().forgetSession(id)),
    listen(events.subscribe("api-keys:revoked"), (id) => cache().forgetKey(id)),
    listen(events.subscribe("pages:changed"), pageChanged),
    listen(events.subscribe("operators:changed"), (id) => cache().forgetOperator(id)),
  ];
}

/** Calls `handle` with each event (from any instance, through the event target). */
function listen<V>(events: AsyncIterable<V>, handle: (value: V) => void): AsyncIterator<V> {
  const iterator = events[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) handle(next.value);
  })();
  return iterator;
}
