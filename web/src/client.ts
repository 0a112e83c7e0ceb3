// The one urql client: queries over HTTP, subscriptions over graphql-ws on the
// same origin and path. The socket retries forever with capped, jittered
// backoff; on every reconnect graphql-ws re-subscribes and the server answers
// with the current summary first, so nothing missed while down stays missing.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { getConnectionState, setConnectionState } from "./connection.js";

const MAX_RETRY_DELAY_MS = 10_000;

/** 0.5 s, 1 s, 2 s … up to 10 s, each with up to 50% added at random so a restart is not met by every viewer at once. */
export function retryDelay(retries: number): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** retries);
  return base + Math.random() * base * 0.5;
}

function webSocketUrl(location: Location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
}

function createSocket(url: string): { ws: WsClient; track: (delta: number) => void } {
  let subscriptions = 0;
  const ws = createWsClient({
    url,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    on: {
      connecting: () => setConnectionState(getConnectionState() === "idle" ? "connecting" : "reconnecting"),
      connected: () => setConnectionState("connected"),
      // A lazy socket also closes when the last subscription ends; that is not an outage.
      closed: () => setConnectionState(subscriptions > 0 ? "reconnecting" : "idle"),
    },
  });
  return { ws, track: (delta) => void (subscriptions += delta) };
}

export function createUrqlClient(location: Location = window.location): Client {
  const socket = createSocket(webSocketUrl(location));
  return new Client({
    url: "/graphql",
    fetchOptions: { credentials: "include" },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              socket.track(1);
              const dispose = socket.ws.subscribe(input, sink);
              return {
                unsubscribe() {
                  socket.track(-1);
                  dispose();
                },
              };
            },
          };
        },
      }),
    ],
  });
}
