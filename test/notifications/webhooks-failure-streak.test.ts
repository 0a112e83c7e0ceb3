// An endpoint that fails every attempt, delivery after delivery, for a day is disabled
// then, while each delivery still has retries left: audited, and its editors and admins
// emailed, as when a delivery runs out of attempts. One success starts the count again.
// The injected clock moves; nothing sleeps.
import { describe, expect, it } from "vitest";
import { retryDelayMs, streakDisables, WEBHOOK_FAILURE_STREAK, WEBHOOK_MAX_ATTEMPTS } from "../../server/domain/retry-policy.js";
import type { World } from "../auth/world.js";
import { testClock } from "../helpers/app.js";
import { publishIncident } from "../helpers/fixtures.js";
import type { WebhookReceiver } from "./webhook-receiver.js";
import { expectDisabledNotice, useWebhookWorld, type WebhookWorld } from "./webhook-world.js";

const HOUR = 3_600_000;
/** An incident is published this often, and the worker runs after each. */
const STEP = 2 * HOUR;

const clock = testClock("2030-07-01T09:00:00Z");
let world: WebhookWorld;
let w: World;
let receiver: WebhookReceiver;
let published = 0;

/** An endpoint at the receiver's `path` whose signatures the receiver verifies; its id. */
async function endpoint(path: string) {
  const { id, secret } = await world.endpoint({ path });
  receiver.secret = secret;
  return id;
}

/** Moves the clock a step on, publishes an incident and runs the worker: the new delivery and every retry due are attempted. */
async function step() {
  clock.advance(STEP);
  await publishIncident(w.t, w.ids.publicPage, [], { name: `Incident ${++published}` });
  await w.t.app.notifications.tick();
}

const endpointOf = (id: string) => w.t.app.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
const failedAttempts = (endpointId: string) => w.t.app.database.db.webhookAttempt.count({ where: { endpointId, status: "FAILED" } });

useWebhookWorld({ now: clock.now, mail: true, timeoutMs: 2_000, startTimeoutMs: 180_000 }, (started) => {
  world = started;
  ({ w, receiver } = world);
});

describe("a streak of failed deliveries", () => {
  it("disables the endpoint once it spans a day, before any delivery runs out of attempts", { timeout: 240_000 }, async () => {
    const id = await endpoint("/down");
    receiver.answer = () => ({ status: 503 });
    await step();
    const first = clock.now().getTime();
    while (clock.now().getTime() + STEP - first < WEBHOOK_FAILURE_STREAK.spanMs) {
      await step();
      // Not yet a day since the first failure, however many have failed.
      expect((await endpointOf(id)).enabled, `${(clock.now().getTime() - first) / HOUR} h after the first failure`).toBe(true);
    }
    expect(await failedAttempts(id)).toBeGreaterThanOrEqual(WEBHOOK_FAILURE_STREAK.failures);
    await step();
    expect(clock.now().getTime() - first).toBe(WEBHOOK_FAILURE_STREAK.spanMs);
    const disabled = await endpointOf(id);
    expect(disabled).toMatchObject({ enabled: false, disabledAt: clock.now() });
    expect(disabled.disabledReason).toMatch(/^\d+ attempts in a row failed since 2030-07-01T11:00:00Z; the last: HTTP 503$/);
    // The streak, not a delivery out of attempts, disabled it.
    const deliveries = await w.t.app.database.db.notificationDelivery.findMany({ where: { recipientId: id } });
    expect(deliveries.every((d) => d.status === "PENDING" && d.attempts < WEBHOOK_MAX_ATTEMPTS)).toBe(true);
    await expectDisabledNotice(world, id);
    // Disabled: nothing more is POSTed to it.
    const posted = receiver.arrivals.length;
    await step();
    expect(receiver.arrivals).toHaveLength(posted);
  });

  it("starts again from a success: failures either side of it, more than a day apart, keep the endpoint", { timeout: 240_000 }, async () => {
    const id = await endpoint("/flaky");
    let up = false;
    receiver.answer = () => ({ status: up ? 204 : 500 });
    for (let i = 0; i < 9; i++) await step();
    expect(await failedAttempts(id)).toBeGreaterThanOrEqual(WEBHOOK_FAILURE_STREAK.failures);
    up = true;
    await step();
    expect(await w.t.app.database.db.webhookAttempt.count({ where: { endpointId: id, status: "SENT" } })).toBeGreaterThan(0);
    up = false;
    for (let i = 0; i < 8; i++) await step();
    const attempts = await w.t.app.database.db.webhookAttempt.findMany({ where: { endpointId: id }, orderBy: { at: "asc" } });
    // Failures from first to last span more than a day, with more than enough of them after the success.
    expect(attempts.at(-1)!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThan(WEBHOOK_FAILURE_STREAK.spanMs);
    const lastSent = attempts.findLast((a) => a.status === "SENT")!;
    expect(attempts.filter((a) => a.status === "FAILED" && a.at > lastSent.at).length).toBeGreaterThanOrEqual(WEBHOOK_FAILURE_STREAK.failures);
    expect(await endpointOf(id)).toMatchObject({ enabled: true, disabledReason: null });
  });
});

describe("the streak rule", () => {
  const now = new Date("2030-07-02T09:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("needs both the count and the day", () => {
    expect(streakDisables(10, ago(24 * HOUR), now)).toBe(true);
    expect(streakDisables(9, ago(48 * HOUR), now)).toBe(false);
    expect(streakDisables(500, ago(24 * HOUR - 1), now)).toBe(false);
    expect(streakDisables(10, null, now)).toBe(false);
  });

  it("leaves one delivery's retries to the exhausted-attempts rule, however late the jitter", () => {
    let span = 0;
    for (let attempts = 1; attempts < WEBHOOK_MAX_ATTEMPTS; attempts++) {
      expect(streakDisables(attempts, ago(span), now), `after attempt ${attempts}`).toBe(false);
      span += retryDelayMs("WEBHOOK", attempts, 0.999_999)!;
    }
  });
});
