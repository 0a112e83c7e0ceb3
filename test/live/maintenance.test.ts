// Automatic maintenance, live: the service starts and completes it at the window's
// instants (an injected clock and `scheduler.tick()` stand in for the timers), and
// after a restart catches up on a window that opened and closed while it was down.
// One published with its window already begun or over moves along with the publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import type { PageChange } from "../../server/events.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { dropDatabase } from "../helpers/database.js";
import { createComponents, createPage, scheduleMaintenance, UPDATE_MAINTENANCE, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, until, wsClient, type Subscription } from "../helpers/live.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status components { name status } maintenances { name status message startsAt endsAt components { name impact } } } }`;
const EVENTS = `subscription ($page: String!) { pageEvents(pageSlug: $page) { kind subject id name } }`;

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let api: string;
let client: Client;
let status: Subscription;
let restarted: TestApp | null = null;
let events: Subscription;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  client = wsClient(await t.app.start(0));
  status = subscribeWs(client, STATUS, { page: page.slug });
  events = subscribeWs(client, EVENTS, { page: page.slug });
  await status.inbox.next();
  await until(() => t.app.hub.stats().listeners === 2);
});
afterAll(async () => {
  await client.dispose();
  await t.close();
  // The first app owns the database; the restarted one only borrowed it.
  if (restarted) await dropDatabase(restarted.app.database.target.url);
});

/**
 * The barrier for "no status update": both subscriptions share one socket, and the hub
 * hands each change to the page's subscribers in the order they subscribed (status
 * first), so once a change's event has arrived, a status update for it would have too.
 */
const statusUpdatesSince = (seen: number) => status.inbox.received.length - seen;

const schedule = (name: string, startsAt: string, endsAt: string) =>
  scheduleMaintenance(t, page.id, { startsAt, endsAt }, [{ componentId: api, impact: "UNDER_MAINTENANCE" }], { name });

describe("automatic maintenance", () => {
  let id: string;

  it("announces a scheduled window without changing any status", async () => {
    const seen = status.inbox.received.length;
    id = await schedule("Database upgrade", "2026-03-10T13:00:00Z", "2026-03-10T14:00:00Z");
    expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "PUBLISHED", subject: "MAINTENANCE", id, name: "Database upgrade" });
    expect(statusUpdatesSince(seen)).toBe(0);
  });

  it("does nothing a moment before the window opens", async () => {
    clock.set("2026-03-10T12:59:59.999Z");
    expect(await t.app.scheduler.tick()).toBe(0);
  });

  it("starts it at the window's start and tells subscribers", async () => {
    clock.set("2026-03-10T13:00:00Z");
    expect(await t.app.scheduler.tick()).toBe(1);
    expect((await events.inbox.next()).data!.pageEvents).toMatchObject({ kind: "STARTED", id });
    expect((await status.inbox.next()).data!.pageStatus).toEqual({
      status: "UNDER_MAINTENANCE",
      components: [{ name: "API", status: "UNDER_MAINTENANCE" }],
      maintenances: [
        {
          name: "Database upgrade",
          status: "IN_PROGRESS",
          message: "Maintenance started.",
          startsAt: "2026-03-10T13:00:00.000Z",
          endsAt: "2026-03-10T14:00:00.000Z",
          components: [{ name: "API", impact: "UNDER_MAINTENANCE" }],
        },
      ],
    });
  });

  it("completes it at the window's end", async () => {
    clock.set("2026-03-10T14:00:00Z");
    expect(await t.app.scheduler.tick()).toBe(1);
    expect((await events.inbox.next()).data!.pageEvents).toMatchObject({ kind: "COMPLETED", id });
    expect((await status.inbox.next()).data!.pageStatus).toMatchObject({ status: "OPERATIONAL", maintenances: [] });
    expect(await t.app.scheduler.tick()).toBe(0);
  });
});

