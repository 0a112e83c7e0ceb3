// /metrics for Prometheus: off unless configured, behind a bearer token when one is
// set, and the series move with what the service does.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Client } from "graphql-ws";
import { resolveMetricsAccess, routeLabel } from "../../server/http/metrics.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, wsClient } from "../helpers/live.js";
import { parseExposition, sampleValue, type Exposition } from "../helpers/prometheus.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { checkRedisServerBinary, describeWith } from "../helpers/services.js";

const TOKEN = "a-long-random-metrics-token";
const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status } }`;
const ROUTES = ["/graphql", "/health/*", "/badge", "/feed", "/embed", "/assets", "/auth", "/metrics", "page", "other"];

async function startedApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<{ t: TestApp; origin: string }> {
  const t = await createTestApp(options);
  return { t, origin: new URL(await t.app.start(0)).origin };
}

const metricsOf = (origin: string, headers: Record<string, string> = {}) => fetch(`${origin}/metrics`, { headers });

describe("access", () => {
  afterAll(() => vi.unstubAllEnvs());

  it("is off (404) unless METRICS_TOKEN or METRICS=true is set", async () => {
    vi.stubEnv("METRICS_TOKEN", undefined);
    vi.stubEnv("METRICS", undefined);
    const { t, origin } = await startedApp();
    try {
      const res = await metricsOf(origin);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("statusgraph_");
    } finally {
      await t.close();
    }
    expect(resolveMetricsAccess(undefined, {})).toBeNull();
    expect(resolveMetricsAccess(undefined, { METRICS_TOKEN: "s" })).toEqual({ token: "s", open: false });
    expect(resolveMetricsAccess(undefined, { METRICS: "true" })).toEqual({ token: null, open: true });
    expect(resolveMetricsAccess(null, { METRICS: "true" })).toBeNull();
  });

  it("serves anyone with METRICS=true and no token", async () => {
    vi.stubEnv("METRICS_TOKEN", undefined);
    vi.stubEnv("METRICS", "true");
    const { t, origin } = await startedApp();
    try {
      const res = await metricsOf(origin);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("# TYPE statusgraph_http_requests_total counter");
    } finally {
      await t.close();
    }
  });

  it("asks for the token when one is set: 401 without it or with another, 200 with it", async () => {
    const { t, origin } = await startedApp({ metrics: { token: TOKEN, open: true } });
    try {
      for (const headers of [
        {},
        { authorization: "Bearer wrong" } as Record<string, string>,
        { authorization: `Bearer ${TOKEN}x` },
        { authorization: `Basic ${TOKEN}` },
      ]) {
        const res = await metricsOf(origin, headers);
        expect(res.status, JSON.stringify(headers)).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
        expect(await res.text()).not.toContain("statusgraph_");
      }
      const res = await metricsOf(origin, { authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.headers.get("cache-control")).toBe("no-store");
    } finally {
      await t.close();
    }
  });
});

describe("series", () => {
  const clock = testClock("2026-03-10T12:00:00Z");
  let t: TestApp;
  let origin: string;
  let url: string;
  let page: PageRef;
  let api: string;
  let incident: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: clock.now, metrics: { token: TOKEN } });
    url = await t.app.start(0);
    origin = new URL(url).origin;
    [api] = (await createComponents(t, ["API"])) as [string];
    page = await createPage(t, [api]);
    incident = await publishIncident(t, page.id, [{ componentId: api, impact: "DEGRADED_PERFORMANCE" }]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  async function scrape(): Promise<Exposition> {
    const res = await metricsOf(origin, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    return parseExposition(await res.text());
  }
  const value = async (name: string, labels: Record<string, string> = {}) => sampleValue(await scrape(), name, labels) ?? 0;

  /** An operation over real HTTP with the admin key. */
  async function graphql(query: string, variables?: Record<string, unknown>) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  }

  it("names every series with its type", async () => {
    const { types } = await scrape();
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith("statusgraph_")))).toEqual({
      statusgraph_graphql_operations_total: "counter",
      statusgraph_graphql_operation_duration_seconds: "histogram",
      statusgraph_http_requests_total: "counter",
      statusgraph_http_request_duration_seconds: "histogram",
      statusgraph_live_update_delivery_seconds: "histogram",
      statusgraph_live_subscribers: "gauge",
      statusgraph_websocket_connections: "gauge",
      statusgraph_cache_hits_total: "counter",
      statusgraph_cache_misses_total: "counter",
      statusgraph_scheduler_transitions_total: "counter",
      statusgraph_database_up: "gauge",
    });
    // Process metrics, in this app's own registry.
    expect(types.get("process_cpu_user_seconds_total")).toBe("counter");
    expect(types.get("nodejs_eventloop_lag_seconds")).toBe("gauge");
    expect(await value("statusgraph_database_up")).toBe(1);
  });

  it("counts a published mutation by its operation name, and its HTTP request", async () => {
    const op = { operation_name: "PostUpdate", operation_type: "mutation", outcome: "ok" };
    const http = { route: "/graphql", status_code: "200" };
    const [ops, timed, requests] = [
      await value("statusgraph_graphql_operations_total", op),
      await value("statusgraph_graphql_operation_duration_seconds_count", op),
      await value("statusgraph_http_requests_total", http),
    ];
    const { status, body } = await graphql(`mutation PostUpdate($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`, {
      input: { incidentId: incident, status: "IDENTIFIED", message: "Found it." },
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ publishIncidentUpdate: { __typename: "IncidentPublication" } });
    expect(await value("statusgraph_graphql_operations_total", op)).toBe(ops + 1);
    expect(await value("statusgraph_graphql_operation_duration_seconds_count", op)).toBe(timed + 1);
    expect(await value("statusgraph_http_requests_total", http)).toBe(requests + 1);
  });

  it("tells refused and failed operations from good ones, and labels unnamed ones anonymous", async () => {
    expect((await graphql(`query Broken { noSuchField }`)).body.errors).toBeDefined();
    expect((await graphql(`{ __typename }`)).status).toBe(200);
    // Anonymous: the field refuses it while the operation runs.
    const denied = await t.gql(`query Catalog { catalogTypes { id } }`, {}, { as: "anonymous" });
    expect(denied.errors).toBeDefined();
    const exposition = await scrape();
    const ops = (labels: Record<string, string>) => sampleValue(exposition, "statusgraph_graphql_operations_total", labels);
    expect(ops({ operation_name: "Broken", operation_type: "query", outcome: "refused" })).toBe(1);
    expect(ops({ operation_name: "anonymous", operation_type: "query", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(ops({ operation_name: "Catalog", operation_type: "query", outcome: "error" })).toBe(1);
  });

  it("labels HTTP requests by route, never by their path", async () => {
    for (const path of ["/health/live", `/badge/${page.slug}.svg`, "/feed/no-such-page.atom", "/no/such/file.txt", `/${page.slug}`])
      await (await fetch(`${origin}${path}`)).arrayBuffer();
    const { samples } = await scrape();
    const requests = samples.filter((s) => s.name === "statusgraph_http_requests_total");
    const routes = new Set(requests.map((s) => s.labels.route));
    expect([...routes].every((r) => ROUTES.includes(r!))).toBe(true);
    expect(requests.some((s) => s.labels.route === "/health/*" && s.labels.status_code === "200")).toBe(true);
    expect(requests.some((s) => s.labels.route === "/badge" && s.labels.status_code === "200")).toBe(true);
    expect(requests.some((s) => s.labels.route === "/feed" && s.labels.status_code === "404")).toBe(true);
    expect(routes).toContain("other");
    expect(routes).toContain("page");
    expect(routeLabel("/health")).toBe("/health/*");
    expect(routeLabel(`/${page.slug}/sub-page`)).toBe("page");
    expect(routeLabel("/embed/acme")).toBe("/embed");
  });

  it("counts a page's live subscribers and the WebSockets, and times each update's fan-out once per view", async () => {
    const subscribed = { operation_name: "anonymous", operation_type: "subscription", outcome: "ok" };
    const refused = { operation_name: "Nothing", operation_type: "subscription", outcome: "refused" };
    const [setUp, invalid] = [await value("statusgraph_graphql_operations_total", subscribed), await value("statusgraph_graphql_operations_total", refused)];
    const client = wsClient(url);
    clients.push(client);
    const subscriptions = [subscribeWs(client, STATUS, { page: page.slug }), subscribeWs(client, STATUS, { page: page.slug })];
    for (const s of subscriptions) await s.inbox.next();
    const wrong = subscribeWs(client, `subscription Nothing { noSuchField }`);
    await expect.poll(() => wrong.inbox.completed).toBe(true);
    // Over graphql-ws too, operations are counted (their setup) and refusals told apart.
    expect(await value("statusgraph_graphql_operations_total", subscribed)).toBe(setUp + 2);
    expect(await value("statusgraph_graphql_operations_total", refused)).toBe(invalid + 1);
    expect(await value("statusgraph_live_subscribers", { page: page.slug })).toBe(2);
    expect(await value("statusgraph_websocket_connections")).toBe(1);

    const delivered = await value("statusgraph_live_update_delivery_seconds_count");
    await publishIncidentUpdate(t, incident, { status: "MONITORING", message: "Watching." });
    for (const s of subscriptions) await s.inbox.next();
    // Two subscribers of one view: one observation.
    await expect.poll(() => value("statusgraph_live_update_delivery_seconds_count")).toBe(delivered + 1);

    for (const s of subscriptions) s.stop();
    await client.dispose();
    await expect.poll(() => value("statusgraph_live_subscribers", { page: page.slug })).toBe(0);
    await expect.poll(() => value("statusgraph_websocket_connections")).toBe(0);
  });

  it("counts a due maintenance's move to in progress by the scheduler", async () => {
    const before = await value("statusgraph_scheduler_transitions_total", { to: "IN_PROGRESS" });
    await scheduleMaintenance(
      t,
      page.id,
      { startsAt: "2026-03-10T13:00:00Z", endsAt: "2026-03-10T14:00:00Z" },
      [{ componentId: api, impact: "UNDER_MAINTENANCE" }],
      { autoUpdate: true },
    );
    clock.set("2026-03-10T13:00:01Z");
    expect(await t.app.scheduler.tick()).toBe(1);
    expect(await value("statusgraph_scheduler_transitions_total", { to: "IN_PROGRESS" })).toBe(before + 1);
    expect(await value("statusgraph_scheduler_transitions_total", { to: "COMPLETE" })).toBe(0);
  });

  it("counts a miss, then a hit, for repeated anonymous reads of a public page, and for badges", async () => {
    const read = async () => {
      const query = new URLSearchParams({
        query: `query Title($slug: String!) { statusPage(slug: $slug) { title } }`,
        variables: JSON.stringify({ slug: page.slug }),
      });
      const res = await fetch(`${url}?${query}`, { headers: { accept: "application/json" } });
      expect(res.status).toBe(200);
      await res.json();
    };
    const graphqlCache = { cache: "graphql" };
    const [hits, misses] = [await value("statusgraph_cache_hits_total", graphqlCache), await value("statusgraph_cache_misses_total", graphqlCache)];
    await read();
    expect(await value("statusgraph_cache_misses_total", graphqlCache)).toBe(misses + 1);
    expect(await value("statusgraph_cache_hits_total", graphqlCache)).toBe(hits);
    await read();
    expect(await value("statusgraph_cache_hits_total", graphqlCache)).toBe(hits + 1);
    expect(await value("statusgraph_cache_misses_total", graphqlCache)).toBe(misses + 1);

    const badge = { cache: "badge" };
    const badgeHits = await value("statusgraph_cache_hits_total", badge);
    for (let i = 0; i < 2; i++) expect((await fetch(`${origin}/badge/${page.slug}.svg`)).status).toBe(200);
    expect(await value("statusgraph_cache_hits_total", badge)).toBeGreaterThanOrEqual(badgeHits + 1);
  });

  it("reserves metrics as a page slug", async () => {
    const { createStatusPage } = await t.ok<{ createStatusPage: unknown }>(
      `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename ... on StatusPage { slug } ... on ValidationError { issues { field rule } } } }`,
      { input: { title: "Metrics", kind: "PUBLIC", slug: "metrics", components: [api] } },
    );
    expect(createStatusPage).toEqual({ __typename: "ValidationError", issues: [{ field: "input.slug", rule: "reserved" }] });
    const generated = await t.ok<{ createStatusPage: { slug: string } }>(
      `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { ... on StatusPage { slug } } }`,
      {
        input: { title: "Metrics", kind: "PUBLIC", components: [api] },
      },
    );
    expect(generated.createStatusPage.slug).toBe("metrics-2");
  });

  // Last: once 200 names are taken, the names tests above use would be "other".
  it("labels at most 200 operation names; the others are counted as other", async () => {
    for (let i = 0; i < 210; i++) expect((await t.gql(`query Name${i} { __typename }`)).errors).toBeUndefined();
    const { samples } = await scrape();
    const names = new Set(samples.filter((s) => s.name === "statusgraph_graphql_operations_total").map((s) => s.labels.operation_name));
    expect(names.has("other")).toBe(true);
    expect([...names].filter((n) => n !== "other" && n !== "anonymous").length).toBe(200);
  });

  it("has no Redis series when Redis is not configured", async () => {
    expect((await scrape()).types.has("statusgraph_redis_up")).toBe(false);
  });
});

describeWith([checkRedisServerBinary()], "with Redis", () => {
  let redis: RedisServer;
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    ({ t, origin } = await startedApp({ redisUrl: redis.url, metrics: { open: true } }));
  });
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  it("reports Redis up", async () => {
    const exposition = parseExposition(await (await metricsOf(origin)).text());
    expect(exposition.types.get("statusgraph_redis_up")).toBe("gauge");
    expect(sampleValue(exposition, "statusgraph_redis_up")).toBe(1);
  });
});
