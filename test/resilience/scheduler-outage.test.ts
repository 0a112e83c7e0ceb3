// The maintenance scheduler keeps trying while the database is unreachable: a window
// that opens during an outage starts once the database is back, with no other event
// to prompt it. (SQLite goes away as in db-outage.test.ts: its folder is moved aside.)
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../server/db/url.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance } from "../helpers/fixtures.js";
import { memoryLog } from "../helpers/logs.js";

const url = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-test-")), "test.db")}`;
const target = parseDatabaseUrl(url);
const folder = target.provider === "sqlite" ? dirname(target.file) : "";
let t: TestApp;
const log = memoryLog({ level: "error" });

beforeAll(async () => {
  // Real clock and timers: the point is the scheduler's own wake-ups.
  t = await createTestApp({ databaseUrl: url, schedulerTimers: true, logger: log.logger });
});
afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
});

it("starts a window that opened while the database was unreachable once it answers again", async () => {
  const [api] = await createComponents(t, ["API"]);
  const page = await createPage(t, [api!]);
  const startsAt = new Date(Date.now() + 1_500);
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  const id = await scheduleMaintenance(t, page.id, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, [
    { componentId: api!, impact: "UNDER_MAINTENANCE" },
  ]);

  await t.app.database.db.$disconnect();
  renameSync(folder, `${folder}.away`);
  writeFileSync(folder, "not a folder");
  // The scheduler wakes at the window's start and finds no database; it says so, and retries.
  const failedSinceStart = () =>
    log.lines().filter((l) => l.msg === "Maintenance scheduler failed; retrying" && Date.parse(l.time) >= startsAt.getTime()).length;
  await expect.poll(failedSinceStart, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(1);
  rmSync(folder);
  renameSync(`${folder}.away`, folder);

  await expect
    .poll(async () => (await t.app.database.db.maintenance.findUniqueOrThrow({ where: { id } })).status, { timeout: 10_000, interval: 200 })
    .toBe("IN_PROGRESS");
}, 30_000);
