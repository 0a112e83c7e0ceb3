/**
 * The read cache's HTTP side: `Cache-Control`, `Vary` and content ETags on shareable
 * answers, `private, no-store` on everything else, and 304 for a revalidation with
 * the current ETag (before the query is even parsed, when this instance served it).
 */
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import { checkOperation, isAnonymous, isShareable, isShareableAmongViewers } from "./cache-scope.js";
import { READ_CACHE } from "./cache-settings.js";
import type { CacheStore } from "./cache-store.js";
import type { ViewerAnswers } from "./viewer-answers.js";

const SERVED_FROM_CACHE = Symbol.for("servedFromResponseCache");
const CACHE_HEADERS = { "Cache-Control": `public, max-age=${READ_CACHE.maxAgeSeconds}`, Vary: "Authorization, Cookie" };

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

export interface CacheHeadersOptions {
  store: CacheStore;
  viewers: ViewerAnswers | null;
  onLookup?: (hit: boolean) => void;
}

/** The plugin, and `clear` to forget the ETags served (with the answers they validate). */
export function createCacheHeaders({ store, viewers, onLookup }: CacheHeadersOptions): { plugin: Plugin; clear: () => void } {
  /** GET URL → the content ETag last served for it. */
  const validators = new LRUCache<string, string>({ max: READ_CACHE.maxEntries });
  const answeredEarly = new WeakSet<Request>();
  const shared = new WeakSet<Request>();

  function remember(url: string, etag: string): void {
    if (validators.get(url) !== etag) validators.set(url, etag);
  }

  const plugin: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "GET") return;
      const tags = request.headers.get("If-None-Match");
      const etag = tags && validators.get(request.url);
      if (!etag || !etagMatches(tags, etag) || !isAnonymous(request) || !store.isCurrent(etag)) return;
      answeredEarly.add(request);
      onLookup?.(true);
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
      onLookup?.(hit);
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
  return { plugin, clear: () => validators.clear() };
}
