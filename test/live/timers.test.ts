// The scheduler on real timers: a maintenance window starting in about 1.5 s is
// in progress for subscribers soon after its start, never before, and complete
// soon after its end. A window published or moved already begun or over moves
// along at once, not at the scheduler's next periodic check (up to 30 s away).
import { afterAll, beforeAll, expect, it } from "vitest";
import { announce } from "../../server/events.js";
import { scheduleMaintenance, UPDATE_MAINTENANCE } from "../helpers/fixtures.js";
import { startLivePage, type LivePage } from "../helpers/live-page.js";
import { subscribeWs } from "../helpers/live.js";

let live: LivePage;

beforeAll(async () => {
  live = await startLivePage({ schedulerTimers: true });
});
afterAll(() => live.close());

const MINUTE = 60_000;
/**
 * How late "on time" may be: a loaded 2-core CI delays every timer, query and frame
 * by seconds, yet this stays well inside the scheduler's 30 s longest sleep, so a
 * transition that waited for the periodic check instead of its own timer still fails.
 */
const ON_TIME_MS = 5_000;
const iso = (ms: number) => new Date(ms).toISOString();
const underMaintenance = () => [{ componentId: live.api, impact: "UNDER_MAINTENANCE" }];
const statusOf = async (id: string) =>
  (await live.t.ok<{ maintenance: { status: string; message: string } }>(`query ($id: ID!) { maintenance(id: $id) { status message } }`, { id })).maintenance;
const update = (input: Record<string, unknown>) => live.t.ok(UPDATE_MAINTENANCE, { input });

it("starts and completes a maintenance on time, on timers", async () => {
  const { t, page, api, client } = live;
  const { inbox } = subscribeWs(client, `subscription ($page: String!) { pageStatus(pageSlug: $page) { status } }`, { page: page.slug });
  expect((await inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
  const startsAt = Date.now() + 1_500;
  const endsAt = startsAt + 1_000;
  const window = { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
  await scheduleMaintenance(t, page.id, window, [{ componentId: api, impact: "UNDER_MAINTENANCE" }]);

  await inbox.until((m) => m.data!.pageStatus.status === "UNDER_MAINTENANCE", startsAt + ON_TIME_MS - Date.now());
  expect(Date.now() - startsAt).toBeGreaterThanOrEqual(0);
  await inbox.until((m) => m.data!.pageStatus.status === "OPERATIONAL", endsAt + ON_TIME_MS - Date.now());
  expect(Date.now() - endsAt).toBeGreaterThanOrEqual(0);
});

it("starts at once a maintenance published a minute into its window", async () => {
  const { t, page, client } = live;
  const { inbox } = subscribeWs(client, `subscription ($page: String!) { pageStatus(pageSlug: $page) { status } }`, { page: page.slug });
  expect((await inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
  const now = Date.now();
  const id = await scheduleMaintenance(t, page.id, { startsAt: iso(now - MINUTE), endsAt: iso(now + 10 * MINUTE) }, underMaintenance());
  await expect.poll(async () => (await statusOf(id)).status, { timeout: ON_TIME_MS, interval: 50 }).toBe("IN_PROGRESS");
  await inbox.until((m) => m.data!.pageStatus.status === "UNDER_MAINTENANCE");
  await update({ maintenanceId: id, status: "COMPLETE", message: "Done." });
  await inbox.until((m) => m.data!.pageStatus.status === "OPERATIONAL");
});

it("completes at once a maintenance published after its window, without blaming the service", async () => {
  const now = Date.now();
  const id = await scheduleMaintenance(live.t, live.page.id, { startsAt: iso(now - 2 * 60 * MINUTE), endsAt: iso(now - 60 * MINUTE) }, underMaintenance());
  const { status, message } = await statusOf(id);
  expect(status).toBe("COMPLETE");
  expect(message).toMatch(/^Maintenance completed\. Its window \(.* to .*\) had already ended when it was published\.$/);
  expect(message).not.toMatch(/unavailable/);
});

it("starts at once a scheduled maintenance whose start an update moves into the past", async () => {
  const now = Date.now();
  const id = await scheduleMaintenance(live.t, live.page.id, { startsAt: iso(now + 60 * MINUTE), endsAt: iso(now + 120 * MINUTE) }, underMaintenance());
  await update({ maintenanceId: id, status: "SCHEDULED", message: "Starting now instead.", startsAt: iso(Date.now() - 1_000) });
  await expect.poll(async () => (await statusOf(id)).status, { timeout: ON_TIME_MS, interval: 50 }).toBe("IN_PROGRESS");
  await update({ maintenanceId: id, status: "COMPLETE", message: "Done." });
});

it("starts at once a begun window it hears of from another instance", async () => {
  const { t, page, api } = live;
  const now = Date.now();
  // As another instance leaves it when it fails right after committing the publish.
  const row = await t.app.database.db.maintenance.create({
    data: {
      pageId: page.id,
      name: "Elsewhere",
      status: "SCHEDULED",
      startsAt: new Date(now - MINUTE),
      endsAt: new Date(now + 10 * MINUTE),
      autoUpdate: true,
      publishedAt: new Date(now),
      components: { create: { componentId: api, impact: "UNDER_MAINTENANCE" } },
      updates: { create: { status: "SCHEDULED", message: "Elsewhere.", publishedAt: new Date(now) } },
    },
  });
  // Its announcement, as Redis brings it.
  announce(t.app.events, {
    pageId: page.id,
    subject: "MAINTENANCE",
    kind: "PUBLISHED",
    subjectId: row.id,
    subjectName: row.name,
    componentIds: [api],
    at: new Date(now),
  });
  await expect.poll(async () => (await statusOf(row.id)).status, { timeout: ON_TIME_MS, interval: 50 }).toBe("IN_PROGRESS");
  expect((await statusOf(row.id)).message).toBe("Maintenance started.");
  await update({ maintenanceId: row.id, status: "COMPLETE", message: "Done." });
});
