// The service's Prometheus series, in a registry of their own: several instances
// of the app may share a process (tests do), and each must report only its own.
// Gauges of state (subscribers, connections, health) are read when scraped, so
// nothing on the request or fan-out paths pays for them.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the scrape-time gauges read. */
export interface MetricSources {
  /** Live subscribers by page slug. */
  liveSubscribers(): Promise<Map<string, number>>;
  webSocketConnections(): number;
  /** The same check as /health/ready. */
  databaseUp(): Promise<boolean>;
  /** Absent when Redis is not configured. */
  redisUp?: () => boolean;
}

export type OperationOutcome = "ok" | "error" | "refused";

/** Caches with hit and miss counts: GraphQL answers, badges, feeds, pages' looks for their HTML. */
export type CacheName = "graphql" | "badge" | "feed" | "page_look" | "page_snapshot";

/** Seconds, from 1 ms to 10 s. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counts and latencies of GraphQL operations and HTTP responses. */
function requestSeries(registers: Registry[]) {
  const operations = new Counter({
    name: "statusgraph_graphql_operations_total",
    help: "GraphQL operations by operation name, type and outcome (ok, error: ran with errors, refused: not run).",
    labelNames: ["operation_name", "operation_type", "outcome"] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: "statusgraph_graphql_operation_duration_seconds",
    help: "Time to answer a GraphQL operation (for a subscription: to set it up).",
    labelNames: ["operation_name", "operation_type", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const httpRequests = new Counter({
    name: "statusgraph_http_requests_total",
    help: "HTTP responses sent, by route and status code.",
    labelNames: ["route", "status_code"] as const,
    registers,
  });
  const httpSeconds = new Histogram({
    name: "statusgraph_http_request_duration_seconds",
    help: "Time from an HTTP request to the end of its response, by route.",
    labelNames: ["route"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  return { operations, operationSeconds, httpRequests, httpSeconds };
}

/** Gauges of state, read from `sources` when scraped. */
function registerStateGauges(registers: Registry[], sources: MetricSources): void {
  new Gauge({
    name: "statusgraph_live_subscribers",
    help: "Live subscriptions (graphql-ws and SSE) by page slug.",
    labelNames: ["page"] as const,
    registers,
    async collect() {
      const bySlug = await sources.liveSubscribers();
      this.reset();
      for (const [page, count] of bySlug) this.set({ page }, count);
    },
  });
  new Gauge({
    name: "statusgraph_websocket_connections",
    help: "Open WebSocket connections.",
    registers,
    collect() {
      this.set(sources.webSocketConnections());
    },
  });
  new Gauge({
    name: "statusgraph_database_up",
    help: "1 when the database answers, 0 otherwise.",
    registers,
    async collect() {
      this.set((await sources.databaseUp()) ? 1 : 0);
    },
  });
  const redisUp = sources.redisUp;
  if (redisUp) {
    new Gauge({
      name: "statusgraph_redis_up",
      help: "1 while Redis carries events, 0 otherwise.",
      registers,
      collect() {
        this.set(redisUp() ? 1 : 0);
      },
    });
  }
}

export function createMetrics(sources: MetricSources) {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const registers = [register];

  const { operations, operationSeconds, httpRequests, httpSeconds } = requestSeries(registers);
  const delivery = new Histogram({
    name: "statusgraph_live_update_delivery_seconds",
    help: "Time from a committed change to its update being handed to every live subscriber of a view (one observation per change and view).",
    buckets: [...LATENCY_BUCKETS, 30],
    registers,
  });
  const cacheHits = new Counter({ name: "statusgraph_cache_hits_total", help: "Answers served from a cache.", labelNames: ["cache"] as const, registers });
  const cacheMisses = new Counter({ name: "statusgraph_cache_misses_total", help: "Cacheable answers computed.", labelNames: ["cache"] as const, registers });
  const transitions = new Counter({
    name: "statusgraph_scheduler_transitions_total",
    help: "Maintenance status changes the scheduler made, by new status.",
    labelNames: ["to"] as const,
    registers,
  });

  registerStateGauges(registers, sources);

  return {
    register,
    operation(labels: { operation_name: string; operation_type: string; outcome: OperationOutcome }, seconds: number): void {
      operations.inc(labels);
      operationSeconds.observe(labels, seconds);
    },
    httpResponse(route: string, statusCode: number, seconds: number): void {
      httpRequests.inc({ route, status_code: statusCode });
      httpSeconds.observe({ route }, seconds);
    },
    delivered(seconds: number): void {
      delivery.observe(Math.max(0, seconds));
    },
    cacheLookup(cache: CacheName, hit: boolean): void {
      (hit ? cacheHits : cacheMisses).inc({ cache });
    },
    transition(to: string): void {
      transitions.inc({ to });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
