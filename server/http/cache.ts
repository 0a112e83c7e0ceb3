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
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Events, PageChange } from "../events.js";
import { operationCostOf } from "../plugins/query-cost.js";
import { checkOperation, isAnonymous, isShareable } from "./cache-scope.js";
import { createCacheStore, type CacheEntity, type CacheStore } from "./cache-store.js";

export const READ_CACHE = {
  /** How long browsers and CDNs may reuse an answer without asking again. */
  maxAgeSeconds: 5,
  /** How long this server keeps an answer no change has dropped. */
  ttlMs: 60_000,
  /** Answers kept at most (least recently used go first). */
  maxEntries: 1_000,
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

export function createReadCache(options: { events: Events; maxResultBytes: number; onLookup?: (hit: boolean) => void }) {
  const store = createCacheStore({ max: READ_CACHE.maxEntries, maxResultBytes: options.maxResultBytes });
  const shared = new WeakSet<Request>();
  /**
   * GET URL → the content ETag last served for it. A revalidation of that URL with
   * that ETag, while its answer is current, is answered 304 before the query is even
   * parsed: revalidating is what browsers and CDNs mostly do.
   */
  const validators = new Map<string, string>();
  const answeredEarly = new WeakSet<Request>();

  const responseCache = useResponseCache({
    cache: store,
    // One answer for all anonymous callers; everyone else bypasses the cache.
    session: () => null,
    // Asked before parsing (only lookups then) and again before executing, once the cost is known.
    enabled: (request, context) => isAnonymous(request) && (operationCostOf(context) ?? 0) <= READ_CACHE.maxCost,
    ttl: READ_CACHE.ttlMs,
    // Changes arrive as events (from any instance, the scheduler included), not from this instance's mutations.
    invalidateViaMutation: false,
    includeExtensionMetadata: process.env.NODE_ENV === "development",
    onTtl: ({ ttl, context }) => (isShareable(context) ? ttl : 0),
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
      if (!result || !isAnonymous(request) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult & { [SERVED_FROM_CACHE]?: boolean };
      if (single.errors?.length) return;
      const hit = single[SERVED_FROM_CACHE] === true;
      if (!hit && !isShareable(context)) return;
      // A miss is a shareable answer computed; other answers never had a place in the cache.
      options.onLookup?.(hit);
      if (request.method === "GET") shared.add(request);
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
    if (validators.get(url) === etag) return;
    validators.delete(url);
    if (validators.size >= READ_CACHE.maxEntries) validators.delete(validators.keys().next().value!);
    validators.set(url, etag);
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
