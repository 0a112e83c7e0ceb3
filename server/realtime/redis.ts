// Carries live events between instances through Redis. Queries and mutations
// never depend on it: while Redis is down, publishes are dropped (the database
// keeps every change), the outage is logged once and reported by /health/ready,
// both connections retry for ever on their own, and once events flow again every
// watched summary is recomputed so subscribers resync to the current state.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import type { WindowCounter } from "../auth/shared-rate-limit.js";
import { defaultLogger, type Logger } from "../logger.js";

export interface RedisBus {
  eventTarget: EventTarget;
  /** True while events flow: both connections ready and every subscription restored. */
  healthy(): boolean;
  /** Called each time events flow again after an outage (or after a first connection that came late). */
  onRecovered(listener: () => void): void;
  /**
   * Settles once Redis has confirmed the subscription to `channel` (at once while Redis
   * is down: the resync on its return covers what is missed meanwhile).
   */
  subscribed(channel: string): Promise<void>;
  /** Counters shared by every instance (rate limits); null answers while Redis is unreachable. */
  counter: WindowCounter;
  close(): Promise<void>;
}

export interface RedisBusOptions {
  log?: Logger;
  /** How long start-up waits for Redis before serving without it (it keeps retrying meanwhile). */
  connectWaitMs?: number;
  /**
   * How often each connection is PINGed, and how long an answer may take. A Redis
   * that stops answering without closing the connection (frozen, or cut off by a
   * network fault that sends no reset) shows up only this way. Default 5,000 ms.
   */
  pingIntervalMs?: number;
}

/** Quick retries at first, then every 2 s, never giving up: an outage must end by itself. */
const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2_000);

/** host:port only, so a password in REDIS_URL never reaches the logs. */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    return "REDIS_URL";
  }
}

/** How long a rate-limited request waits for Redis's count before counting locally. */
const COUNTER_WAIT_MS = 500;

const bothReady = (a: Redis, b: Redis) => a.status === "ready" && b.status === "ready";

export async function connectRedis(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
  const log = options.log ?? defaultLogger();
  const at = where(url);
  // A publish fails at once while disconnected (no offline queue, no retry of one in
  // flight): a dropped event is covered by the resync, a queued one would pile up.
  const publisher = new Redis(url, { retryStrategy, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // A SUBSCRIBE must never be dropped: ioredis only restores channels the server had
  // confirmed, so one lost during an outage would leave its topic deaf for good. The
  // subscriber queues while offline and never gives up on a command. Client-info
  // commands can race the switch to subscriber mode and lose the first event.
  const subscriber = new Redis(url, { retryStrategy, enableOfflineQueue: true, maxRetriesPerRequest: null, disableClientInfo: true });
  const listeners: (() => void)[] = [];
  let up = false;
  let closing = false;
  let outageLogged = false;
  let firstUp = () => {};
  const connected = new Promise<void>((resolve) => (firstUp = resolve));

  function lost(reason: string): void {
    if (closing) return;
    up = false;
    if (outageLogged) return;
    outageLogged = true;
    log.warn(`Redis at ${at} is unreachable (${reason}): live events between instances are paused, queries and mutations are unaffected`);
  }

  async function recoverIfReady(): Promise<void> {
    if (up || closing || !bothReady(publisher, subscriber)) return;
    // ioredis re-subscribes right after "ready"; a PING queued behind those SUBSCRIBEs
    // answers once they are in place, so the resync cannot miss an event after it.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await subscriber.ping();
    } catch {
      return; // Lost again; the next "ready" retries.
    }
    if (up || closing || !bothReady(publisher, subscriber)) return;
    up = true;
    firstUp();
    if (outageLogged) log.info(`Redis at ${at} is reachable again: resyncing live subscribers`);
    outageLogged = false;
    for (const listener of listeners) listener();
  }

  for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    client.on("error", (error: Error) => {
      // An error on a ready connection is followed by "close" if it is fatal; alone, it is no outage.
      if (closing) return;
      if (client.status === "ready") log.warn(`Redis ${name}: ${error.message}`);
      else lost(`${name}: ${error.message}`);
    });
    client.on("close", () => lost(`${name} connection closed`));
    client.on("ready", () => void recoverIfReady());
  }

  // A connection that stops answering is dropped and reconnected: until Redis
  // answers again it counts as an outage (readiness 503), and its return resyncs.
  const pingEvery = options.pingIntervalMs ?? 5_000;
  const watchdog = setInterval(() => {
    for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
      if (client.status !== "ready") continue;
      const silent = setTimeout(() => {
        if (closing || client.status !== "ready") return;
        lost(`${name}: no answer to PING within ${pingEvery} ms`);
        client.disconnect(true);
      }, pingEvery);
      client.ping().then(
        () => clearTimeout(silent),
        () => clearTimeout(silent),
      );
    }
  }, pingEvery);
  watchdog.unref();

  // The event target neither awaits nor catches these calls: a rejection would be
  // unhandled, and an unhandled rejection ends a Node process.
  const failed = (what: string) => (error: Error) => {
    if (!closing && !outageLogged) log.warn(`Redis ${what} failed (${error.message}); subscribers resync once Redis is back`);
    return 0;
  };
  /** Channel → its SUBSCRIBE's confirmation. */
  const confirmations = new Map<string, Promise<unknown>>();
  const publishClient = {
    publish: (channel: string, message: string) => publisher.publish(channel, message).catch(failed("publish")),
  };
  const subscribeClient = {
    on(event: "message", handler: (channel: string, message: string) => void) {
      subscriber.on(event, handler);
      return subscribeClient;
    },
    subscribe(channel: string) {
      const confirmed = subscriber.subscribe(channel).catch(failed("subscribe"));
      confirmations.set(channel, confirmed);
      return confirmed;
    },
    unsubscribe(channel: string) {
      confirmations.delete(channel);
      return subscriber.unsubscribe(channel).catch(failed("unsubscribe"));
    },
  };
  const eventTarget = createRedisEventTarget({
    // It calls nothing else (publish, on("message"), subscribe, unsubscribe): these guarded wrappers stand in for clients.
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  }) as unknown as EventTarget;

  // Start-up does not wait for Redis for ever: the instance serves queries and
  // mutations without it, reports itself unready, and connects when Redis is back.
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.connectWaitMs ?? 5_000)));
  await Promise.race([connected, waited]);
  clearTimeout(timer);
  if (!up) lost("not reachable at start-up");

  return {
    eventTarget,
    healthy: () => up && bothReady(publisher, subscriber),
    onRecovered: (listener) => void listeners.push(listener),
    counter: {
      async hit(key, ttlMs) {
        if (!up || publisher.status !== "ready") return null;
        const counted = publisher
          .multi()
          .incr(key)
          .pexpire(key, ttlMs)
          .exec()
          .then((replies) => (typeof replies?.[0]?.[1] === "number" ? replies[0][1] : null))
          .catch(() => null);
        // A request does not wait long on Redis: past this it counts locally.
        return Promise.race([counted, new Promise<null>((resolve) => setTimeout(() => resolve(null), COUNTER_WAIT_MS).unref())]);
      },
    },
    async subscribed(channel) {
      const confirmed = confirmations.get(channel);
      if (!confirmed || !up) return;
      // Bounded: a Redis that stops answering is the watchdog's to detect, not a reason to hold a subscriber.
      await Promise.race([confirmed, new Promise((resolve) => setTimeout(resolve, pingEvery).unref())]);
    },
    async close() {
      closing = true;
      clearInterval(watchdog);
      // Pending commands are rejected now; the wrappers above swallow that.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
