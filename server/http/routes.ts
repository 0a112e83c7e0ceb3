// Plain HTTP routes served beside GraphQL (health, sign-in callback, the web
// client, badges, feeds). A route answers the request and returns true, or returns
// false to let the next one (and finally Yoga) have it.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export function withRoutes(routes: Route[], fallback: (req: IncomingMessage, res: ServerResponse) => void) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      for (const route of routes) if (await route(req, res, url)) return;
      fallback(req, res);
    } catch (error) {
      console.error("HTTP route failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    }
  };
}

// Answers of the document routes (badges, feeds).

/** True for GET and HEAD; anything else is answered 405 here. */
export function isReadMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD") return true;
  res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed");
  return false;
}

export function sendNotFound(res: ServerResponse, message: string): void {
  res.writeHead(404, { "content-type": "text/plain", "cache-control": "public, max-age=30" }).end(message);
}

/** The body with its ETag, or 304 when If-None-Match names it; no body for HEAD. */
export function sendValidated(req: IncomingMessage, res: ServerResponse, body: string, etag: string, headers: Record<string, string>): void {
  const all = { ...headers, etag };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, all).end();
    return;
  }
  res.writeHead(200, { ...all, "content-length": String(Buffer.byteLength(body)) });
  res.end(req.method === "HEAD" ? undefined : body);
}
