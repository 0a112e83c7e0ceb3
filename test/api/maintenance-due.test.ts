// Maintenance published, or moved, with its window already begun or over: the service
// moves it along as part of the publish (no scheduler check needed, the clock stands
// still), and its updates say what happened without blaming a downtime that never was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, recordPageChanges, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, SCHEDULE_MAINTENANCE, UPDATE_MAINTENANCE, type PageRef } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let api: string;
let changes: ReturnType<typeof recordPageChanges>;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  changes = recordPageChanges(t, page.id);
});
afterAll(() => t.close());

const MAINTENANCE = `query ($id: ID!) { maintenance(id: $id) { status message updates { status message publishedAt } } }`;
const schedule = async (startsAt: string, endsAt: string, over: Record<string, unknown> = {}) => {
  const input = {
    pageId: page.id,
    name: "Database upgrade",
    message: "Upgrading the database.",
    startsAt,
    endsAt,
    components: [{ componentId: api, impact: "UNDER_MAINTENANCE" }],
    ...over,
  };
  return (await t.ok<{ scheduleMaintenance: Publication }>(SCHEDULE_MAINTENANCE, { input })).scheduleMaintenance;
};
/** The fields of a maintenance publication these tests read. */
interface Publication {
  maintenance: { id: string; status: string; updates: { status: string; message: string }[] };
  componentChanges: unknown;
}
const read = async (id: string) => (await t.ok<{ maintenance: { message: string; updates: { status: string }[] } }>(MAINTENANCE, { id })).maintenance;
/** The kinds announced since the last call. */
async function announced(): Promise<string[]> {
  return (await changes.take()).map((c) => `${c.kind} ${c.subjectId}`);
}

describe("a window already begun when published", () => {
  it("previews the components it will put under maintenance at once", async () => {
    const review = await schedule("2026-03-10T11:59:00Z", "2026-03-10T13:00:00Z", { preview: true });
    expect(review.componentChanges).toEqual([{ componentId: api, name: "API", previous: "OPERATIONAL", next: "UNDER_MAINTENANCE" }]);
    expect(await announced()).toEqual([]);
  });

  it("is in progress as soon as it is published, and announced as started", async () => {
    const published = await schedule("2026-03-10T11:59:00Z", "2026-03-10T13:00:00Z");
    const id = published.maintenance.id;
    expect(published.maintenance.status).toBe("IN_PROGRESS");
    expect(published.componentChanges).toEqual([{ componentId: api, name: "API", previous: "OPERATIONAL", next: "UNDER_MAINTENANCE" }]);
    expect(await announced()).toEqual([`PUBLISHED ${id}`, `STARTED ${id}`]);
    expect(await read(id)).toEqual({
      status: "IN_PROGRESS",
      message: "Maintenance started.",
      updates: [
        { status: "IN_PROGRESS", message: "Maintenance started.", publishedAt: "2026-03-10T12:00:00.000Z" },
        { status: "SCHEDULED", message: "Upgrading the database.", publishedAt: "2026-03-10T12:00:00.000Z" },
      ],
    });
    expect(await t.app.scheduler.tick()).toBe(0);
    await t.ok(UPDATE_MAINTENANCE, { input: { maintenanceId: id, status: "COMPLETE", message: "Done early." } });
    await announced();
  });

  it("stays scheduled when it does not update automatically", async () => {
    const published = await schedule("2026-03-10T11:59:00Z", "2026-03-10T13:00:00Z", { autoUpdate: false });
    expect(published.maintenance.status).toBe("SCHEDULED");
    expect(await announced()).toEqual([`PUBLISHED ${published.maintenance.id}`]);
    await t.ok(`mutation ($id: ID!) { deleteMaintenance(id: $id) { __typename } }`, { id: published.maintenance.id });
    await announced();
  });
});

