// The response cache's store: the plugin's in-memory LRU plus two things it lacks.
//
// ETags that follow the content. The plugin's ETag is the cache key, the same for
// every version of a result: a client holding an old version would be told 304
// as soon as the new one was cached. Here the ETag is a hash of the data, so equal
// answers (on any instance) share one and a changed answer never matches.
//
// A guard against a race: a request that read the database before a change and
// finishes after the change's invalidation would store the old result until the
// next change. Each miss notes the invalidation count when it happened; a result
// whose pages were invalidated since is served but not stored.
//
// A bound on each answer's size: a larger one is served but not stored, so a few
// huge answers cannot take the memory a thousand pages need.
import { createHash } from "node:crypto";
import { createInMemoryCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import { LRUCache } from "lru-cache";

export type CachedResult = NonNullable<Awaited<ReturnType<Cache["get"]>>>;
export type CacheEntity = { typename: string; id?: string | number };

/** What the plugin uses as a response id: a SHA-256 in hex, prefixed for viewers' answers (ETags and other strings are never ids). */
const RESPONSE_ID = /^(v:)?[0-9a-f]{64}$/;
/** Misses remembered at most; one that falls out is simply not stored when it completes. */
const MAX_PENDING = 10_000;

export interface CacheStore extends Cache {
  /** Drops everything, e.g. when change events may have been missed. */
  clear(): void;
  /** Whether a stored answer with this content ETag is still current (not invalidated, not expired). */
  isCurrent(etag: string): boolean;
}

/** The `http.headers` the plugin and Yoga keep in a result's extensions (created when missing). */
export function resultHeaders(result: CachedResult): Record<string, string> {
  const extensions = (result.extensions ??= {}) as { http?: { headers?: Record<string, string> } };
  const http = (extensions.http ??= {});
  return (http.headers ??= {});
}

/** A strong ETag for the data (as JSON): quoted base64url, unlike the plugin's bare hex cache key. */
export function contentEtag(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

export function createCacheStore(options: { max: number; maxResultBytes: number }): CacheStore {
  let inner = createInMemoryCache({ max: options.max });
  let epoch = 0;
  let clearedAt = 0;
  /** Entity key ("StatusPage:<id>") or typename → epoch of its latest invalidation. */
  const invalidatedAt = new Map<string, number>();
  /** Response id → epoch of the oldest miss still being computed. */
  const missedAt = new LRUCache<string, number>({ max: MAX_PENDING });
  /** Content ETag → what its answer depends on, since when, and until when it may be kept. */
  const stored = new LRUCache<string, { entities: CacheEntity[]; epoch: number; expiresAt: number }>({ max: options.max });

  const since = (key: string) => invalidatedAt.get(key) ?? 0;
  function changedSince(entities: CacheEntity[], start: number): boolean {
    if (clearedAt > start) return true;
    return entities.some((e) => since(e.typename) > start || (e.id != null && since(`${e.typename}:${e.id}`) > start));
  }

  return {
    get(id) {
      // The in-memory store answers synchronously.
      const hit = inner.get(id) as CachedResult | null | undefined;
      if (hit) return hit;
      if (RESPONSE_ID.test(id) && !missedAt.has(id)) missedAt.set(id, epoch);
      return null;
    },
    set(id, result, entities, ttl) {
      const list = [...entities];
      const start = missedAt.get(id);
      missedAt.delete(id);
      const headers = resultHeaders(result);
      const json = start === undefined || changedSince(list, start) ? null : JSON.stringify(result.data ?? null);
      if (json === null || Buffer.byteLength(json) > options.maxResultBytes) {
        // Served once, not stored: it must not carry a validator a later request could match.
        delete headers.ETag;
        delete headers["Last-Modified"];
        return;
      }
      const etag = (headers.ETag = contentEtag(json));
      stored.set(etag, { entities: list, epoch, expiresAt: Date.now() + ttl });
      return inner.set(id, result, list, ttl);
    },
    invalidate(entities) {
      epoch += 1;
      const list = [...entities];
      for (const e of list) invalidatedAt.set(e.id == null ? e.typename : `${e.typename}:${e.id}`, epoch);
      return inner.invalidate(list);
    },
    clear() {
      inner = createInMemoryCache({ max: options.max });
      clearedAt = ++epoch;
      stored.clear();
    },
    isCurrent(etag) {
      const entry = stored.get(etag);
      return entry !== undefined && Date.now() < entry.expiresAt && !changedSince(entry.entities, entry.epoch);
    },
  };
}

/**
 * Anonymous answers and signed-in viewers' answers (ids starting with `viewerPrefix`)
 * in stores of their own, so neither pushes the other out. Any change drops every
 * viewer answer: a sub-page's answer names no page the change could be matched
 * with, and changes are rare next to reads.
 */
export function splitCacheStore(anonymous: CacheStore, viewers: CacheStore, viewerPrefix: string): CacheStore {
  const pick = (id: string) => (id.startsWith(viewerPrefix) ? viewers : anonymous);
  return {
    get: (id) => pick(id).get(id),
    set: (id, result, entities, ttl) => pick(id).set(id, result, entities, ttl),
    invalidate(entities) {
      viewers.clear();
      return anonymous.invalidate(entities);
    },
    clear() {
      anonymous.clear();
      viewers.clear();
    },
    // Only anonymous answers are ever revalidated (viewers' carry no ETag).
    isCurrent: (etag) => anonymous.isCurrent(etag),
  };
}
