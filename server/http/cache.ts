/**
 * The read path under load: anonymous reads of public pages are answered from a
 * response cache, so a page is computed once per change rather than once per
 * request, and carry HTTP validators so browsers and CDNs can keep them too.
 *
 * - Shareable answers (cache-scope.ts) get `Cache-Control: public, max-age=5`,
 *   `Vary: Authorization, Cookie` and a content ETag; `If-None-Match` with the
 *   current ETag gets 304 (cache-headers.ts). Everything else gets `private, no-store`.
 * - Every change is announced on `pages:changed`, which Redis carries to every
 *   instance; each instance drops the answers that included the changed page.
 *   Page-level changes (created, renamed, deleted) also drop answers that looked
 *   a page up by slug or listed pages, since those may not name the page yet.
 * - Stored answers also expire after a minute: uptime figures move with the clock.
 * - Operations costing more than `maxCost` (plugins/query-cost.ts) skip the cache:
 *   its bookkeeping walks the whole answer in one synchronous pass, which for a
 *   large answer would hold the event loop. Answers larger than
 *   RESPONSE_CACHE_MAX_BYTES are served but not stored (cache-store.ts).
 * - Signed-in viewers' answers are kept too, per access set rather than per
 *   session (viewer-answers.ts), in a store of their own, and reach HTTP caches
 *   as `private, no-store` like every answer to a request with credentials.
 */
import { hashSHA256, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { Actor } from "../auth/actor.js";
import type { Events, PageChange } from "../events.js";
import { operationCostOf } from "../plugins/query-cost.js";
import { createCacheHeaders } from "./cache-headers.js";
import { isAnonymous, isShareable, isShareableAmongViewers } from "./cache-scope.js";
import { READ_CACHE } from "./cache-settings.js";
import { createCacheStore, splitCacheStore, type CacheEntity, type CacheStore } from "./cache-store.js";
import { createViewerAnswers, VIEWER_ID_PREFIX, type ViewerAnswers } from "./viewer-answers.js";

export { READ_CACHE };

/** What a change makes stale: answers that included the page, and for page-level changes any answer about pages. */
export function staleAfter(change: PageChange): CacheEntity[] {
  const page: CacheEntity = { typename: "StatusPage", id: change.pageId };
  return change.subject === "PAGE" ? [page, { typename: "StatusPage" }] : [page];
}

/** Drops stale answers on every announced change, on this instance and (through Redis) on the others. */
function invalidateOnChange(events: Events, store: CacheStore): () => void {
  const iterator = events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) store.invalidate(staleAfter(next.value));
  })();
  return () => void iterator.return?.();
}

export interface ReadCacheOptions {
  events: Events;
  maxResultBytes: number;
  onLookup?: (hit: boolean) => void;
  /** Who a request's credentials name; viewers' answers are kept only with it. */
  actorOf?: (request: Request) => Promise<Actor>;
}

/** An anonymous request, or one keyed as a viewer's whose operation runs as that viewer. */
function cacheableBy(viewers: ViewerAnswers | null) {
  return (request: Request, context: object): boolean => {
    if (isAnonymous(request)) return true;
    if (!viewers?.keyed(request)) return false;
    const actor = (context as { actor?: Actor }).actor;
    // Before the context exists (the look-up ahead of parsing), the key alone decides.
    return actor === undefined || viewers.runsAsKeyed(request, actor);
  };
}

/** Yoga's response cache over `store`: one answer for all anonymous callers, one per access set for viewers. */
function responseCachePlugin(store: CacheStore, viewers: ViewerAnswers | null) {
  const cacheable = cacheableBy(viewers);
  return useResponseCache({
    cache: store,
    // Operators bypass the cache.
    session: (request) => (isAnonymous(request) || !viewers ? null : viewers.session(request)),
    // As the plugin's own, but as a JSON array: no document, variables or address can pass for another's.
    buildResponseCacheKey: async ({ documentString, operationName, variableValues, sessionId, request }) => {
      const identity = sessionId == null || !viewers ? null : viewers.identity(request, sessionId, documentString);
      const id = await hashSHA256(JSON.stringify([documentString, operationName ?? "", variableValues ?? {}, identity]));
      return identity === null ? id : VIEWER_ID_PREFIX + id;
    },
    // Asked before parsing (only lookups then) and again before executing, once the cost is known.
    enabled: (request, context) => cacheable(request, context) && (operationCostOf(context) ?? 0) <= READ_CACHE.maxCost,
    ttl: READ_CACHE.ttlMs,
    // Changes arrive as events (from any instance, the scheduler included), not from this instance's mutations.
    invalidateViaMutation: false,
    includeExtensionMetadata: process.env.NODE_ENV === "development",
    onTtl: ({ ttl, context }) => {
      const request = (context as { request?: Request }).request;
      const shareable = request && viewers?.keyed(request) ? isShareableAmongViewers(context) : isShareable(context);
      return shareable ? ttl : 0;
    },
  });
}

/** The read cache: its Yoga plugins, `clear` (forget everything) and `close` (stop listening for changes). */
export function createReadCache(options: ReadCacheOptions) {
  const bounded = (max: number) => createCacheStore({ max, maxResultBytes: options.maxResultBytes });
  const store = splitCacheStore(bounded(READ_CACHE.maxEntries), bounded(READ_CACHE.maxViewerEntries), VIEWER_ID_PREFIX);
  const viewers = options.actorOf ? createViewerAnswers(options.actorOf) : null;
  const headers = createCacheHeaders({ store, viewers, onLookup: options.onLookup });
  const stopListening = invalidateOnChange(options.events, store);
  return {
    plugins: [headers.plugin, responseCachePlugin(store, viewers)],
    /** Forget every answer, e.g. after Redis was unreachable and changes may have gone unheard. */
    clear: () => {
      store.clear();
      headers.clear();
    },
    close: stopListening,
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