describe("a window already over when published", () => {
  it("is complete at once, saying it was published after its window", async () => {
    const published = await schedule("2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z");
    const id = published.maintenance.id;
    expect(published.maintenance.status).toBe("COMPLETE");
    expect(published.componentChanges).toEqual([]);
    expect(await announced()).toEqual([`PUBLISHED ${id}`, `COMPLETED ${id}`]);
    const { updates, message } = await read(id);
    expect(updates.map((u) => u.status)).toEqual(["COMPLETE", "SCHEDULED"]);
    expect(message).toBe("Maintenance completed. Its window (2026-03-10T09:00:00.000Z to 2026-03-10T10:00:00.000Z) had already ended when it was published.");
    expect(message).not.toMatch(/unavailable/);
  });
});

describe("an update that moves the window", () => {
  it("starts a scheduled maintenance at once when its start moves into the past", async () => {
    const id = (await schedule("2026-03-10T15:00:00Z", "2026-03-10T16:00:00Z")).maintenance.id;
    await announced();
    const input = { maintenanceId: id, status: "SCHEDULED", message: "Starting earlier than planned.", startsAt: "2026-03-10T11:30:00Z" };
    const { publishMaintenanceUpdate: result } = await t.ok<{ publishMaintenanceUpdate: Publication }>(UPDATE_MAINTENANCE, { input });
    expect(result.maintenance.status).toBe("IN_PROGRESS");
    expect(result.componentChanges).toEqual([{ name: "API", previous: "OPERATIONAL", next: "UNDER_MAINTENANCE" }]);
    expect(await announced()).toEqual([`UPDATED ${id}`, `STARTED ${id}`]);
    expect(result.maintenance.updates.map((u) => [u.status, u.message])).toEqual([
      ["IN_PROGRESS", "Maintenance started."],
      ["SCHEDULED", "Starting earlier than planned."],
      ["SCHEDULED", "Upgrading the database."],
    ]);

    clock.set("2026-03-10T12:10:00Z");
    const ended = { maintenanceId: id, status: "IN_PROGRESS", message: "Finished.", endsAt: "2026-03-10T12:05:00Z" };
    expect((await t.ok<{ publishMaintenanceUpdate: Publication }>(UPDATE_MAINTENANCE, { input: ended })).publishMaintenanceUpdate.maintenance.status).toBe(
      "COMPLETE",
    );
    expect(await announced()).toEqual([`UPDATED ${id}`, `COMPLETED ${id}`]);
    expect((await read(id)).message).toBe("Maintenance completed.");
  });
});

describe("a running instance that gets to a transition late", () => {
  it("completes a window shorter than its delay without claiming the service was down", async () => {
    const id = (await schedule("2026-03-10T13:00:00Z", "2026-03-10T13:00:01Z")).maintenance.id;
    clock.set("2026-03-10T13:00:03Z");
    expect(await t.app.scheduler.tick()).toBe(1);
    expect(await read(id)).toMatchObject({ status: "COMPLETE", message: "Maintenance completed." });
  });
});

describe("uptime history of a maintenance published after its window", () => {
  it("counts it under maintenance during its window only", async () => {
    // Observed from the component's creation, which the database stamps with the real time.
    await t.app.database.db.catalogEntry.update({ where: { id: api }, data: { createdAt: new Date("2026-03-10T00:00:00Z") } });
    clock.set("2026-03-12T12:00:00Z");
    await schedule("2026-03-11T09:00:00Z", "2026-03-11T10:00:00Z", { name: "Yesterday's upgrade" });
    const query = `query ($slug: String!) { statusPage(slug: $slug) { components { uptime(days: 2) { days { date worst } } } } }`;
    const [component] = (await t.ok<{ statusPage: { components: { uptime: { days: unknown } }[] } }>(query, { slug: page.slug })).statusPage.components;
    expect(component!.uptime.days).toEqual([
      { date: "2026-03-11", worst: "UNDER_MAINTENANCE" },
      { date: "2026-03-12", worst: "OPERATIONAL" },
    ]);
  });
});
