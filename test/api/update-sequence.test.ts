// Updates are numbered per incident in commit order, and "latest" follows that number:
// updates committed in the same instant never step an incident back.
import { afterAll, beforeAll, expect, it } from "vitest";
import { computePageSummary } from "../../server/services/page-summary.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, type PageRef } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let page: PageRef;
let api: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  [api] = await createComponents(t, ["API"]);
  page = await createPage(t, [api!]);
});
afterAll(() => t.close());

const UPDATES = /* GraphQL */ `
  query ($id: ID!) { incident(id: $id) { status updates { sequence message } } }
`;

it("numbers updates committed in the same instant 1, 2, 3, … and shows the last committed as latest", async () => {
  const incident = await publishIncident(t, page.id, [{ componentId: api!, impact: "PARTIAL_OUTAGE" }]);
  // Same clock for all: publish times tie, so only the sequence can order them.
  const messages = Array.from({ length: 6 }, (_, i) => `Update ${i + 1}`);
  await Promise.all(messages.map((message) => publishIncidentUpdate(t, incident, { status: "IDENTIFIED", message })));
  const data = await t.ok<{ incident: { updates: { sequence: number; message: string }[] } }>(UPDATES, { id: incident });
  const sequences = data.incident.updates.map((u) => u.sequence);
  expect(sequences).toEqual([7, 6, 5, 4, 3, 2, 1]);

  const rows = await t.app.database.db.incidentUpdate.findMany({ where: { incidentId: incident }, orderBy: { sequence: "desc" }, take: 1 });
  const summary = await computePageSummary(t.app.database.db, { pageId: page.id }, clock.now());
  const shown = summary.incidents.find((i) => i.id === incident)!;
  expect(shown.sequence).toBe(7);
  expect(shown.message).toBe(rows[0]!.message);
  expect(data.incident.updates[0]!.message).toBe(rows[0]!.message);
});

it("reads a page summary in the same statements whether an incident has 1 update or 200", async () => {
  const [other] = await createComponents(t, ["Search"]);
  const quiet = await createPage(t, [other!]);
  const busy = await createPage(t, [other!]);
  await publishIncident(t, quiet.id, [{ componentId: other!, impact: "DEGRADED_PERFORMANCE" }]);
  const long = await publishIncident(t, busy.id, [{ componentId: other!, impact: "DEGRADED_PERFORMANCE" }]);
  for (let i = 0; i < 199; i++) await publishIncidentUpdate(t, long, { status: "MONITORING", message: `Still watching ${i}` });

  const read = async (pageId: string) => {
    statements.length = 0;
    const summary = await computePageSummary(t.app.database.db, { pageId }, clock.now());
    return { summary, sql: [...statements] };
  };
  const one = await read(quiet.id);
  const many = await read(busy.id);
  expect(many.summary.incidents[0]).toMatchObject({ sequence: 200, message: "Still watching 198" });
  // Identical statements, parameter lists included: nothing grows with the history.
  // (Sorted: on PostgreSQL the independent reads run in parallel and finish in any order.)
  expect([...many.sql].sort()).toEqual([...one.sql].sort());
}, 60_000);

it("publishes an update in the same statements whether the incident has 1 update or 200", async () => {
  const [other] = await createComponents(t, ["Billing"]);
  const target = await createPage(t, [other!]);
  const fresh = await publishIncident(t, target.id, [{ componentId: other!, impact: "DEGRADED_PERFORMANCE" }]);
  const long = await publishIncident(t, target.id, [{ componentId: other!, impact: "DEGRADED_PERFORMANCE" }]);
  for (let i = 0; i < 199; i++) await publishIncidentUpdate(t, long, { status: "MONITORING", message: `Still watching ${i}` });

  const publish = async (incidentId: string) => {
    statements.length = 0;
    await publishIncidentUpdate(t, incidentId, { status: "MONITORING", message: "Next" });
    return [...statements].sort();
  };
  const one = await publish(fresh);
  const many = await publish(long);
  expect(many.length).toBeGreaterThan(0);
  // The statements a publish runs (with the API key lookup) are the same texts; none reads the history.
  expect(many).toEqual(one);
}, 60_000);
