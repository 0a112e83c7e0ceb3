// The scheduler on real timers: a maintenance window starting in about 1.5 s is
// in progress for subscribers within a second of its start, and complete within
// a second of its end.
import { afterAll, beforeAll, expect, it } from "vitest";
import { scheduleMaintenance } from "../helpers/fixtures.js";
import { startLivePage, type LivePage } from "../helpers/live-page.js";
import { subscribeWs } from "../helpers/live.js";

let live: LivePage;

beforeAll(async () => {
  live = await startLivePage({ schedulerTimers: true });
});
afterAll(() => live.close());

it("starts and completes a maintenance on time, on timers", async () => {
  const { t, page, api, client } = live;
  const { inbox } = subscribeWs(client, `subscription ($page: String!) { pageStatus(pageSlug: $page) { status } }`, { page: page.slug });
  expect((await inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
  const startsAt = Date.now() + 1_500;
  const endsAt = startsAt + 1_000;
  const window = { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
  await scheduleMaintenance(t, page.id, window, [{ componentId: api, impact: "UNDER_MAINTENANCE" }]);

  expect((await inbox.next(3_000)).data!.pageStatus.status).toBe("UNDER_MAINTENANCE");
  expect(Date.now() - startsAt).toBeGreaterThanOrEqual(0);
  expect(Date.now() - startsAt).toBeLessThan(1_000);
  expect((await inbox.next(3_000)).data!.pageStatus.status).toBe("OPERATIONAL");
  expect(Date.now() - endsAt).toBeGreaterThanOrEqual(0);
  expect(Date.now() - endsAt).toBeLessThan(1_000);
});
