// Two service instances on one database: a due maintenance is started exactly
// once, and exactly one STARTED event is published between them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { testClock } from "../helpers/app.js";
import { scheduleMaintenance, UPDATE_MAINTENANCE } from "../helpers/fixtures.js";
import { startLivePage, type LivePage } from "../helpers/live-page.js";
import { subscribeWs, until } from "../helpers/live.js";

const clock = testClock("2026-03-10T12:00:00Z");
let live: LivePage;

beforeAll(async () => {
  live = await startLivePage({ now: clock.now });
});
afterAll(() => live.close());

it("starts a maintenance exactly once and announces it once", async () => {
  const { t, page, api, client } = live;
  const id = await scheduleMaintenance(t, page.id, { startsAt: "2026-03-10T13:00:00Z", endsAt: "2026-03-10T14:00:00Z" }, [
    { componentId: api, impact: "UNDER_MAINTENANCE" },
  ]);
  const events = subscribeWs(client, `subscription ($page: String!) { pageEvents(pageSlug: $page) { kind id } }`, { page: page.slug });
  await until(() => t.app.hub.stats().listeners === 1);
  const now = "2026-03-10T13:00:05Z";
  clock.set(now);

  const script = new URL("../helpers/live-instance.ts", import.meta.url).pathname;
  const other = spawn(process.execPath, ["--import", "tsx", script, t.app.database.target.url, page.id, now], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: other.stdout! })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe("ready");
  // Both instances find the transition due at the same moment.
  other.stdin!.end("go\n");
  const here = await t.app.scheduler.tick();
  const there = JSON.parse((await lines.next()).value as string) as { performed: number; started: number };
  if (other.exitCode === null) await once(other, "exit");

  expect(here + there.performed).toBe(1);
  const updates = await t.app.database.db.maintenanceUpdate.findMany({ where: { maintenanceId: id }, select: { status: true } });
  expect(updates.map((u) => u.status).sort()).toEqual(["IN_PROGRESS", "SCHEDULED"]);
  // Each instance's subscribers hear of the transitions that instance made.
  if (here === 1) expect((await events.inbox.next()).data!.pageEvents).toEqual({ kind: "STARTED", id });
  // The barrier: a later change through this instance, whose event follows any STARTED it announced.
  await t.ok(UPDATE_MAINTENANCE, { input: { maintenanceId: id, status: "IN_PROGRESS", message: "Still upgrading." } });
  await events.inbox.until((m) => m.data!.pageEvents.kind === "UPDATED");
  const startedHere = events.inbox.received.filter((m) => m.data!.pageEvents.kind === "STARTED").length;
  expect(startedHere + there.started).toBe(1);
}, 60_000);
