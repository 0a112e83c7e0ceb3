// graphql-ws on the same port and path as HTTP. Every operation goes through
// `yoga.getEnveloped`, so WebSocket operations get the same plugins and the
// same context factory as HTTP requests.
import type { Server } from "node:http";
import type { ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { YogaServerInstance } from "graphql-yoga";
import type { Context } from "../context.js";

export const WS_LIMITS = {
  /** Largest message a client may send. */
  maxPayloadBytes: 64 * 1024,
  /** Outgoing bytes a socket may have queued before it counts as a slow consumer and is closed. */
  maxBufferedBytes: 1024 * 1024,
  /** Ping interval; keeps proxies from dropping idle connections. */
  keepAliveMs: 12_000,
} as const;

/** Close code sent to a client that does not read fast enough (1013: try again later). */
export const SLOW_CONSUMER_CLOSE = { code: 1013, reason: "Slow consumer: too many undelivered messages" } as const;

type EnvelopedArgs = ExecutionArgs & {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

export function attachWebSocket(server: Server, yoga: YogaServerInstance<Record<string, unknown>, Context>) {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: WS_LIMITS.maxPayloadBytes });
  const disposable = useServer(
    {
      execute: (args) => (args as EnvelopedArgs).execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
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
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors : args;
      },
      onNext: (ctx) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > WS_LIMITS.maxBufferedBytes) {
          socket.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
        }
      },
    },
    wss,
    WS_LIMITS.keepAliveMs,
  );
  return {
    wss,
    async close() {
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
    },
  };
}
