// When an endpoint does not take a delivery: retries on the schedule (the injected
// clock moves, nothing sleeps) for more than a day with the same webhook-id, then the
// endpoint is disabled with a reason, audited, and its editors and admins are emailed;
// a redirect is a failure and is not followed; a private address is never connected to
// unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES is on; a receiver that never answers times out.
import { describe, expect, it } from "vitest";
import { WEBHOOK_JITTER, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_SCHEDULE_MS } from "../../server/domain/retry-policy.js";
import type { World } from "../auth/world.js";
import { createTestApp, testClock } from "../helpers/app.js";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { CREATE_ENDPOINT, expectDisabledNotice, useWebhookWorld, type WebhookWorld } from "./webhook-world.js";

const DAY = 24 * 3_600_000;

const clock = testClock("2030-06-01T09:00:00Z");
let world: WebhookWorld;
let w: World;
let receiver: WebhookReceiver;

/** An endpoint at `url` whose signatures the receiver verifies; its id. */
async function endpoint(url: string) {
  const { id, secret } = await world.endpoint({ url });
  receiver.secret = secret;
  return id;
}

const attemptsOf = (endpointId: string) => w.t.app.database.db.webhookAttempt.findMany({ where: { endpointId }, orderBy: { attempt: "asc" } });

useWebhookWorld({ now: clock.now, mail: true, timeoutMs: 2_000 }, (started) => {
  world = started;
  ({ w, receiver } = world);
});

describe("a failing endpoint", () => {
  it("is retried on the schedule for more than a day with one webhook-id, then disabled, audited, and its editors and admins emailed", async () => {
    const id = await endpoint(`${receiver.url}/down`);
    receiver.answer = () => ({ status: 500, body: "down" });
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Never heard" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals).toHaveLength(1);
    for (const [i, wait] of WEBHOOK_RETRY_SCHEDULE_MS.entries()) {
      // Just before the earliest the jitter allows: not yet.
      clock.advance(Math.floor(wait * (1 - WEBHOOK_JITTER)) - 1_000);
      await w.t.app.notifications.tick();
      expect(receiver.arrivals).toHaveLength(i + 1);
      clock.advance(Math.ceil(wait * 2 * WEBHOOK_JITTER) + 2_000);
      await w.t.app.notifications.tick();
      expect(receiver.arrivals).toHaveLength(i + 2);
    }
    expect(receiver.arrivals).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(new Set(receiver.arrivals.map((a) => a.headers["webhook-id"])).size).toBe(1);
    expect(receiver.arrivals.every((a) => a.verifyError === null)).toBe(true);
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => a.attempt)).toEqual(Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, i) => i + 1));
    expect(attempts.at(-1)!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThanOrEqual(DAY);
    const disabled = await w.t.app.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(disabled).toMatchObject({ enabled: false, disabledAt: clock.now() });
    expect(disabled.disabledReason).toMatch(/failed on all 10 attempts; the last: HTTP 500/);
    await expectDisabledNotice(world, id);
    // Disabled: the next publication reaches it no more.
    await publishIncident(w.t, w.ids.publicPage, [], { name: "After disabling" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
  });

  it("records a redirect as a failure and does not follow it", async () => {
    const id = await endpoint(`${receiver.url}/moved`);
    receiver.answer = (_i, arrival) => (arrival.path === "/moved" ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 204 });
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Redirected" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals.map((a) => a.path)).toEqual(["/moved"]);
    expect(await attemptsOf(id)).toEqual([expect.objectContaining({ status: "FAILED", responseCode: 302, error: "redirect not followed (HTTP 302)" })]);
  });

  it("gives up on an attempt the receiver never answers, once the timeout has passed", async () => {
    const id = await endpoint(`${receiver.url}/silent`);
    receiver.answer = () => "hang";
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Unanswered" });
    await w.t.app.notifications.tick();
    expect(receiver.arrivals).toHaveLength(1);
    expect(await attemptsOf(id)).toEqual([expect.objectContaining({ status: "FAILED", responseCode: null, error: "no complete response within 2000 ms" })]);
  });

  it("reads a large answer only up to the cap", async () => {
    const id = await endpoint(`${receiver.url}/chatty`);
    receiver.answer = () => ({ status: 200, body: "x".repeat(1024 * 1024) });
    await publishIncident(w.t, w.ids.publicPage, [], { name: "Chatty" });
    await w.t.app.notifications.tick();
    expect(await attemptsOf(id)).toEqual([expect.objectContaining({ status: "SENT", responseCode: 200 })]);
  });
});

describe("private addresses", () => {
  it("are never connected to by default, whether written as an address or resolved from a name", async () => {
    const strict = await createTestApp({ now: clock.now, webhooks: { allowHttp: true } });
    try {
      const [component] = await createComponents(strict, ["API"]);
      const page = await createPage(strict, [component!]);
      const ids: string[] = [];
      for (const url of [`${receiver.url}/literal`, `${receiver.url.replace("127.0.0.1", "localhost")}/named`, "http://[::1]:9/v6"]) {
        const { createWebhookEndpoint } = await strict.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE_ENDPOINT, {
          input: { pageId: page.id, kind: "JSON", url },
        });
        ids.push(createWebhookEndpoint.endpoint.id);
      }
      await publishIncident(strict, page.id, [], { name: "Refused" });
      await strict.app.notifications.tick();
      expect(receiver.arrivals).toEqual([]);
      const attempts = await strict.app.database.db.webhookAttempt.findMany({ orderBy: { endpointId: "asc" } });
      expect(attempts).toHaveLength(3);
      for (const a of attempts) {
        expect(a).toMatchObject({ status: "FAILED", responseCode: null });
        expect(a.error).toMatch(/private or reserved address/);
      }
    } finally {
      await strict.close();
    }
  });
});

describe("publishing", () => {
  it("is not held up by a receiver that never answers", async () => {
    const live = await createTestApp({
      now: clock.now,
      webhooks: { allowHttp: true, allowPrivateAddresses: true, timeoutMs: 60_000 },
      notifications: { timers: true, pollMs: 100 },
    });
    try {
      const [component] = await createComponents(live, ["API"]);
      const page = await createPage(live, [component!]);
      await live.ok(CREATE_ENDPOINT, { input: { pageId: page.id, kind: "JSON", url: `${receiver.url}/stuck` } });
      receiver.answer = () => "hang";
      await publishIncident(live, page.id, [], { name: "First" });
      await expect.poll(() => receiver.arrivals.length, { timeout: 30_000 }).toBe(1);
      // The worker waits on the receiver; publishing goes on meanwhile.
      await publishIncident(live, page.id, [], { name: "Second" });
      expect(await live.app.database.db.webhookAttempt.count()).toBe(0);
      expect(await live.app.database.db.notificationEvent.count()).toBe(2);
      receiver.answer = () => ({ status: 204 });
      receiver.release(204);
      await expect.poll(() => live.app.database.db.webhookAttempt.count({ where: { status: "SENT" } }), { timeout: 30_000 }).toBe(2);
    } finally {
      receiver.release(204);
      await live.close();
    }
  }, 90_000);
});
