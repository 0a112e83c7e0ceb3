// The runbook's maintenance steps through the API: review, schedule, update, complete, delete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, recordPageChanges, testClock, type PageChangeLog, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance, SCHEDULE_MAINTENANCE, UPDATE_MAINTENANCE, type PageRef } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let web: string, api: string;
let events: PageChangeLog;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [web, api] = (await createComponents(t, ["Web app", "API"])) as [string, string];
  page = await createPage(t, [web, api]);
  events = recordPageChanges(t, page.id);
});
afterAll(() => t.close());

const LISTS = /* GraphQL */ `
  query ($slug: String!) {
    statusPage(slug: $slug) {
      upcoming: maintenances { name }
      inProgress: maintenances(state: IN_PROGRESS) { name }
      past: maintenances(state: PAST) { name }
      components { name status }
    }
  }
`;
/** The fields of a maintenance publication these tests read. */
interface Publication {
  maintenance: { id: string };
  componentChanges: unknown;
}
type Named = { name: string }[];
const lists = async () =>
  (await t.ok<{ statusPage: { upcoming: Named; inProgress: Named; past: Named; components: unknown } }>(LISTS, { slug: page.slug })).statusPage;

async function takeEvents(): Promise<string[]> {
  return (await events.take()).map((e) => e.kind);
}

const WINDOW = { startsAt: "2026-03-11T02:00:00.000Z", endsAt: "2026-03-11T04:00:00.000Z" };
const scheduleInput = (over: Record<string, unknown> = {}) => ({
  pageId: page.id,
  name: "Database upgrade",
  message: "We are upgrading the primary database.",
  ...WINDOW,
  components: [
    { componentId: api, impact: "UNDER_MAINTENANCE" },
    { componentId: web, impact: "NO_IMPACT" },
  ],
  ...over,
});

