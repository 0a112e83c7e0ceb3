// Carries live events between instances through Redis. Queries and mutations
// never depend on it: while Redis is down, publishes are dropped (the database
// keeps every change), the outage is logged once and reported by /health/ready,
// both connections retry for ever on their own, and once events flow again every
// watched summary is recomputed so subscribers resync to the current state.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import type { DependencyState, ProbeResult } from "../db/probe.js";
import { defaultLogger, type Logger } from "../logger.js";
import { startHeartbeat } from "./redis-heartbeat.js";

export interface RedisBus {
  eventTarget: EventTarget;
  /** True while events flow: both connections ready and every subscription restored. */
  healthy(): boolean;
  /** "up" while healthy; otherwise "slow" (Redis stopped answering) or "down" (unreachable), and why. */
  state(): ProbeResult;
  /** Called each time events flow again after an outage (or after a first connection that came late). */
  onRecovered(listener: () => void): void;
  /**
   * Settles once Redis has confirmed the subscription to `channel` (at once while Redis
   * is down: the resync on its return covers what is missed meanwhile).
   */
  subscribed(channel: string): Promise<void>;
  /** Where rate limits are counted for every instance, and whether to ask it now (see auth/shared-rate-limit.ts). */
  counters: CounterStore;
  close(): Promise<void>;
}

/** The publishing connection, for counters every instance shares. */
export interface CounterStore {
  client: Redis;
  timeoutMs: number;
  /** False while Redis is known to be out, and after a count it did not give, until it answers a PING again. */
  usable(): boolean;
  distrust(): void;
}

export interface RedisBusOptions {
  log?: Logger;
  /** How long start-up waits for Redis before serving without it (it keeps retrying meanwhile). */
  connectWaitMs?: number;
  /**
   * How often each connection is PINGed, and how long any answer may take. A Redis
   * that stops answering without closing the connection (frozen, or cut off by a
   * network fault that sends no reset) shows up only this way. Default 1,000 ms.
   */
  pingIntervalMs?: number;
  /** How long a rate-limited request waits for Redis's count before counting locally. Default 100 ms. */
  counterTimeoutMs?: number;
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

/** What an error on a connection that is not ready says of Redis; null when it says nothing new. */
function outageOf(error: Error): Exclude<DependencyState, "up"> | null {
  const code = (error as { code?: unknown }).code;
  if (code === "ETIMEDOUT") return "slow"; // connectTimeout
  // A system error (refused, reset, unreachable) says Redis is down; others (e.g. a
  // command rejected while reconnecting) follow from the outage already known.
  return typeof code === "string" ? "down" : null;
}

const bothReady = (a: Redis, b: Redis) => a.status === "ready" && b.status === "ready";

export async function connectRedis(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
  const log = options.log ?? defaultLogger();
  const at = where(url);
  const pingEvery = options.pingIntervalMs ?? 1_000;
  const counterTimeout = options.counterTimeoutMs ?? 100;
  // A connection attempt into a silent network gives up as soon as a PING would.
  // commandTimeout is not used: it only rejects a command and keeps the silent
  // connection in use; the heartbeat (redis-heartbeat.ts) replaces the connection.
  const timeouts = { connectTimeout: pingEvery };
  // A publish fails at once while disconnected (no offline queue, no retry of one in
  // flight): a dropped event is covered by the resync, a queued one would pile up.
  const publisher = new Redis(url, { retryStrategy, ...timeouts, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // A SUBSCRIBE must never be dropped: ioredis only restores channels the server had
  // confirmed, so one lost during an outage would leave its topic deaf for good. The
  // subscriber queues while offline and never gives up on a command. Client-info
  // commands can race the switch to subscriber mode and lose the first event.
  const subscriber = new Redis(url, { retryStrategy, ...timeouts, enableOfflineQueue: true, maxRetriesPerRequest: null, disableClientInfo: true });
  const listeners: (() => void)[] = [];
  let up = false;
  let closing = false;
  let outageLogged = false;
  let outage: { state: Exclude<DependencyState, "up">; detail: string } = { state: "down", detail: "not connected yet" };
  let firstUp = () => {};
  const connected = new Promise<void>((resolve) => (firstUp = resolve));

  /** Logs once as the outage begins, and again only when it changes between slow and down. */
  function lost(state: Exclude<DependencyState, "up">, reason: string): void {
    if (closing) return;
    up = false;
    const changed = state !== outage.state;
    outage = { state, detail: reason };
    if (outageLogged && !changed) return;
    outageLogged = true;
    const what = state === "slow" ? "not answering" : "unreachable";
    log.warn(`Redis at ${at} is ${what} (${reason}): live events between instances are paused, queries and mutations are unaffected`);
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

  for (const [name, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    client.on("error", (error: Error) => {
      // An error on a ready connection is followed by "close" if it is fatal; alone, it is no outage.
      if (closing) return;
      if (client.status === "ready") return void log.warn(`Redis ${name}: ${error.message}`);
      const state = outageOf(error);
      if (state) lost(state, `${name}: ${state === "slow" ? `no connection within ${pingEvery} ms` : error.message}`);
      else if (up) lost("down", `${name}: ${error.message}`);
    });
    // During an outage a close is one more retry; it is news only on a working connection.
    client.on("close", () => void (up && lost("down", `${name} connection closed`)));
    client.on("ready", () => void recoverIfReady());
  }

  // After a count that did not come in time, counts are taken locally until Redis
  // answers a PING again: a stalled Redis delays one request, not every one.
  let counterTrusted = true;
  // A connection that stops answering is dropped and reconnected: until Redis
  // answers again it counts as an outage (readiness 503), and its return resyncs.
  const stopHeartbeat = startHeartbeat(
    [
      ["publisher", publisher],
      ["subscriber", subscriber],
    ],
    {
      everyMs: pingEvery,
      onAnswer: (client) => void (client === publisher && (counterTrusted = true)),
      onSilent(name, client) {
        if (closing) return;
        lost("slow", `${name}: no answer to PING within ${pingEvery} ms`);
        client.disconnect(true);
      },
    },
  );

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
  if (!up) lost(outage.state, `not reachable at start-up: ${outage.detail}`);

  const healthy = () => up && bothReady(publisher, subscriber);
  return {
    eventTarget,
    healthy,
    state: () => (healthy() ? { state: "up" } : outage),
    onRecovered: (listener) => void listeners.push(listener),
    counters: {
      client: publisher,
      timeoutMs: counterTimeout,
      // Known unhealthy: no time is spent on Redis at all.
      usable: () => up && counterTrusted && publisher.status === "ready",
      distrust: () => void (counterTrusted = false),
    },
    async subscribed(channel) {
      const confirmed = confirmations.get(channel);
      if (!confirmed || !up) return;
      // Bounded: a Redis that stops answering is the watchdog's to detect, not a reason to hold a subscriber.
      await Promise.race([confirmed, new Promise((resolve) => setTimeout(resolve, pingEvery).unref())]);
    },
    async close() {
      closing = true;
      stopHeartbeat();
      // Pending commands are rejected now; the wrappers above swallow that.
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
