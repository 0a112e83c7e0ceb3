// Redis stops answering without closing its connections (SIGSTOP: a hung server,
// or a network fault that sends no reset). The instances notice within two PING
// intervals (1 s each by default), report Redis as slow in /health/ready, keep
// serving mutations without waiting on it (rate limits then count per instance),
// and once Redis answers again a subscriber resyncs on its open socket.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createComponents, createPage, PUBLISH_INCIDENT } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedisServerBinary, describeWith } from "../helpers/services.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { name } } }`;
const CREATE_TYPE = `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { __typename } }`;
type Status = { status: string; incidents: { name: string }[] };
const KEY_LIMIT = 15;
/**
 * Rate limits count in whole minutes of the clock. Waits, when needed, until a minute
 * has just begun, so that the run counted against the key's allowance cannot straddle
 * two windows (the second would admit a fresh allowance).
 */
async function startOfAWindow(run: number): Promise<void> {
  const into = Date.now() % 60_000;
  if (into + run > 60_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 100));
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

describeWith([await checkPostgres(), checkRedisServerBinary()], "a Redis that stops answering", () => {
  let redis: RedisServer;
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;
  let client: Client;
  let subscription: Subscription | undefined;

  beforeAll(async () => {
    redis = await startRedisServer();
    shared = await sharedDatabase();
    const env = { DATABASE_URL: shared.url, REDIS_URL: redis.url, KEY_MUTATIONS_PER_MINUTE: String(KEY_LIMIT) };
    [a, b] = (await startInstances(["A", "B"], env, shared.adminKey)) as [Instance, Instance];
    client = wsClient(b.url);
  }, 60_000);

  afterAll(async () => {
    redis?.thaw();
    subscription?.stop();
    await client?.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.kill();
    await shared?.close();
  }, 30_000);

  const statusOf = async (s: Subscription, timeoutMs = 10_000) => (await s.inbox.next(timeoutMs)).data!.pageStatus as Status;
  const readiness = async () => Promise.all([a.ready(), b.ready()]);

  /** One mutation with the admin key over HTTP: how long it took, and the error code if refused. */
  async function timedMutation(instance: Instance, query: string, variables: Record<string, unknown>) {
    const started = performance.now();
    const res = await fetch(instance.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${shared.adminKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, { __typename: string }>; errors?: { extensions?: { code?: string } }[] };
    return { ms: performance.now() - started, refused: body.errors?.[0]?.extensions?.code ?? null, data: body.data };
  }

  it("is noticed within 3 s, does not slow mutations, limits them per instance meanwhile, and subscribers resync once it answers", async () => {
    const [api] = (await createComponents(a, ["API"])) as [string];
    const page = await createPage(a, [api]);
    subscription = subscribeWs(client, STATUS, { page: page.slug });
    expect((await statusOf(subscription)).status).toBe("OPERATIONAL");
    await eventually(async () => (await subscriberCount(redis.url, `page:changed:${page.id}`)) === 1, 10_000, "B to listen in Redis");
    expect((await readiness()).map((r) => r.status)).toEqual([200, 200]);
    // The timed mutation once on each instance with Redis up (a first run's warm-up), then
    // a few times on A for how long it takes on this machine now.
    for (const instance of [a, b]) expect((await timedMutation(instance, CREATE_TYPE, { input: { name: `Warm-up ${instance.name}` } })).refused).toBeNull();
    const usual: number[] = [];
    for (let i = 0; i < 5; i++) usual.push((await timedMutation(a, CREATE_TYPE, { input: { name: `Usual ${i}` } })).ms);

    // The frozen run below (noticed within 3 s, then the key's allowance) takes far less than 30 s.
    await startOfAWindow(30_000);
    redis.freeze();
    const frozenAt = Date.now();
    const noticed = eventually(
      async () => (await readiness()).every((r) => r.status === 503 && r.body.redis === "slow"),
      10_000,
      "both to report Redis slow",
    ).then(() => Date.now() - frozenAt);

    // From the first moment of the freeze on, mutations do not wait for Redis: the
    // first waits for its count a moment at most, the next ones not at all, and A counts
    // the key's allowance on its own.
    const light: number[] = [];
    const first = await timedMutation(a, CREATE_TYPE, { input: { name: "Frozen first" } });
    light.push(first.ms);
    expect(first.refused).toBeNull();
    const incident = {
      pageId: page.id,
      name: "While frozen",
      status: "INVESTIGATING",
      message: "We are looking into it.",
      impacts: [{ componentId: api, impact: "FULL_OUTAGE" }],
    };
    const published = await timedMutation(a, PUBLISH_INCIDENT, { input: incident });
    expect(published.data?.publishIncident?.__typename).toBe("IncidentPublication");
    // A mutation that announces waits for Redis to take the announcement, but no longer than one PING
    // interval (1 s): without that bound it would wait for the thaw below, which never comes first.
    // The margin is a second more, as a loaded machine also stretches the mutation's own work.
    expect(published.ms, `publishing took ${Math.round(published.ms)} ms`).toBeLessThan(2_000 + 3 * median(usual));
    expect(await noticed).toBeLessThan(3_000);
    let admitted = 2;
    for (let i = 0; i < KEY_LIMIT; i++) {
      const created = await timedMutation(a, CREATE_TYPE, { input: { name: `Frozen ${i}` } });
      light.push(created.ms);
      if (created.refused) {
        expect(created.refused).toBe("RATE_LIMITED");
        break;
      }
      admitted += 1;
    }
    expect(admitted).toBe(KEY_LIMIT);
    // B counts on its own: the same key still has its allowance there.
    const onB = await timedMutation(b, CREATE_TYPE, { input: { name: "Frozen on B" } });
    light.push(onB.ms);
    expect(onB.refused).toBeNull();
    // Each is well under the 500 ms a wait on Redis used to add (300 ms on a quiet machine;
    // a busy one stretches every request alike), and typically as fast as with Redis up.
    const took = `mutations took ${light.map(Math.round).join(", ")} ms; with Redis up ${usual.map(Math.round).join(", ")} ms`;
    expect(Math.max(...light), took).toBeLessThan(Math.max(300, 3 * median(usual)));
    expect(median(light), took).toBeLessThan(median(usual) + 50);

    // Logged once per instance, however long it lasts.
    for (const instance of [a, b]) {
      const lines = instance.logs.filter((line) => line.includes("is not answering"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Redis at 127\.0\.0\.1:\d+ is not answering \((publisher|subscriber): no answer to PING within 1000 ms\)/);
    }
    const stalled = await a.ready();
    expect(stalled.status).toBe(503);
    expect(stalled.body).toMatchObject({
      status: "unavailable",
      database: "up",
      redis: "slow",
      detail: { redis: expect.stringMatching(/no answer to PING within 1000 ms$/) },
    });

    redis.thaw();
    const resynced = await statusOf(subscription, 15_000);
    expect(resynced).toEqual({ status: "FULL_OUTAGE", incidents: [{ name: "While frozen" }] });
    await eventually(async () => (await readiness()).every((r) => r.status === 200 && r.body.redis === "up"), 10_000, "both to report Redis up");
    expect([a.alive(), b.alive()]).toEqual([true, true]);
  }, 60_000);
});
