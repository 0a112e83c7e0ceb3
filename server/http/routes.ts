// Plain HTTP routes served beside GraphQL (health, sign-in callback, the web
// client, badges, feeds, Statuspage-compatible JSON). A route answers the request
// and returns true, or returns false to let the next one (and finally Yoga) have it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import type { Lookup } from "./slug-memo.js";
import { staleHeaders, UNAVAILABLE } from "./stale.js";

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

/** `log` gives the logger of the request being served. */
export function withRoutes(routes: Route[], fallback: (req: IncomingMessage, res: ServerResponse) => void, log: () => Logger) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      for (const route of routes) if (await route(req, res, url)) return;
      fallback(req, res);
    } catch (error) {
      // Not a fault of ours, and readiness says so already: a retry hint, no log.
      if (isDatabaseUnavailable(error)) {
        if (!res.headersSent) res.writeHead(UNAVAILABLE.status, UNAVAILABLE.headers);
        res.end(UNAVAILABLE.body);
        return;
      }
      log().error({ err: error }, "HTTP route failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    }
  };
}

export interface PageDocumentRoute<T> {
  /** `/badge/` or `/feed/`: every path under it is this route's. */
  prefix: string;
  /** What follows the slug, e.g. `.svg`. */
  extension: string;
  /** The document of a public page; null for other pages and unknown slugs (the same 404 for both). `asOf`: a last known one. */
  find(slug: string): Promise<Lookup<T>>;
  /** Its body and ETag, for this request. */
  render(document: T, req: IncomingMessage): { body: string; etag: string };
  /** Sent with the body (and with a 304). */
  headers: Record<string, string>;
  /** Body of the 404. */
  missing: string;
}

/**
 * A per-page document under a path of its own (badges, feeds): GET and HEAD only,
 * a 404 that says nothing about whether a page exists, an ETag and 304. While the
 * database is unavailable, the last known document, marked stale.
 */
export function pageDocumentRoute<T>(options: PageDocumentRoute<T>): Route {
  const path = new RegExp(`^${options.prefix}([a-z0-9-]{1,60})${options.extension.replace(".", "\\.")}$`);
  return async (req, res, url) => {
    if (!url.pathname.startsWith(options.prefix)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    const slug = path.exec(url.pathname)?.[1];
    const { value: document, asOf } = slug ? await options.find(slug) : { value: null, asOf: null };
    const stale = asOf ? staleHeaders(asOf) : {};
    if (!document) {
      res.writeHead(404, { "content-type": "text/plain", "cache-control": "public, max-age=30", ...stale }).end(options.missing);
      return true;
    }
    sendDocument(req, res, options.render(document, req), { ...options.headers, ...stale });
    return true;
  };
}

/** A document with its ETag: 304 when the client holds it already, the body (none for HEAD) otherwise. */
export function sendDocument(req: IncomingMessage, res: ServerResponse, { body, etag }: { body: string; etag: string }, extra: Record<string, string>): void {
  const headers = { ...extra, etag };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(req.method === "HEAD" ? undefined : body);
}