describe("maintenance lifecycle (runbook)", () => {
  let id: string;
  const update = async (input: Record<string, unknown>) =>
    (await t.ok<{ publishMaintenanceUpdate: Publication }>(UPDATE_MAINTENANCE, { input: { maintenanceId: id, ...input } })).publishMaintenanceUpdate;

  it("reviews before publishing: the draft, and nothing written or announced", async () => {
    const { scheduleMaintenance: review } = await t.ok<{ scheduleMaintenance: unknown }>(SCHEDULE_MAINTENANCE, { input: scheduleInput({ preview: true }) });
    expect(review).toEqual({
      __typename: "MaintenancePublication",
      preview: true,
      maintenance: null,
      draft: {
        name: "Database upgrade",
        status: "SCHEDULED",
        message: "We are upgrading the primary database.",
        ...WINDOW,
        autoUpdate: true,
        components: [
          { componentId: web, name: "Web app", impact: "NO_IMPACT" },
          { componentId: api, name: "API", impact: "UNDER_MAINTENANCE" },
        ],
      },
      // Scheduled, not started: no status changes yet.
      componentChanges: [],
    });
    expect(await lists()).toMatchObject({ upcoming: [], inProgress: [], past: [] });
    expect(await t.app.database.db.maintenance.count()).toBe(0);
    expect(await takeEvents()).toEqual([]);
  });

  it("schedules it: SCHEDULED, listed as upcoming", async () => {
    const { scheduleMaintenance: done } = await t.ok<{ scheduleMaintenance: Publication }>(SCHEDULE_MAINTENANCE, { input: scheduleInput() });
    expect(done.maintenance).toMatchObject({ status: "SCHEDULED", ...WINDOW, autoUpdate: true, message: "We are upgrading the primary database." });
    id = done.maintenance.id;
    expect(await lists()).toMatchObject({ upcoming: [{ name: "Database upgrade" }], inProgress: [], past: [] });
    expect(await takeEvents()).toEqual(["PUBLISHED"]);
  });

  it("updates the message and window", async () => {
    clock.advance(60 * 60_000);
    const done = await update({ status: "SCHEDULED", message: "Moved one hour later.", startsAt: "2026-03-11T03:00:00Z", endsAt: "2026-03-11T05:00:00Z" });
    expect(done.maintenance).toMatchObject({
      status: "SCHEDULED",
      startsAt: "2026-03-11T03:00:00.000Z",
      endsAt: "2026-03-11T05:00:00.000Z",
      message: "Moved one hour later.",
      updates: [
        { status: "SCHEDULED", message: "Moved one hour later." },
        { status: "SCHEDULED", message: "We are upgrading the primary database." },
      ],
    });
    expect(await takeEvents()).toEqual(["UPDATED"]);
  });

  it("starts it: review shows the components going under maintenance, publish does it", async () => {
    clock.set("2026-03-11T03:00:00Z");
    const review = await update({ status: "IN_PROGRESS", message: "Started.", preview: true });
    expect(review).toMatchObject({ preview: true, maintenance: null, componentChanges: [{ name: "API", previous: "OPERATIONAL", next: "UNDER_MAINTENANCE" }] });
    expect((await lists()).inProgress).toEqual([]);
    const done = await update({ status: "IN_PROGRESS", message: "Started." });
    expect(done.componentChanges).toEqual(review.componentChanges);
    const now = await lists();
    expect(now).toMatchObject({ upcoming: [], inProgress: [{ name: "Database upgrade" }], past: [] });
    expect(now.components).toEqual([
      { name: "Web app", status: "OPERATIONAL" },
      { name: "API", status: "UNDER_MAINTENANCE" },
    ]);
    expect(await takeEvents()).toEqual(["STARTED"]);
  });

  it("refuses to move back to SCHEDULED", async () => {
    expect(await update({ status: "SCHEDULED", message: "Oops." })).toEqual({ __typename: "InvalidStateError", state: "IN_PROGRESS" });
  });

  it("completes it: components operational again, listed as past", async () => {
    clock.set("2026-03-11T04:30:00Z");
    const done = await update({ status: "COMPLETE", message: "Done early." });
    expect(done.componentChanges).toEqual([{ name: "API", previous: "UNDER_MAINTENANCE", next: "OPERATIONAL" }]);
    expect(await lists()).toMatchObject({ upcoming: [], inProgress: [], past: [{ name: "Database upgrade" }] });
    expect(await takeEvents()).toEqual(["COMPLETED"]);
  });

  it("refuses updates to a completed maintenance, writing nothing", async () => {
    const count = () => t.app.database.db.maintenanceUpdate.count({ where: { maintenanceId: id } });
    const before = await count();
    for (const preview of [true, false]) {
      expect(await update({ status: "COMPLETE", message: "Again.", preview })).toEqual({ __typename: "InvalidStateError", state: "COMPLETE" });
    }
    expect(await count()).toBe(before);
    expect(await takeEvents()).toEqual([]);
  });

  it("deletes it", async () => {
    const DELETE = `mutation ($id: ID!) { deleteMaintenance(id: $id) { __typename ... on Maintenance { id name } ... on NotFoundError { resource } } }`;
    expect((await t.ok<{ deleteMaintenance: unknown }>(DELETE, { id })).deleteMaintenance).toEqual({ __typename: "Maintenance", id, name: "Database upgrade" });
    expect(await lists()).toMatchObject({ upcoming: [], inProgress: [], past: [] });
    expect((await t.ok<{ maintenance: unknown }>(`query ($id: ID!) { maintenance(id: $id) { id } }`, { id })).maintenance).toBeNull();
    expect(await takeEvents()).toEqual(["DELETED"]);
    expect((await t.ok<{ deleteMaintenance: unknown }>(DELETE, { id })).deleteMaintenance).toEqual({ __typename: "NotFoundError", resource: "maintenance" });
  });
});

describe("maintenance lists", () => {
  it("orders upcoming soonest first and past latest first", async () => {
    clock.set("2026-04-01T00:00:00Z");
    const at = (day: string) => ({ startsAt: `2026-04-${day}T01:00:00Z`, endsAt: `2026-04-${day}T02:00:00Z` });
    for (const [name, day] of [
      ["Later", "20"],
      ["Sooner", "10"],
      ["Soonest", "05"],
    ] as const) {
      await scheduleMaintenance(t, page.id, at(day), [], { name });
    }
    for (const [name, day] of [
      ["Old", "02"],
      ["Older", "01"],
    ] as const) {
      const mid = await scheduleMaintenance(t, page.id, { startsAt: `2026-03-${day}T01:00:00Z`, endsAt: `2026-03-${day}T02:00:00Z` }, [], {
        name,
        autoUpdate: false,
      });
      await t.ok(UPDATE_MAINTENANCE, { input: { maintenanceId: mid, status: "COMPLETE", message: "Done." } });
    }
    const l = await lists();
    expect(l.upcoming.map((m) => m.name)).toEqual(["Soonest", "Sooner", "Later"]);
    expect(l.past.map((m) => m.name)).toEqual(["Old", "Older"]);
  });
});
