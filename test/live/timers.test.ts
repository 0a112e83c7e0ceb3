// The scheduler on real timers: a maintenance window starting in about 1.5 s is
// in progress for subscribers within a second of its start, and complete within
// a second of its end.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, wsClient } from "../helpers/live.js";

let t: TestApp;
let page: PageRef;
let api: string;
let client: Client;

beforeAll(async () => {
  t = await createTestApp({ schedulerTimers: true });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  client = wsClient(await t.app.start(0));
});
afterAll(async () => {
  await client.dispose();
  await t.close();
});

it("starts and completes a maintenance on time, on timers", async () => {
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
