// What one change costs, whatever the number of subscribers: the summary is
// computed once per view and shared, so delivering it to 20 subscribers runs
// exactly the statements delivering it to one does.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, until, wsClient, type Subscription } from "../helpers/live.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { message impacts { name impact } } } }`;

const statements: string[] = [];
let t: TestApp;
let page: PageRef;
let api: string;
let url: string;
let incident: string;
const clients: Client[] = [];

beforeAll(async () => {
  // A clock that stands still: nothing time-based (an API key's last use) adds statements between runs.
  t = await createTestApp({ now: testClock().now, onQuery: (sql) => statements.push(sql) });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  incident = await publishIncident(t, page.id, [{ componentId: api, impact: "DEGRADED_PERFORMANCE" }]);
  url = await t.app.start(0);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t.close();
});

let round = 0;

/** Subscribes `n` clients, then counts the statements from an update's publish to its arrival at all of them. */
async function statementsToDeliver(n: number): Promise<number> {
  const subscriptions: Subscription[] = [];
  for (let i = 0; i < n; i++) {
    const client = wsClient(url);
    clients.push(client);
    subscriptions.push(subscribeWs(client, STATUS, { page: page.slug }));
  }
  for (const s of subscriptions) await s.inbox.next();
  const message = `Update ${++round}`;
  statements.length = 0;
  await publishIncidentUpdate(t, incident, { message });
  for (const s of subscriptions) {
    const { data } = await s.inbox.next();
    expect(data!.pageStatus.incidents[0].message).toBe(message);
  }
  const count = statements.length;
  for (const s of subscriptions) s.stop();
  await until(() => t.app.hub.stats().listeners === 0, 3_000, "subscriptions to end");
  return count;
}

it("runs as many statements to deliver an update to 20 subscribers as to 1", async () => {
  await statementsToDeliver(1); // warm-up: first uses of the key, first compute
  const one = await statementsToDeliver(1);
  const twenty = await statementsToDeliver(20);
  expect(twenty).toBe(one);
});

it("shares one summary between the subscribers of a view", async () => {
  const subscriptions = Array.from({ length: 5 }, (_, i) => subscribeWs(clients[i]!, STATUS, { page: page.slug }));
  for (const s of subscriptions) await s.inbox.next();
  expect(t.app.hub.stats()).toEqual({ pages: 1, channels: 1, listeners: 5 });
  for (const s of subscriptions) s.stop();
});
