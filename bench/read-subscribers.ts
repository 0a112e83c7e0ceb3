// N live viewers of one page for the mutation-latency run: one graphql-ws client
// (one socket) each, subscribed to the page's status. Reports "ready" once every
// one has its first summary, then "delivered" each time every one has received
// the next update, with the instant the last one did.
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { clock, type FromSubscribers, type ToSubscribers } from "./read-protocol.js";

const QUERY = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { status message } } }`;
const send = (message: FromSubscribers) => process.send!(message);
const clients: Client[] = [];

function subscribe(url: string, count: number, pageSlug: string): void {
  /** Messages received per subscriber; the first is the summary on subscribe. */
  const received = new Array<number>(count).fill(0);
  /** Subscribers that have reached each count. */
  const reached = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const client = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    clients.push(client);
    client.subscribe(
      { query: QUERY, variables: { page: pageSlug } },
      {
        next: () => {
          const n = ++received[i]!;
          const now = (reached.get(n) ?? 0) + 1;
          reached.set(n, now);
          if (now < count) return;
          if (n === 1) send({ type: "ready" });
          else send({ type: "delivered", round: n - 1, lastAt: clock() });
        },
        error: (error) => send({ type: "failed", error: `subscriber ${i}: ${JSON.stringify(error instanceof Error ? error.message : error)}` }),
        complete: () => {},
      },
    );
  }
}

process.on("message", async (message: ToSubscribers) => {
  if (message.type === "subscribe") return subscribe(message.url, message.count, message.pageSlug);
  await Promise.all(clients.map((c) => c.dispose()));
  process.exit(0);
});
