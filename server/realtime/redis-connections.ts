// The two ioredis connections of the Redis bus, and what their errors say of Redis.
import { Redis } from "ioredis";
import type { DependencyState } from "../db/probe.js";

/** Slow (Redis stopped answering) or down (unreachable). */
export type OutageState = Exclude<DependencyState, "up">;

/** The connection that publishes (and counts rate limits) and the one in subscriber mode. */
export interface RedisConnections {
  publisher: Redis;
  subscriber: Redis;
}

/** Quick retries at first, then every 2 s, never giving up: an outage must end by itself. */
const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2_000);

/** host:port only, so a password in REDIS_URL never reaches the logs. */
export function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    return "REDIS_URL";
  }
}

/** What an error on a connection that is not ready says of Redis; null when it says nothing new. */
export function outageOf(error: Error): OutageState | null {
  const code = (error as { code?: unknown }).code;
  if (code === "ETIMEDOUT") return "slow"; // connectTimeout
  // A system error (refused, reset, unreachable) says Redis is down; others (e.g. a
  // command rejected while reconnecting) follow from the outage already known.
  return typeof code === "string" ? "down" : null;
}

/** True when both connections are ready for commands. */
export const bothReady = ({ publisher, subscriber }: RedisConnections) => publisher.status === "ready" && subscriber.status === "ready";

/**
 * Opens both connections; each retries for ever. A connection attempt gives up after
 * `pingEveryMs`, as soon as an unanswered PING would.
 */
export function openConnections(url: string, pingEveryMs: number): RedisConnections {
  // commandTimeout is not used: it only rejects a command and keeps the silent
  // connection in use; the heartbeat (redis-heartbeat.ts) replaces the connection.
  const timeouts = { connectTimeout: pingEveryMs };
  // A publish fails at once while disconnected (no offline queue, no retry of one in
  // flight): a dropped event is covered by the resync, a queued one would pile up.
  const publisher = new Redis(url, { retryStrategy, ...timeouts, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // A SUBSCRIBE must never be dropped: ioredis only restores channels the server had
  // confirmed, so one lost during an outage would leave its topic deaf for good. The
  // subscriber queues while offline and never gives up on a command. Client-info
  // commands can race the switch to subscriber mode and lose the first event.
  const subscriber = new Redis(url, { retryStrategy, ...timeouts, enableOfflineQueue: true, maxRetriesPerRequest: null, disableClientInfo: true });
  return { publisher, subscriber };
}

/** Both connections with their names, as the logs and the heartbeat call them. */
export function named({ publisher, subscriber }: RedisConnections): [string, Redis][] {
  return [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ];
}
