/** The Prometheus series of the app, when /metrics is on; their gauges are read when scraped. */
import type { Db } from "../db/client.js";
import type { DatabaseProbe } from "../db/probe.js";
import type { MetricsAccess } from "../http/metrics.js";
import { createMetrics, type CacheName, type Metrics } from "../metrics/series.js";
import { liveSubscribersBySlug } from "../metrics/sources.js";
import type { RedisBus } from "../realtime/redis.js";
import type { SummaryHub } from "../realtime/summary-hub.js";

export interface MetricsSources {
  db: Db;
  /** The hub, once built. */
  hub: () => SummaryHub;
  /** Open WebSockets. */
  connections: () => number;
  databaseProbe: DatabaseProbe;
  redis: RedisBus | null;
}

/** The series, or null when /metrics is off: then nothing is counted at all. */
export function createAppMetrics(access: MetricsAccess | null, sources: MetricsSources): Metrics | null {
  if (!access) return null;
  const { db, databaseProbe, redis } = sources;
  return createMetrics({
    liveSubscribers: () => liveSubscribersBySlug(db, sources.hub()),
    webSocketConnections: sources.connections,
    // Up as readiness sees it: a database that answers too late counts as down.
    databaseUp: async () => (await databaseProbe.check()).state === "up",
    redisUp: redis ? () => redis.healthy() : undefined,
  });
}

/** Counts a cache's hits and misses, when metrics are on. */
export function cacheLookups(metrics: Metrics | null) {
  return (cache: CacheName) => (metrics ? (hit: boolean) => metrics.cacheLookup(cache, hit) : undefined);
}
