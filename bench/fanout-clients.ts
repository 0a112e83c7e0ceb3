// A share of the subscribers, in its own process: graphql-ws clients (one socket
// each) subscribed to a page, or bare ws sockets for the baseline. Each notes the
// instant its first message after the initial one arrives (parsed, as a client
// would use it). Sockets bind to several loopback addresses so ports never run short.
// Run with `node --import tsx bench/fanout-clients.ts`.
import { createClient, parseMessage, type Client } from "graphql-ws";
import WebSocket from "ws";
import { clock, type FromClients, type ToClients } from "./fanout-protocol.js";

const send = (message: FromClients) => process.send!(message);
/** Connections opening at once, per process: enough to be quick, few enough for the listen backlog. */
const IN_FLIGHT = 100;

const clients: Client[] = [];
const sockets: WebSocket[] = [];
/** Receipt instants of each round's message, by round. */
const rounds: number[][] = [];
let sample: string | null = null;
let expected = 0;

/** A WebSocket class for graphql-ws that binds to `localAddress`. */
function bound(localAddress: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
      // The first socket keeps its latest message: once the update is in, the bytes the baseline sends.
      if (sockets.length === 0) this.on("message", (data: Buffer) => void (sample = data.toString()));
      sockets.push(this);
    }
  } as unknown as typeof WebSocket;
}

/** Opens `count` connections, at most IN_FLIGHT at a time; `open(i)` resolves once connection i is usable. */
async function openAll(count: number, open: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await open(next++);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
}

/** One subscriber's `round`th message (counting from 0) arrived. */
function received(round: number): void {
  const times = (rounds[round] ??= []);
  times.push(clock());
  if (times.length === expected) send({ type: "received", round, times, sample });
}

async function graphql(message: Extract<ToClients, { type: "graphql" }>): Promise<void> {
  const impls = message.localAddresses.map(bound);
  expected = message.count;
  await openAll(message.count, (i) => {
    const client = createClient({ url: message.url.replace(/^http/, "ws"), webSocketImpl: impls[i % impls.length], retryAttempts: 0 });
    clients.push(client);
    return new Promise<void>((resolve, reject) => {
      let round = -1;
      client.subscribe(
        { query: message.query, variables: message.variables },
        {
          // The first message is the current summary; each later one an update.
          next: () => (round++ < 0 ? resolve() : received(round - 1)),
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => {},
        },
      );
    });
  });
}

async function raw(message: Extract<ToClients, { type: "raw" }>): Promise<void> {
  expected = message.count;
  await openAll(message.count, (i) => {
    const socket = new WebSocket(message.url, { localAddress: message.localAddresses[i % message.localAddresses.length] });
    sockets.push(socket);
    let round = 0;
    socket.on("message", (data: Buffer) => {
      // What a graphql-ws client does with each message (parse and validate it), so the
      // client processes' share of the two cores is alike on both sides of the comparison.
      parseMessage(data.toString());
      received(round++);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
  });
}

process.on("message", (message: ToClients) => {
  if (message.type === "close") {
    void Promise.all(clients.map((c) => c.dispose())).then(() => {
      for (const socket of sockets) socket.terminate();
      send({ type: "closed" });
      process.exit(0);
    });
    return;
  }
  const connect = message.type === "graphql" ? graphql(message) : raw(message);
  connect.then(
    () => send({ type: "ready", connected: message.count }),
    (error: unknown) => send({ type: "failed", error: String(error instanceof Error ? error.message : error) }),
  );
});
