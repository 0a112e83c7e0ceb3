// Deliveries give way to mutations: while a GraphQL mutation runs, the notification worker
// starts no send and writes nothing; it goes on once the mutation is done. Queries do not
// hold it up. (bench/notifications.ts measures what this buys: a publish made while
// thousands of messages go out takes as long as one made with nothing to send.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMutationPriority } from "../../server/notifications/priority.js";
import { newWebhookSecret } from "../../server/services/webhook-endpoints.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

let t: TestApp;
let receiver: WebhookReceiver;
let pageId: string;
let componentId: string;
/** `app.mutations.running`, as each database query of the app saw it. */
const seen: number[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  receiver.secret = newWebhookSecret();
  let app: TestApp["app"] | null = null;
  t = await createTestApp({
    notifications: { timers: false },
    webhooks: { allowHttp: true, allowPrivateAddresses: true },
    onQuery: () => {
      if (app) seen.push(app.mutations.running);
    },
  });
  app = t.app;
  [componentId] = (await createComponents(t, ["API"])) as [string];
  pageId = (await createPage(t, [componentId])).id;
  const now = t.app.now();
  await t.app.database.db.webhookEndpoint.create({
    data: { pageId, url: `${receiver.url}/hook`, kind: "JSON", events: JSON.stringify(["INCIDENT"]), secret: receiver.secret, createdAt: now, updatedAt: now },
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe("mutations before deliveries", () => {
  it("counts a mutation as running while it executes, and a query not at all", async () => {
    seen.length = 0;
    await publishIncident(t, pageId, [{ componentId, impact: "DEGRADED_PERFORMANCE" }], { name: "Counted" });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((running) => running === 1)).toBe(true);
    expect(t.app.mutations.running).toBe(0);
    seen.length = 0;
    await t.ok<{ statusPages: { id: string }[] }>(`query { statusPages { id title } }`);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((running) => running === 0)).toBe(true);
    // The publish's webhook goes out: nothing holds the worker now.
    await t.app.notifications.tick();
    expect(receiver.arrivals.length).toBeGreaterThan(0);
  });

  it("sends nothing while a mutation runs, and everything once it is done", async () => {
    receiver.arrivals.length = 0;
    await publishIncident(t, pageId, [{ componentId, impact: "PARTIAL_OUTAGE" }], { name: "Held back" });
    const done = t.app.mutations.begin();
    const ticking = t.app.notifications.tick();
    // The barrier: the worker is waiting for the mutation, so anything it would send first would be here.
    await expect.poll(() => t.app.mutations.waiting).toBe(1);
    expect(receiver.arrivals).toHaveLength(0);
    const pending = await t.app.database.db.notificationDelivery.count({ where: { status: "PENDING" } });
    expect(pending).toBe(0);
    const events = await t.app.database.db.notificationEvent.count({ where: { fannedOutAt: null } });
    expect(events).toBe(1);
    done();
    expect(await ticking).toBe(1);
    expect(receiver.arrivals).toHaveLength(1);
    expect(receiver.arrivals[0]!.verifyError).toBeNull();
  });
});

describe("the priority", () => {
  it("lets waiters go when the last mutation ends, and after the longest wait at the latest", async () => {
    const priority = createMutationPriority();
    await priority.clear();
    const first = priority.begin();
    const second = priority.begin();
    let cleared = false;
    const waiting = priority.clear().then(() => {
      cleared = true;
    });
    first();
    first();
    // One is still running: the waiter waits, whatever the first's repeated end.
    expect(priority.running).toBe(1);
    await Promise.resolve();
    expect(cleared).toBe(false);
    second();
    await waiting;
    expect(cleared).toBe(true);
    expect(priority.waiting).toBe(0);
    // A mutation that never ends holds the worker no longer than the wait given.
    priority.begin();
    await priority.clear(20);
    expect(priority.waiting).toBe(0);
  });
});
