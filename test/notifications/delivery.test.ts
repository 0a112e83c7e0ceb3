// Never lost, never doubled: the outbox row is written in the change's transaction
// (a rolled-back change queues nothing); deliveries reach every subscriber exactly
// once with two instances on one database, and after an instance is SIGKILLed in the
// middle of sending and another takes over once its lease has expired.
// TEST_POSTGRES_URL runs it on PostgreSQL (with Redis carrying events between instances).
import type { ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fanOut } from "../../server/notifications/deliveries.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { killNotifyInstances, startNotifyInstance } from "../helpers/notify-instances.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

interface Accepted {
  to: string;
  idempotencyId: string;
}

/** A real SMTP server that records what it acknowledged; `onMessage` may hold a message unanswered. */
async function startSink(onMessage: (index: number) => boolean) {
  const accepted: Accepted[] = [];
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // false: never answered, as when the sender dies before the reply; it does not count as delivered.
        if (!onMessage(received++)) return;
        const raw = Buffer.concat(chunks).toString("utf8");
        const id = /X-Statusgraph-Idempotency-Id: ([0-9a-f]+)/i.exec(raw)?.[1] ?? "";
        accepted.push({ to: session.envelope.rcptTo[0]!.address, idempotencyId: id });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { accepted, url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, close: () => new Promise<void>((r) => server.close(r)) };
}

let redis: RedisServer | null = null;
const startInstance = startNotifyInstance;

afterEach(killNotifyInstances);

beforeAll(async () => {
  if (process.env.TEST_POSTGRES_URL) redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.kill();
});

/** A page with `count` confirmed subscribers, written straight into the table. */
async function pageWithSubscribers(t: TestApp, count: number): Promise<{ page: PageRef; component: string }> {
  const [component] = await createComponents(t, ["API"]);
  const page = await createPage(t, [component!]);
  const now = t.app.now();
  await t.app.database.db.emailSubscriber.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      pageId: page.id,
      scope: "",
      email: `s${i}@example.com`,
      linkSecret: `sg_sub_${String(i).padStart(43, "x")}`,
      createdAt: now,
      confirmedAt: now,
    })),
  });
  return { page, component: component! };
}

/** Every subscriber got exactly one acknowledged message, with the idempotency id of its delivery row. */
async function expectExactlyOnce(t: TestApp, accepted: Accepted[], count: number) {
  const deliveries = await t.app.database.db.notificationDelivery.findMany({ include: { event: true } });
  expect(deliveries).toHaveLength(count);
  expect(deliveries.every((d) => d.status === "SENT")).toBe(true);
  const subscribers = await t.app.database.db.emailSubscriber.findMany();
  const idOf = new Map(deliveries.map((d) => [subscribers.find((s) => s.id === d.recipientId)!.email, d.idempotencyId]));
  expect(accepted).toHaveLength(count);
  expect(new Set(accepted.map((a) => a.to)).size).toBe(count);
  for (const a of accepted) expect(a.idempotencyId).toBe(idOf.get(a.to));
}

describe("notification delivery", () => {
  it("queues nothing for a change that rolls back, and one event for one that commits", async () => {
    const t = await createTestApp({
      recorders: [
        async (_tx, change) => {
          if (change.summary.includes("Refused")) throw new Error("refused by a later recorder");
        },
      ],
    });
    try {
      const { page, component } = await pageWithSubscribers(t, 2);
      await expect(publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Refused" })).rejects.toThrow();
      expect(await t.app.database.db.notificationEvent.count()).toBe(0);
      expect(await t.app.database.db.incident.count({ where: { name: "Refused" } })).toBe(0);
      await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Kept" });
      expect(await t.app.database.db.notificationEvent.count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it("fans a large audience out in chunks, each written once, with two workers racing", async () => {
    const t = await createTestApp();
    try {
      const { page, component } = await pageWithSubscribers(t, 1_200);
      await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Large audience" });
      const db = t.app.database.db;
      const written = await Promise.all([fanOut(db, t.app.now()), fanOut(db, t.app.now())]);
      expect(written[0]! + written[1]!).toBe(1_200);
      expect(await db.notificationDelivery.count()).toBe(1_200);
      const event = await db.notificationEvent.findFirstOrThrow();
      expect(event.fannedOutAt).not.toBeNull();
    } finally {
      await t.close();
    }
  }, 120_000);

  it("delivers each notification exactly once with two instances on one database", async () => {
    const url = freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    const sink = await startSink(() => true);
    try {
      const { page, component } = await pageWithSubscribers(t, 30);
      const env = { DATABASE_URL: url, SMTP_URL: sink.url, ...(redis ? { REDIS_URL: redis.url } : {}) };
      await Promise.all([startInstance(env), startInstance(env)]);
      await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Two instances" });
      await expect.poll(() => sink.accepted.length, { timeout: 90_000 }).toBe(30);
      await expect.poll(() => t.app.database.db.notificationDelivery.count({ where: { status: "SENT" } }), { timeout: 30_000 }).toBe(30);
      await expectExactlyOnce(t, sink.accepted, 30);
    } finally {
      await t.close();
      await sink.close();
    }
  }, 300_000);

  it("after an instance is killed mid-delivery, a restarted one finishes: every subscriber once, same idempotency ids", async () => {
    const url = freshDatabaseUrl();
    const t = await createTestApp({ databaseUrl: url });
    let killed: ChildProcess | null = null;
    const held: number[] = [];
    // The sixth message is never answered: the instance is killed while it waits for the reply.
    const sink = await startSink((index) => {
      if (index !== 5 || !killed) return true;
      killed.kill("SIGKILL");
      held.push(index);
      return false;
    });
    try {
      const { page, component } = await pageWithSubscribers(t, 12);
      const env = { DATABASE_URL: url, SMTP_URL: sink.url, NOTIFY_LEASE_MS: "1500", ...(redis ? { REDIS_URL: redis.url } : {}) };
      killed = await startInstance(env);
      await publishIncident(t, page.id, [{ componentId: component, impact: "FULL_OUTAGE" }], { name: "Killed mid-delivery" });
      await expect.poll(() => killed!.exitCode !== null || killed!.signalCode !== null, { timeout: 90_000 }).toBe(true);
      expect(held).toEqual([5]);
      expect(sink.accepted).toHaveLength(5);
      const leased = await t.app.database.db.notificationDelivery.findMany({ where: { status: "PENDING", claimedBy: { not: null } } });
      expect(leased.length).toBeGreaterThan(0);
      await startInstance(env);
      await expect.poll(() => sink.accepted.length, { timeout: 90_000 }).toBe(12);
      await expect.poll(() => t.app.database.db.notificationDelivery.count({ where: { status: "SENT" } }), { timeout: 30_000 }).toBe(12);
      await expectExactlyOnce(t, sink.accepted, 12);
    } finally {
      await t.close();
      await sink.close();
    }
  }, 400_000);
});
