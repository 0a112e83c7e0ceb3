// Carries live events between instances through Redis. Queries and mutations
// never depend on it: while Redis is down, publishes are dropped (the database
// keeps every change), the outage is logged once and reported by /health/ready,
// both connections retry for ever on their own, and once events flow again every
// watched summary is recomputed so subscribers resync to the current state.
import type { Redis } from "ioredis";
import { type ProbeResult, withDeadline } from "../db/probe.js";
import { defaultLogger, type Logger } from "../logger.js";
import { bothReady, named, openConnections, type RedisConnections, where } from "./redis-connections.js";
import { createGuardedEventTarget } from "./redis-guarded-target.js";
import { startHeartbeat } from "./redis-heartbeat.js";
import { type RedisLink, watchLink } from "./redis-link.js";

/** The Redis bus: live events between instances, its health, and the shared rate-limit counters. */
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
  /**
   * Settles once Redis has taken every event published so far, and so has sent it on to
   * every other instance (at once while Redis is down; at most a heartbeat's interval).
   */
  published(): Promise<void>;
  /** Where rate limits are counted for every instance, and whether to ask it now (see auth/shared-rate-limit.ts). */
  counters: CounterStore;
  /** Stops the heartbeat and drops both connections. */
  close(): Promise<void>;
}

/** The publishing connection, for counters every instance shares. */
export interface CounterStore {
  client: Redis;
  timeoutMs: number;
  /** False while Redis is known to be out, and after a count it did not give, until it answers a PING again. */
  usable(): boolean;
  /** A count did not come in time: counts are taken locally until Redis answers a PING again. */
  distrust(): void;
}

/** How the bus connects, watches and waits. */
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

/**
 * Connects to Redis at `url` and waits (at most `connectWaitMs`) for events to flow;
 * without Redis by then, it returns a bus that reports the outage and keeps retrying.
 */
export async function connectRedis(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
  const log = options.log ?? defaultLogger();
  const pingEvery = options.pingIntervalMs ?? 1_000;
  const connections = openConnections(url, pingEvery);
  const link = watchLink(connections, log, where(url), pingEvery);
  const counters = createCounters(connections, link, options.counterTimeoutMs ?? 100);
  const stopHeartbeat = startHeartbeat(named(connections), {
    everyMs: pingEvery,
    onAnswer: (client) => void (client === connections.publisher && counters.trust()),
    // A connection that stops answering is dropped and reconnected: until Redis
    // answers again it counts as an outage (readiness 503), and its return resyncs.
    onSilent(name, client) {
      if (link.closing()) return;
      link.lost("slow", `${name}: no answer to PING within ${pingEvery} ms`);
      client.disconnect(true);
    },
  });
  const { eventTarget, confirmations, published } = createGuardedEventTarget(connections, (what, error) => {
    if (!link.closing() && !link.outageLogged()) log.warn(`Redis ${what} failed (${error.message}); subscribers resync once Redis is back`);
  });
  await waitForStart(link, options.connectWaitMs ?? 5_000);
  const healthy = () => link.up() && bothReady(connections);
  return {
    eventTarget,
    healthy,
    state: () => (healthy() ? { state: "up" } : link.outage()),
    onRecovered: link.onRecovered,
    counters: counters.store,
    async subscribed(channel) {
      const confirmed = confirmations.get(channel);
      if (!confirmed || !link.up()) return;
      // Bounded: a Redis that stops answering is the watchdog's to detect, not a reason to hold a subscriber.
      await withDeadline(confirmed, pingEvery);
    },
    async published() {
      if (!link.up()) return;
      // Bounded like `subscribed`: a frozen Redis delays a mutation by one interval, not for ever.
      await withDeadline(published(), pingEvery);
    },
    async close() {
      link.close();
      stopHeartbeat();
      // Pending commands are rejected now; the guarded target swallows that.
      connections.publisher.disconnect();
      connections.subscriber.disconnect();
    },
  };
}

/**
 * The shared counters on the publishing connection. After a count that did not come in
 * time, counts are taken locally until Redis answers a PING again: a stalled Redis
 * delays one request, not every one.
 */
function createCounters({ publisher }: RedisConnections, link: RedisLink, timeoutMs: number) {
  let trusted = true;
  const store: CounterStore = {
    client: publisher,
    timeoutMs,
    // Known unhealthy: no time is spent on Redis at all.
    usable: () => link.up() && trusted && publisher.status === "ready",
    distrust: () => void (trusted = false),
  };
  return { store, trust: () => void (trusted = true) };
}

/**
 * Start-up does not wait for Redis for ever: the instance serves queries and
 * mutations without it, reports itself unready, and connects when Redis is back.
 */
async function waitForStart(link: RedisLink, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([link.connected, waited]);
  clearTimeout(timer);
  const outage = link.outage();
  if (!link.up()) link.lost(outage.state, `not reachable at start-up: ${outage.detail}`);
}
