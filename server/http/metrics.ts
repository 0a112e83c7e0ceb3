// /metrics for Prometheus, and the HTTP series it serves. Off unless configured:
// the series tell how the service is used (which pages are watched, how busy it
// is), so they are served only with a bearer token, or openly when the operator
// says the network is private.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "../metrics/series.js";
import type { Route } from "./routes.js";

export interface MetricsAccess {
  /** Required as `Authorization: Bearer <token>` when set. */
  token: string | null;
  /** Without a token: serve to anyone (on a private network). */
  open: boolean;
}

/**
 * Who may read /metrics: the option when given (null: nobody), else METRICS_TOKEN, else
 * METRICS=true. Null when metrics are off. A token, when set, is required even if open.
 */
export function resolveMetricsAccess(option: Partial<MetricsAccess> | null | undefined, env: NodeJS.ProcessEnv = process.env): MetricsAccess | null {
  const given = option === undefined ? { token: env.METRICS_TOKEN, open: env.METRICS === "true" } : option;
  const token = given?.token || null;
  const open = given?.open ?? false;
  return token || open ? { token, open } : null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares digests, which have the same length whatever was sent, so the comparison takes constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(sent), digest(token));
}

/** `/metrics`: 404 when off, 401 without the right token, the registry's text format otherwise. */
export function metricsRoute(metrics: Metrics | null, access: MetricsAccess | null): Route {
  return async (req, res, url) => {
    if (url.pathname !== "/metrics") return false;
    if (!metrics || !access) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    if (access.token !== null && !bearerMatches(req.headers.authorization, access.token)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' }).end("Unauthorized");
      return true;
    }
    const body = await metrics.register.metrics();
    res.writeHead(200, { "content-type": metrics.register.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}

/** First path segments with a route label of their own; never the raw path, so the series stay few. */
const PREFIXES: Record<string, string> = {
  graphql: "/graphql",
  health: "/health/*",
  badge: "/badge",
  feed: "/feed",
  embed: "/embed",
  assets: "/assets",
  auth: "/auth",
  metrics: "/metrics",
};
/** `/`, `/:page`, `/:page/:subPage`: a page's HTML (as web.ts serves it). */
const PAGE_PATH = /^\/(?:[^/.]+(?:\/[^/.]+)?)?\/?$/;

export function routeLabel(path: string): string {
  const first = path.split("/", 2)[1] ?? "";
  return PREFIXES[first] ?? (PAGE_PATH.test(path) ? "page" : "other");
}

/** Counts and times each response once sent. */
export function observeResponses(metrics: Metrics, handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    res.once("finish", () => {
      const path = (req.url ?? "/").split("?", 1)[0]!;
      metrics.httpResponse(routeLabel(path), res.statusCode, (performance.now() - start) / 1000);
    });
    handler(req, res);
  };
}
