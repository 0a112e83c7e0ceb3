// Carries live events between instances through Redis. Queries and mutations
// never depend on it: while Redis is down, publishes are dropped (the database
// keeps every change), the outage is logged and reported by /health/ready, and
// once both connections are back every watched summary is recomputed so
// subscribers resync to the current state.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";

export interface RedisBus {
  eventTarget: EventTarget;
  /** True while both connections are ready. */
  healthy(): boolean;
  /** Called each time events flow again after an outage. */
  onRecovered(listener: () => void): void;
  close(): Promise<void>;
}

type Log = (message: string) => void;

function waitReady(client: Redis): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.once("ready", () => resolve());
    client.once("end", () => reject(new Error("Redis connection ended before it was ready")));
  });
}

export async function connectRedis(url: string, log: Log = (m) => console.warn(m)): Promise<RedisBus> {
  const options = {
    // Commands fail fast during an outage instead of queueing without bound.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
  const publisher = new Redis(url, options);
  // Client-info commands can race the switch to subscriber mode and lose the first event.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, disableClientInfo: true });
  const listeners: (() => void)[] = [];
  let down = false;

  for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    client.on("error", (error: Error) => {
      if (!down) log(`Redis ${name} connection failed (${error.message}); live events paused, queries and mutations unaffected`);
      down = true;
    });
    client.on("ready", () => {
      if (!down || publisher.status !== "ready" || subscriber.status !== "ready") return;
      down = false;
      log("Redis is reachable again; resyncing live subscribers");
      for (const listener of listeners) listener();
    });
  }
  await Promise.all([waitReady(publisher), waitReady(subscriber)]);

  // The event target does not await publishes; a rejected one must not crash the process.
  const safePublisher = Object.create(publisher) as Redis;
  safePublisher.publish = ((channel: string, message: string) =>
    publisher.publish(channel, message).catch((error: Error) => {
      log(`Redis publish failed (${error.message}); subscribers will resync when Redis is back`);
      return 0;
    })) as Redis["publish"];

  return {
    eventTarget: createRedisEventTarget({ publishClient: safePublisher, subscribeClient: subscriber }) as unknown as EventTarget,
    healthy: () => publisher.status === "ready" && subscriber.status === "ready",
    onRecovered: (listener) => void listeners.push(listener),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
