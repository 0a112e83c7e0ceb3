// The service's own maintenance transitions: due lists, exactly-once under races, catch-up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { systemScope } from "../../server/services/change.js";
import { applyDueTransition, dueMaintenances } from "../../server/services/maintenance.js";
import { createTestApp, recordPageChanges, testClock, type PageChangeLog, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let api: string;
let events: PageChangeLog;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  events = recordPageChanges(t, page.id);
});
afterAll(() => t.close());

/** The service's own scope: its transitions are recorded and announced like every change. */
const service = () => systemScope(t.app.database.db, clock.now, t.app.changes);

const at = (iso: string) => new Date(iso);
const under = [{ componentId: "", impact: "UNDER_MAINTENANCE" }];
const schedule = (startsAt: string, endsAt: string, fields: { autoUpdate?: boolean; name?: string } = {}) =>
  scheduleMaintenance(
    t,
    page.id,
    { startsAt, endsAt },
    under.map((c) => ({ ...c, componentId: api })),
    fields,
  );
const updatesOf = (maintenanceId: string) =>
  t.app.database.db.maintenanceUpdate.findMany({
    where: { maintenanceId },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: { status: true, message: true, publishedBy: true },
  });

/**
 * Runs `applyDueTransition` in `n` separate processes against this test's database,
 * released together. Separate processes, as real instances are: better-sqlite3 waits
 * for a lock synchronously, so two connections in one process would block each other.
 */
async function raceInstances(n: number, maintenanceId: string, to: string, now: string): Promise<boolean[]> {
  const script = new URL("../helpers/transition-instance.ts", import.meta.url).pathname;
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--import", "tsx", script, t.app.database.target.url, maintenanceId, to, now], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const outputs = children.map((c) => createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
  for (const out of outputs) expect((await out.next()).value).toBe("ready");
  for (const c of children) c.stdin!.end("go\n");
  const results = await Promise.all(outputs.map(async (out) => (JSON.parse((await out.next()).value as string) as { won: boolean }).won));
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit") : null)));
  return results;
}

describe("automatic maintenance transitions", () => {
  let id: string;

  it("lists a transition only once it is due, and only for auto-updating maintenance", async () => {
    id = await schedule("2026-03-10T13:00:00Z", "2026-03-10T14:00:00Z");
    const manual = await schedule("2026-03-10T13:00:00Z", "2026-03-10T14:00:00Z", { autoUpdate: false });
    expect(await dueMaintenances(t.app.database.db, at("2026-03-10T12:59:59Z"))).toEqual([]);
    const due = await dueMaintenances(t.app.database.db, at("2026-03-10T13:00:00Z"));
    expect(due).toEqual([{ id, pageId: page.id, from: "SCHEDULED", to: "IN_PROGRESS" }]);
    expect(due.map((d) => d.id)).not.toContain(manual);
    expect(await applyDueTransition(service(), id, "COMPLETE", at("2026-03-10T13:00:00Z"))).toBe(false);
  });

  it("starts it exactly once when two callers race", async () => {
    await events.take();
    const now = at("2026-03-10T13:00:05Z");
    const results = await Promise.all([applyDueTransition(service(), id, "IN_PROGRESS", now), applyDueTransition(service(), id, "IN_PROGRESS", now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await updatesOf(id)).toEqual([
      { status: "SCHEDULED", message: "Upgrading the database.", publishedBy: "test-admin" },
      { status: "IN_PROGRESS", message: "Maintenance started.", publishedBy: null },
    ]);
    const status = await t.ok<{ statusPage: { components: unknown } }>(`query ($slug: String!) { statusPage(slug: $slug) { components { status } } }`, {
      slug: page.slug,
    });
    expect(status.statusPage.components).toEqual([{ status: "UNDER_MAINTENANCE" }]);
    expect((await events.take()).map((e) => [e.kind, e.subjectId])).toEqual([["STARTED", id]]);
  });

  it("completes it exactly once when two instances share the database", async () => {
    const results = await raceInstances(2, id, "COMPLETE", "2026-03-10T14:00:00Z");
    expect(results.filter(Boolean)).toHaveLength(1);
    const updates = await updatesOf(id);
    expect(updates.map((u) => u.status)).toEqual(["SCHEDULED", "IN_PROGRESS", "COMPLETE"]);
    expect(updates[2]!.message).toBe("Maintenance completed.");
    expect(await dueMaintenances(t.app.database.db, at("2026-03-10T15:00:00Z"))).toEqual([]);
  });

  it("catches up on a window that opened and closed while the service was down", async () => {
    const missed = await schedule("2026-03-10T16:00:00Z", "2026-03-10T17:00:00Z", { name: "Missed" });
    const now = at("2026-03-10T18:30:00Z");
    expect(await dueMaintenances(t.app.database.db, now)).toEqual([{ id: missed, pageId: page.id, from: "SCHEDULED", to: "COMPLETE" }]);
    expect(await applyDueTransition(service(), missed, "IN_PROGRESS", now)).toBe(false);
    // This process started at 18:00, after the window: nothing was running during it.
    expect(await applyDueTransition(service(), missed, "COMPLETE", now, { runningSince: at("2026-03-10T18:00:00Z") })).toBe(true);
    const updates = await updatesOf(missed);
    expect(updates.map((u) => u.status)).toEqual(["SCHEDULED", "COMPLETE"]);
    expect(updates[1]!.message).toBe(
      "Maintenance completed. The status service was unavailable during the maintenance window " +
        "(2026-03-10T16:00:00.000Z to 2026-03-10T17:00:00.000Z), so it was not marked as in progress.",
    );
    expect(await applyDueTransition(service(), missed, "COMPLETE", now)).toBe(false);
    expect(await updatesOf(missed)).toHaveLength(2);
  });

  it("does not blame the service when an instance that was running completes a short window late", async () => {
    const brief = await schedule("2026-03-10T19:00:00Z", "2026-03-10T19:00:01Z", { name: "Brief" });
    const now = at("2026-03-10T19:00:03Z");
    expect(await applyDueTransition(service(), brief, "COMPLETE", now, { runningSince: at("2026-03-10T12:00:00Z") })).toBe(true);
    expect((await updatesOf(brief)).map((u) => [u.status, u.message])).toEqual([
      ["SCHEDULED", "Upgrading the database."],
      ["COMPLETE", "Maintenance completed."],
    ]);
  });
});
