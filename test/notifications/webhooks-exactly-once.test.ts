// Webhooks on the same outbox as email, exactly once: with two instances on one database
// every event reaches every endpoint once (raw arrivals per webhook-id, nothing
// de-duplicated by the receiver); after an instance is SIGKILLed while a request waits
// for its answer, a restarted one finishes the rest once the lease has expired.
// TEST_POSTGRES_URL runs it on PostgreSQL (with Redis carrying events between instances).
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { startNotifyInstance } from "../helpers/notify-instances.js";
import type { RedisServer } from "../helpers/redis-server.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { endpointsOn, useInstancesReceiver } from "./webhook-world.js";

let redis: RedisServer | null = null;
let receiver: WebhookReceiver;
useInstancesReceiver((started, startedRedis) => {
  receiver = started;
  redis = startedRedis;
});

let run = 0;
/** This test's arrivals: a request another test left in flight is not counted. */
const mine = () => receiver.arrivals.filter((a) => a.path.startsWith(`/run${run}/`));

/** A page with `count` webhook endpoints on the receiver, sharing one secret, written straight into the table. */
async function pageWithEndpoints(t: TestApp, count: number): Promise<{ page: PageRef; component: string }> {
  run += 1;
  const [component] = await createComponents(t, ["API"]);
  const page = await createPage(t, [component!]);
  await endpointsOn(t, receiver, page.id, count, `run${run}`);
  return { page, component: component! };
}

/** A lease must outlast one send (server/notifications/worker.ts); a kill test shortens it so the takeover comes soon. */
const env = (url: string, leaseMs = 60_000) => ({
  DATABASE_URL: url,
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true",
  NOTIFY_LEASE_MS: String(leaseMs),
  ...(redis ? { REDIS_URL: redis.url } : {}),
});

/** Each delivery row is SENT, and its webhook-id was answered 2xx exactly once, with a verified signature. */
async function expectEachOnce(t: TestApp, count: number, held: string[] = []) {
  const deliveries = await t.app.database.db.notificationDelivery.findMany({ where: { recipientKind: "WEBHOOK" } });
  expect(deliveries).toHaveLength(count);
  expect(deliveries.every((d) => d.status === "SENT")).toBe(true);
  const counts = new Map<string, number>();
  for (const a of mine()) counts.set(String(a.headers["webhook-id"]), (counts.get(String(a.headers["webhook-id"])) ?? 0) + 1);
  expect(new Set(counts.keys())).toEqual(new Set(deliveries.map((d) => d.idempotencyId)));
  // Raw arrivals: once each; a request left unanswered by the kill is sent once more.
  for (const [id, n] of counts) expect(n, id).toBe(held.includes(id) ? 2 : 1);
  expect(mine().every((a) => a.verifyError === null)).toBe(true);
}

describe("webhook delivery, exactly once", () => {
  it("with two instances on one database", async () => {
    const url = freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    try {
      const { page, component } = await pageWithEndpoints(t, 10);
      // Published first, so the instances race over fan-out and claims from their first moment.
      for (const name of ["First", "Second", "Third"]) await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name });
      await Promise.all([startNotifyInstance(env(url)), startNotifyInstance(env(url))]);
      await expect.poll(() => mine().length, { timeout: 90_000 }).toBe(30);
      await expect
        .poll(() => t.app.database.db.notificationDelivery.count({ where: { recipientKind: "WEBHOOK", status: "SENT" } }), { timeout: 30_000 })
        .toBe(30);
      await expectEachOnce(t, 30);
    } finally {
      await t.close();
    }
  }, 240_000);

  it("after an instance is killed mid-delivery, a restarted one finishes with the same webhook-ids", async () => {
    const url = freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    let killed: ChildProcess | null = null;
    const held: string[] = [];
    // The sixth request is never answered: the instance is killed while it waits.
    receiver.answer = (_index, arrival) => {
      if (!arrival.path.startsWith(`/run${run}/`) || mine().length !== 5 || !killed) return { status: 204 };
      killed.kill("SIGKILL");
      held.push(String(arrival.headers["webhook-id"]));
      return "hang";
    };
    try {
      const { page, component } = await pageWithEndpoints(t, 12);
      killed = await startNotifyInstance(env(url, 5_000));
      await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Killed mid-delivery" });
      await expect.poll(() => killed!.exitCode !== null || killed!.signalCode !== null, { timeout: 90_000 }).toBe(true);
      expect(held).toHaveLength(1);
      expect(mine()).toHaveLength(6);
      await startNotifyInstance(env(url, 5_000));
      await expect.poll(() => mine().length, { timeout: 90_000 }).toBe(13);
      await expect
        .poll(() => t.app.database.db.notificationDelivery.count({ where: { recipientKind: "WEBHOOK", status: "SENT" } }), { timeout: 30_000 })
        .toBe(12);
      await expectEachOnce(t, 12, held);
    } finally {
      await t.close();
    }
  }, 240_000);
});