describe("published with its window already begun or over", () => {
  it("is started for subscribers at once, with no scheduler check", async () => {
    const id = await schedule("Late upgrade", "2026-03-10T13:59:00Z", "2026-03-10T15:00:00Z");
    expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "PUBLISHED", subject: "MAINTENANCE", id, name: "Late upgrade" });
    expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "STARTED", subject: "MAINTENANCE", id, name: "Late upgrade" });
    const summary = await status.inbox.until((m) => m.data!.pageStatus.status === "UNDER_MAINTENANCE");
    expect(summary.data!.pageStatus.maintenances).toEqual([
      {
        name: "Late upgrade",
        status: "IN_PROGRESS",
        message: "Maintenance started.",
        startsAt: "2026-03-10T13:59:00.000Z",
        endsAt: "2026-03-10T15:00:00.000Z",
        components: [{ name: "API", impact: "UNDER_MAINTENANCE" }],
      },
    ]);
    await t.ok(UPDATE_MAINTENANCE, { input: { maintenanceId: id, status: "COMPLETE", message: "Done." } });
    await events.inbox.until((m) => m.data!.pageEvents.kind === "COMPLETED");
    await status.inbox.until((m) => m.data!.pageStatus.status === "OPERATIONAL");
  });

  it("is complete at once when its window is over, and never shows as in progress", async () => {
    const seen = status.inbox.received.length;
    const id = await schedule("Past upgrade", "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z");
    expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "PUBLISHED", subject: "MAINTENANCE", id, name: "Past upgrade" });
    expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "COMPLETED", subject: "MAINTENANCE", id, name: "Past upgrade" });
    expect(statusUpdatesSince(seen)).toBe(0);
  });
});

describe("after a restart", () => {
  it("completes a window that opened and closed while the service was down, and says so", async () => {
    const missed = await schedule("Missed upgrade", "2026-03-10T16:00:00Z", "2026-03-10T17:00:00Z");
    const overrun = await schedule("Long upgrade", "2026-03-10T18:00:00Z", "2026-03-10T20:00:00Z");
    const databaseUrl = t.app.database.target.url;
    await client.dispose();
    // Stop the service only: closing the test app would drop its database.
    await t.app.stop();
    restarted = t;
    clock.set("2026-03-10T18:30:00Z");
    t = await createTestApp({ databaseUrl, now: clock.now });
    const announced: PageChange[] = [];
    void (async () => {
      for await (const change of t.app.events.subscribe("page:changed", page.id)) announced.push(change);
    })();
    // Starting catches up before it returns; the announcement reaches the collector a few turns later.
    client = wsClient(await t.app.start(0));
    await until(() => announced.length > 1, 1_000, "the announcements");
    expect(announced).toEqual([
      expect.objectContaining({ subject: "MAINTENANCE", kind: "COMPLETED", subjectId: missed, subjectName: "Missed upgrade" }),
      expect.objectContaining({ subject: "MAINTENANCE", kind: "STARTED", subjectId: overrun, subjectName: "Long upgrade" }),
    ]);
    const data = await t.ok<{ maintenance: { status: string; message: string; updates: { status: string }[] } }>(
      `query ($id: ID!) { maintenance(id: $id) { status message updates { status } } }`,
      { id: missed },
    );
    expect(data.maintenance.status).toBe("COMPLETE");
    expect(data.maintenance.updates.map((u) => u.status)).toEqual(["COMPLETE", "SCHEDULED"]);
    expect(data.maintenance.message).toMatch(/unavailable during the maintenance window \(2026-03-10T16:00:00.000Z to 2026-03-10T17:00:00.000Z\)/);
    const started = await t.ok<{ maintenance: unknown }>(`query ($id: ID!) { maintenance(id: $id) { status message } }`, { id: overrun });
    expect(started.maintenance).toEqual({
      status: "IN_PROGRESS",
      message:
        "Maintenance started. The status service was unavailable when the maintenance window opened (2026-03-10T18:00:00.000Z), so it is marked as in progress late.",
    });
    const resumed = subscribeWs(client, STATUS, { page: page.slug });
    expect((await resumed.inbox.next()).data!.pageStatus).toMatchObject({
      status: "UNDER_MAINTENANCE",
      maintenances: [{ name: "Long upgrade", status: "IN_PROGRESS" }],
    });
  });
});
