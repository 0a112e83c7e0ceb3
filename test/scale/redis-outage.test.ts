// Redis dies (SIGKILL) and comes back on the same port while two instances run:
// they keep serving mutations (nothing is lost: it is in the database), report
// the outage in their logs and in /health/ready, reconnect by themselves, and a
// subscriber resyncs to the current summary without reconnecting its WebSocket.
// Subscriptions opened during the outage work once Redis is back.
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedisServerBinary, describeWith } from "../helpers/services.js";

/** Accepts and at once closes every connection to `port` on loopback, counting them, until `close`. */
async function refuseConnections(port: number): Promise<{ count(): number; close(): Promise<void> }> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return { count: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status components { name status } incidents { id name } } }`;
type Status = { status: string; components: { name: string; status: string }[]; incidents: { id: string; name: string }[] };

describeWith([await checkPostgres(), checkRedisServerBinary()], "a Redis outage under two instances", () => {
  let redis: RedisServer;
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;
  let client: Client;
  let connections = 0;
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    shared = await sharedDatabase();
    const env = { DATABASE_URL: shared.url, REDIS_URL: redis.url };
    [a, b] = (await startInstances(["A", "B"], env, shared.adminKey)) as [Instance, Instance];
    client = wsClient(b.url);
    client.on("connected", () => void (connections += 1));
  }, 60_000);

  afterAll(async () => {
    for (const s of subscriptions) s.stop();
    await client?.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.kill();
    await shared?.close();
  }, 30_000);

  const watch = (page: PageRef) => {
    const subscription = subscribeWs(client, STATUS, { page: page.slug });
    subscriptions.push(subscription);
    return subscription;
  };
  const statusOf = async (s: Subscription, timeoutMs = 10_000) => (await s.inbox.next(timeoutMs)).data!.pageStatus as Status;
  const readiness = async () => Promise.all([a.ready(), b.ready()]);

  it("serves mutations through the outage, reports it, and resyncs subscribers once Redis is back", async () => {
    const [api, web] = (await createComponents(a, ["API", "Web"])) as [string, string];
    const main = await createPage(a, [api, web]);
    const side = await createPage(a, [web]);
    const onB = watch(main);
    expect((await statusOf(onB)).status).toBe("OPERATIONAL");
    await eventually(async () => (await subscriberCount(redis.url, `page:changed:${main.id}`)) === 1, 10_000, "B to listen in Redis");
    expect((await readiness()).map((r) => r.body)).toEqual([0, 1].map(() => ({ status: "ready", database: "up", redis: "up" })));
    await publishIncident(a, main.id, [{ componentId: api, impact: "DEGRADED_PERFORMANCE" }], { name: "Before" });
    expect((await statusOf(onB)).status).toBe("DEGRADED_PERFORMANCE");

    await redis.kill();
    await eventually(async () => (await readiness()).every((r) => r.status === 503 && r.body.redis === "down"), 10_000, "both to report Redis down");
    expect((await a.ready()).body).toEqual({ status: "unavailable", database: "up", redis: "down", detail: { redis: expect.any(String) } });

    // A mutation during the outage succeeds, and is in the database.
    const during = await publishIncident(a, main.id, [{ componentId: web, impact: "FULL_OUTAGE" }], { name: "During" });
    expect(await shared.database.db.incident.findUnique({ where: { id: during }, select: { name: true } })).toEqual({ name: "During" });
    // A subscription opened now starts from the database; its Redis SUBSCRIBE waits for Redis.
    const onSide = watch(side);
    expect((await statusOf(onSide)).incidents).toEqual([]);
    // Several reconnection attempts of every connection, each of which could drop queued
    // commands: counted at Redis's port, each one cut off at once, before Redis returns.
    const attempts = await refuseConnections(redis.port);
    await eventually(async () => attempts.count() >= 4 * 3, 15_000, "three reconnection attempts per connection");
    await attempts.close();
    expect([a.alive(), b.alive()]).toEqual([true, true]);
    expect(onB.inbox.received).toHaveLength(2);

    await redis.restart();
    // The resync: B's subscriber gets the summary with the change it missed, on the same socket.
    const resynced = await statusOf(onB, 15_000);
    expect(resynced.status).toBe("FULL_OUTAGE");
    expect(resynced.incidents.map((i) => i.name).sort()).toEqual(["Before", "During"]);
    await eventually(async () => (await readiness()).every((r) => r.status === 200 && r.body.redis === "up"), 10_000, "both to report Redis up");

    // Events flow again, also for the subscription opened during the outage.
    await publishIncident(a, side.id, [{ componentId: web, impact: "PARTIAL_OUTAGE" }], { name: "After" });
    expect((await statusOf(onSide)).incidents.map((i) => i.name)).toEqual(["After"]);

    expect(connections).toBe(1);
    expect([onB.inbox.completed, onSide.inbox.completed]).toEqual([false, false]);
    for (const instance of [a, b]) {
      expect(instance.logs.join("\n")).toMatch(/Redis at 127\.0\.0\.1:\d+ is unreachable/);
      expect(instance.logs.join("\n")).toMatch(/Redis at 127\.0\.0\.1:\d+ is reachable again/);
    }
  }, 60_000);
});
