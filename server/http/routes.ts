// Plain HTTP routes served beside GraphQL (health, sign-in callback, the web
// client, badges). A route answers the request and returns true, or returns
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
