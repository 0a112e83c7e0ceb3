// Redis stops answering without closing its connections (SIGSTOP: a hung server,
// or a network fault that sends no reset). The instances notice by their PINGs
// going unanswered, report it in /health/ready, keep serving mutations, and once
// Redis answers again a subscriber resyncs on its open socket.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedisServerBinary, describeWith } from "../helpers/services.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { name } } }`;
type Status = { status: string; incidents: { name: string }[] };

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
    const env = { DATABASE_URL: shared.url, REDIS_URL: redis.url, REDIS_PING_INTERVAL_MS: "500" };
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

  it("is noticed by unanswered PINGs, and subscribers resync once it answers again", async () => {
    const [api] = (await createComponents(a, ["API"])) as [string];
    const page = await createPage(a, [api]);
    subscription = subscribeWs(client, STATUS, { page: page.slug });
    expect((await statusOf(subscription)).status).toBe("OPERATIONAL");
    await eventually(async () => (await subscriberCount(redis.url, `page:changed:${page.id}`)) === 1, 10_000, "B to listen in Redis");

    redis.freeze();
    await eventually(async () => (await readiness()).every((r) => r.status === 503 && r.body.redis === "down"), 10_000, "both to report Redis down");
    for (const instance of [a, b]) expect(instance.logs.join("\n")).toMatch(/no answer to PING within 500 ms/);

    // Mutations do not wait for Redis.
    await publishIncident(a, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }], { name: "While frozen" });

    redis.thaw();
    const resynced = await statusOf(subscription, 15_000);
    expect(resynced).toEqual({ status: "FULL_OUTAGE", incidents: [{ name: "While frozen" }] });
    await eventually(async () => (await readiness()).every((r) => r.status === 200 && r.body.redis === "up"), 10_000, "both to report Redis up");
    expect([a.alive(), b.alive()]).toEqual([true, true]);
  }, 60_000);
});
