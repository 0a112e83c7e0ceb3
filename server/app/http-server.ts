/** The HTTP server: routes, then Yoga, with graphql-ws on the same port and path. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { YogaServerInstance } from "graphql-yoga";
import type { Context } from "../context.js";
import { observeResponses } from "../http/metrics.js";
import { upgradeCookieUsable, type OriginPolicy } from "../http/origins.js";
import type { RequestLog } from "../http/request-log.js";
import { withRoutes, type Route } from "../http/routes.js";
import type { Limits } from "../limits.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics/series.js";
import { attachWebSocket } from "../realtime/websocket.js";

export interface HttpServerOptions {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  routes: Route[];
  requests: RequestLog;
  metrics: Metrics | null;
  limits: Limits;
  origins: OriginPolicy;
  keepAliveMs?: number;
  log: Logger;
}

/** Listens on demand; `connections()` counts open WebSockets (0 before listening). */
export function createHttpServer(options: HttpServerOptions) {
  const { yoga, requests, metrics, log } = options;
  let server: Server | null = null;
  let ws: ReturnType<typeof attachWebSocket> | null = null;
  return {
    connections: () => ws?.wss.clients.size ?? 0,
    /** Listens on `port` (0 picks a free one) on `host`; resolves to the URL of the GraphQL endpoint. */
    async listen(port: number, host: string): Promise<string> {
      const handler = requests.handler(withRoutes(options.routes, yoga, requests.log));
      const listening = createServer(metrics ? observeResponses(metrics, handler) : handler);
      server = listening;
      const cookieUsable = upgradeCookieUsable(options.origins);
      ws = attachWebSocket(listening, yoga, { limits: options.limits, keepAliveMs: options.keepAliveMs, cookieUsable, log });
      await new Promise<void>((resolve) => listening.listen(port, host, resolve));
      const { port: actual } = listening.address() as AddressInfo;
      return `http://${host.includes(":") ? `[${host}]` : host}:${actual}${yoga.graphqlEndpoint}`;
    },
    async close(): Promise<void> {
      await ws?.close();
      if (server) {
        const closing = server;
        closing.closeAllConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
        server = null;
      }
    },
  };
}
