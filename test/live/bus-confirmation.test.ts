// With Redis, subscribing to a page's topic takes a round trip. A view's first
// summary is read only once the bus has confirmed the subscription: a change made
// in between is then in the summary, rather than lost between the read and the
// moment the instance started hearing about changes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSummaryHub } from "../../server/realtime/summary-hub.js";
import type { PageSummary } from "../../server/services/page-summary.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { until } from "../helpers/live.js";

let t: TestApp;
let page: PageRef;
let api: string;

beforeAll(async () => {
  t = await createTestApp();
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
});
afterAll(() => t.close());

it("reads a view's first summary only after the bus confirms its subscription", async () => {
  let confirm!: () => void;
  const confirmed = new Promise<void>((resolve) => (confirm = resolve));
  const asked: string[] = [];
  const hub = createSummaryHub({
    db: t.app.database.db,
    events: t.app.events,
    now: t.app.now,
    subscribed: (topic) => {
      asked.push(topic);
      return confirmed;
    },
  });
  const starts: PageSummary[] = [];
  const stop = hub.listen({ pageId: page.id, subPageId: null }, { start: (s) => starts.push(s), update: () => {}, end: () => {} });

  await until(() => asked.length > 0, 3_000, "the hub to ask the bus");
  expect(asked).toEqual([`page:changed:${page.id}`]);
  // Unconfirmed, the hub has read nothing: the first summary waits for `confirm()` below.
  expect(starts).toEqual([]);

  // A change while the subscription is not confirmed yet.
  await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }], { name: "In the gap" });
  confirm();
  await until(() => starts.length === 1, 3_000, "the first summary");
  expect(starts[0]!.status).toBe("FULL_OUTAGE");
  expect(starts[0]!.incidents.map((i) => i.name)).toEqual(["In the gap"]);
  stop();
  hub.close();
});
