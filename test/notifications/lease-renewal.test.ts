// A lease is renewed right before each send, and a send whose renewal fails does not go
// out: with two instances claiming batches under a lease of 1.5 s and a receiver that
// takes most of that to answer, a batch outlives its claim, and another instance claims
// what the first has not sent yet. Each delivery is still POSTed exactly once.
// TEST_POSTGRES_URL runs it on PostgreSQL (with Redis carrying events between instances).
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { startNotifyInstance } from "../helpers/notify-instances.js";
import type { RedisServer } from "../helpers/redis-server.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { endpointsOn, useInstancesReceiver } from "./webhook-world.js";

const ENDPOINTS = 12;
const LEASE_MS = 1_500;
/** Slow, but within the lease: one send fits in it, a batch of them does not. */
const ANSWER_MS = 600;

let redis: RedisServer | null = null;
let receiver: WebhookReceiver;
useInstancesReceiver((started, startedRedis) => {
  receiver = started;
  redis = startedRedis;
});

/** SIGTERM: the instance stops claiming, finishes the sends in flight and exits. */
function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("a lease shorter than a batch", () => {
  it("is renewed before each POST: two instances send each delivery exactly once", async () => {
    const url = freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    try {
      const [component] = await createComponents(t, ["API"]);
      const page = await createPage(t, [component!]);
      receiver.answer = () => ({ status: 204, delayMs: ANSWER_MS });
      await endpointsOn(t, receiver, page.id, ENDPOINTS, "slow");
      // Published first, so both instances claim from their first moment.
      await publishIncident(t, page.id, [{ componentId: component!, impact: "FULL_OUTAGE" }], { name: "Slow receiver" });
      const env = { DATABASE_URL: url, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true", NOTIFY_LEASE_MS: String(LEASE_MS), ...(redis ? { REDIS_URL: redis.url } : {}) };
      const instances = await Promise.all([startNotifyInstance(env), startNotifyInstance(env)]);
      const db = t.app.database.db;
      await expect.poll(() => db.notificationDelivery.count({ where: { recipientKind: "WEBHOOK", status: "SENT" } }), { timeout: 90_000 }).toBe(ENDPOINTS);
      // The barrier: both instances stop once their sends in flight have ended; any second POST came before.
      await Promise.all(instances.map(stopGracefully));
      const deliveries = await db.notificationDelivery.findMany({ where: { recipientKind: "WEBHOOK" } });
      const posts = new Map<string, number>();
      for (const a of receiver.arrivals) posts.set(String(a.headers["webhook-id"]), (posts.get(String(a.headers["webhook-id"])) ?? 0) + 1);
      expect([...posts.keys()].sort()).toEqual(deliveries.map((d) => d.idempotencyId).sort());
      for (const [id, n] of posts) expect(n, `POSTs of ${id}`).toBe(1);
      expect(receiver.arrivals.every((a) => a.verifyError === null)).toBe(true);
      // The delivery log has one attempt per delivery, each answered.
      const attempts = await db.webhookAttempt.findMany();
      expect(attempts).toHaveLength(ENDPOINTS);
      expect(attempts.every((a) => a.status === "SENT" && a.responseCode === 204)).toBe(true);
    } finally {
      await t.close();
    }
  }, 400_000);
});
