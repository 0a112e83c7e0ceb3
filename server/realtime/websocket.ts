// graphql-ws on the same port and path as HTTP. Every operation goes through
// `yoga.getEnveloped`, so WebSocket operations get the same plugins and the
// same context factory as HTTP requests.
//
// The socket adapter is our own (ws-connection.ts, on graphql-ws's `makeServer`)
// rather than `useServer`: `useServer` waits for each message to be flushed
// before a subscription sends its next, so a client that stops reading never
// shows in `bufferedAmount` and its backlog sits in the protocol layer instead.
import type { IncomingMessage, Server } from "node:http";
import type { ExecutionArgs } from "graphql";
import { handleProtocols, makeServer } from "graphql-ws";
import { WebSocketServer } from "ws";
import { LRUCache } from "lru-cache";
import type { YogaServerInstance } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { deliverDirectly } from "./direct-delivery.js";
import { startHeartbeat } from "./heartbeat.js";
import { Preserialized } from "./preserialized.js";
import { Connection, WS_LIMITS, type Extra } from "./ws-connection.js";
import { connectionGate, type ConnectionLimits } from "./ws-limits.js";

export { SLOW_CONSUMER_CLOSE, WS_LIMITS } from "./ws-connection.js";

type EnvelopedArgs = ExecutionArgs & {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

/**
 * Subscribers mostly send the same few documents; each subscription keeps its
 * message (query text included) for its whole life, so equal texts share one string.
 */
const queries = new LRUCache<string, string>({ max: 1_000 });
function intern(query: string): string {
  const known = queries.get(query);
  if (known !== undefined) return known;
  queries.set(query, query);
  return query;
}

export interface WebSocketOptions {
  limits?: ConnectionLimits;
  keepAliveMs?: number;
  /**
   * Whether operations of this upgrade may use its session cookie (the HTTP layer's
   * origin policy decides); when not, the Cookie header is dropped and the
   * connection is served as signed out.
   */
  cookieUsable: (request: IncomingMessage) => boolean;
  log: Logger;
}

/** Serves graphql-ws on `server` at Yoga's endpoint, through Yoga's plugins and context factory. */
export function attachWebSocket<C extends object>(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, C>,
  { limits, keepAliveMs = WS_LIMITS.keepAliveMs, cookieUsable, log }: WebSocketOptions,
) {
  const gate = limits && connectionGate(limits);
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: WS_LIMITS.maxPayloadBytes,
    handleProtocols,
    verifyClient: gate?.verifyClient,
    // ws 8.18 takes it; @types/ws does not know it yet.
    ...({ closeTimeout: WS_LIMITS.closeTimeoutMs } as object),
  });
  const protocol = makeServer<Record<string, unknown> | undefined, Extra>({
    execute: (args) => (args as EnvelopedArgs).execute(args) as never,
    subscribe: (args) => (args as EnvelopedArgs).subscribe(args) as never,
    onSubscribe: async (ctx, id, payload) => {
      // graphql-ws's types mark it read-only; the message object is ours to trim.
      (payload as { query: string }).query = intern(payload.query);
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        ...ctx,
        req: ctx.extra.request,
        socket: ctx.extra.socket,
        params: payload,
      });
      const args: EnvelopedArgs = {
        schema,
        operationName: payload.operationName,
        document: parse(payload.query),
        variableValues: payload.variables,
        contextValue: await contextFactory(),
        execute,
        subscribe,
      };
      deliverDirectly(args.contextValue as object, ctx.extra.connection, id);
      const errors = validate(args.schema, args.document);
      return errors.length > 0 ? errors : args;
    },
    onNext: (ctx, _id, _payload, _args, result) => (ctx.extra.preserialized ??= new Preserialized()).standIn(result) as never,
  });
  wss.on("error", (error) => log.error({ err: error }, "WebSocket server error"));
  const heartbeat = startHeartbeat(wss.clients, keepAliveMs);

  wss.on("connection", (socket, request) => {
    gate?.opened(socket, request);
    heartbeat.track(socket);
    // ws closes the socket itself on protocol errors; without a listener they would crash the process.
    socket.on("error", () => {});
    new Connection(socket, request, protocol, cookieUsable(request), log);
  });

  return {
    wss,
    async close() {
      heartbeat.stop();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
