// The read path under load: anonymous reads of public pages are answered from a
// response cache, so a page is computed once per change rather than once per
// request, and carry HTTP validators so browsers and CDNs can keep them too.
//
// - Shareable answers (cache-scope.ts) get `Cache-Control: public, max-age=5`,
//   `Vary: Authorization, Cookie` and a content ETag; `If-None-Match` with the
//   current ETag gets 304. Everything else gets `private, no-store`.
// - Every change is announced on `pages:changed`, which Redis carries to every
//   instance; each instance drops the answers that included the changed page.
//   Page-level changes (created, renamed, deleted) also drop answers that looked
//   a page up by slug or listed pages, since those may not name the page yet.
// - Stored answers also expire after a minute: uptime figures move with the clock.
// - Operations costing more than `maxCost` (plugins/query-cost.ts) skip the cache:
//   its bookkeeping walks the whole answer in one synchronous pass (seconds for a
//   few megabytes), which would hold the event loop. Answers larger than
//   RESPONSE_CACHE_MAX_BYTES are served but not stored (cache-store.ts).
// - Signed-in viewers' answers are kept too, per access set rather than per
//   session (viewer-answers.ts), in a store of their own, and reach HTTP caches
//   as `private, no-store` like every answer to a request with credentials.
import { hashSHA256, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { Actor } from "../auth/actor.js";
import type { Events, PageChange } from "../events.js";
import { operationCostOf } from "../plugins/query-cost.js";
import { checkOperation, isAnonymous, isShareable, isShareableAmongViewers } from "./cache-scope.js";
import { createCacheStore, splitCacheStore, type CacheEntity, type CacheStore } from "./cache-store.js";
import { createViewerAnswers, VIEWER_ID_PREFIX } from "./viewer-answers.js";

export const READ_CACHE = {
  /** How long browsers and CDNs may reuse an answer without asking again. */
  maxAgeSeconds: 5,
  /** How long this server keeps an answer no change has dropped. */
  ttlMs: 60_000,
  /** Answers kept at most (least recently used go first). */
  maxEntries: 1_000,
  /** Signed-in viewers' answers kept at most, apart from the anonymous ones. */
  maxViewerEntries: 1_000,
  /** Operations costing more bypass the cache; the web client's page queries cost under 2,000. */
  maxCost: 2_500,
} as const;

const SERVED_FROM_CACHE = Symbol.for("servedFromResponseCache");

/** What a change makes stale: answers that included the page, and for page-level changes any answer about pages. */
export function staleAfter(change: PageChange): CacheEntity[] {
  const page: CacheEntity = { typename: "StatusPage", id: change.pageId };
  return change.subject === "PAGE" ? [page, { typename: "StatusPage" }] : [page];
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** Drops stale answers on every announced change, on this instance and (through Redis) on the others. */
function invalidateOnChange(events: Events, store: CacheStore): () => void {
  const iterator = events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) store.invalidate(staleAfter(next.value));
  })();
  return () => void iterator.return?.();
}

const CACHE_HEADERS = { "Cache-Control": `public, max-age=${READ_CACHE.maxAgeSeconds}`, Vary: "Authorization, Cookie" };

export interface ReadCacheOptions {
  events: Events;
  maxResultBytes: number;
  onLookup?: (hit: boolean) => void;
  /** Who a request's credentials name; viewers' answers are kept only with it. */
  actorOf?: (request: Request) => Promise<Actor>;
}

export function createReadCache(options: ReadCacheOptions) {
  const bounded = (max: number) => createCacheStore({ max, maxResultBytes: options.maxResultBytes });
  const store = splitCacheStore(bounded(READ_CACHE.maxEntries), bounded(READ_CACHE.maxViewerEntries), VIEWER_ID_PREFIX);
  const viewers = options.actorOf ? createViewerAnswers(options.actorOf) : null;
  /** An anonymous request, or one keyed as a viewer's whose operation runs as that viewer. */
  const cacheable = (request: Request, context: object) => {
    if (isAnonymous(request)) return true;
    if (!viewers?.keyed(request)) return false;
    const actor = (context as { actor?: Actor }).actor;
    // Before the context exists (the look-up ahead of parsing), the key alone decides.
    return actor === undefined || viewers.runsAsKeyed(request, actor);
  };
  const shared = new WeakSet<Request>();
  /**
   * GET URL → the content ETag last served for it. A revalidation of that URL with
   * that ETag, while its answer is current, is answered 304 before the query is even
   * parsed: revalidating is what browsers and CDNs mostly do.
   */
  const validators = new LRUCache<string, string>({ max: READ_CACHE.maxEntries });
  const answeredEarly = new WeakSet<Request>();

  const responseCache = useResponseCache({
    cache: store,
    // One answer for all anonymous callers, one per access set for viewers; operators bypass the cache.
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

  const headers: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "GET") return;
      const tags = request.headers.get("If-None-Match");
      const etag = tags && validators.get(request.url);
      if (!etag || !etagMatches(tags, etag) || !isAnonymous(request) || !store.isCurrent(etag)) return;
      answeredEarly.add(request);
      options.onLookup?.(true);
      endResponse(new fetchAPI.Response(null, { status: 304, headers: { ...CACHE_HEADERS, ETag: etag } }));
    },
    onExecute({ args }) {
      checkOperation(args);
    },
    onExecutionResult({ request, result, context }) {
      if (!result || Symbol.asyncIterator in result) return;
      const viewer = viewers?.keyed(request) === true;
      if (!viewer && !isAnonymous(request)) return;
      const single = result as ExecutionResult & { [SERVED_FROM_CACHE]?: boolean };
      if (single.errors?.length) return;
      const hit = single[SERVED_FROM_CACHE] === true;
      if (!hit && !(viewer ? isShareableAmongViewers(context) : isShareable(context))) return;
      // A miss is a shareable answer computed; other answers never had a place in the cache.
      options.onLookup?.(hit);
      // Viewers' answers are this server's to share, never HTTP caches'.
      if (!viewer && request.method === "GET") shared.add(request);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (answeredEarly.has(request)) return;
      if (!shared.has(request)) {
        response.headers.set("Cache-Control", "private, no-store");
        response.headers.delete("ETag");
        response.headers.delete("Last-Modified");
        return;
      }
      // Only the store's content ETags validate an answer (cache-store.ts); drop anything else.
      const etag = response.headers.get("ETag");
      if (etag && !etag.startsWith('"')) response.headers.delete("ETag");
      else if (etag) remember(request.url, etag);
      if (etag && etagMatches(request.headers.get("If-None-Match"), etag)) {
        setResponse(new fetchAPI.Response(null, { status: 304, headers: { ...CACHE_HEADERS, ETag: etag } }));
        return;
      }
      for (const [name, value] of Object.entries(CACHE_HEADERS)) response.headers.set(name, value);
    },
  };

  function remember(url: string, etag: string): void {
    if (validators.get(url) !== etag) validators.set(url, etag);
  }

  const stopListening = invalidateOnChange(options.events, store);
  return {
    plugins: [headers, responseCache],
    /** Forget every answer, e.g. after Redis was unreachable and changes may have gone unheard. */
    clear: () => {
      store.clear();
      validators.clear();
    },
    close: stopListening,
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
