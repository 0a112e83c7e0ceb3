// Every HTTP request gets an id: the caller's own `x-request-id` when it is a sane
// token (a proxy's or a client's, so one id follows a request across systems), else a
// new one. It is sent back as `x-request-id`, bound to every line logged while the
// request is served, and put in masked GraphQL errors, so a user's report of an
// error leads to its log lines. One line per request when it ends.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { scrubSecrets, type Logger } from "../logger.js";

const SANE_ID = /^[A-Za-z0-9._-]{1,100}$/;
/** Polled by load balancers and fetched with every page: worth a line only when debugging. */
const QUIET_PATH = /^\/(?:health(?:\/|$)|assets\/|favicon\.)/;

export interface RequestScope {
  id: string;
  /** The logger with this request's id bound. */
  log: Logger;
  /** The GraphQL operation's name, once known. */
  operation?: string;
}

/** The incoming `x-request-id` when it is one short token, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE_ID.test(header) ? header : randomUUID();
}

export type RequestLog = ReturnType<typeof createRequestLog>;

export function createRequestLog(log: Logger) {
  const scopes = new AsyncLocalStorage<RequestScope>();

  function finished(req: IncomingMessage, res: ServerResponse, scope: RequestScope, started: number): void {
    // The path only: a query string may carry a sign-in link's token.
    const route = scrubSecrets(new URL(req.url ?? "/", "http://localhost").pathname);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const status = res.statusCode;
    const aborted = !res.writableFinished;
    const line = { method: req.method, route, status, durationMs, ...(scope.operation ? { operation: scope.operation } : {}), ...(aborted ? { aborted } : {}) };
    const level = status >= 500 ? "error" : QUIET_PATH.test(route) ? "debug" : "info";
    const what = scope.operation ? ` (${scope.operation})` : "";
    scope.log[level](line, `${req.method} ${route}${what} ${aborted ? "aborted" : status} in ${durationMs} ms`);
  }

  return {
    /** The request being served, in whatever its handler calls; undefined elsewhere (WebSocket, timers). */
    current: (): RequestScope | undefined => scopes.getStore(),
    /** The logger of the request being served, else the service's. */
    log: (): Logger => scopes.getStore()?.log ?? log,
    /** Wraps the server's request handler. */
    handler(next: (req: IncomingMessage, res: ServerResponse) => unknown) {
      return (req: IncomingMessage, res: ServerResponse): void => {
        const id = requestIdFrom(req.headers["x-request-id"]);
        const scope: RequestScope = { id, log: log.child({ requestId: id }) };
        const started = performance.now();
        // Set before any route writes its head, which merges it in.
        res.setHeader("x-request-id", id);
        res.once("close", () => finished(req, res, scope, started));
        scopes.run(scope, () => next(req, res));
      };
    },
  };
}
