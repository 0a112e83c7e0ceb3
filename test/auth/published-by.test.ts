// Who published what is recorded: the person (name and email) or the API key's name; shown to operators only.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { createOperator } from "../../server/auth/operators.js";
import { bearer, createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";

let t: TestApp;
let publisher: Record<string, string>;
let pageId: string;
let componentId: string;

beforeAll(async () => {
  t = await createTestApp();
  publisher = bearer((await createApiKey(t.app.database.db, { name: "on-call bot", scope: "PUBLISHER" }, t.app.now())).secret);
  [componentId] = await createComponents(t, ["API"]);
  pageId = (await createPage(t, [componentId!])).id;
});
afterAll(() => t.close());

const INCIDENT = "query ($id: ID!) { incident(id: $id) { publishedBy updates { publishedBy } } }";
const MAINTENANCE = "query ($id: ID!) { maintenance(id: $id) { publishedBy updates { publishedBy } } }";

it("records the publishing key's name on incidents, their updates and maintenance", async () => {
  // The fixtures publish through `ok`; this one sends the publish key instead of the admin key.
  const asPublisher: TestApp = { ...t, ok: (query, variables) => t.ok(query, variables, publisher) };
  const incident = await publishIncident(asPublisher, pageId, [{ componentId: componentId!, impact: "FULL_OUTAGE" }]);
  await t.ok(`mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`, {
    input: { incidentId: incident, status: "RESOLVED", message: "Fixed." },
  });
  expect(await t.ok(INCIDENT, { id: incident })).toEqual({
    incident: { publishedBy: "on-call bot", updates: [{ publishedBy: "test-admin" }, { publishedBy: "on-call bot" }] },
  });

  const window = { startsAt: "2030-04-01T10:00:00Z", endsAt: "2030-04-01T11:00:00Z" };
  const maintenance = await scheduleMaintenance(asPublisher, pageId, window, []);
  expect(await t.ok(MAINTENANCE, { id: maintenance })).toEqual({ maintenance: { publishedBy: "on-call bot", updates: [{ publishedBy: "on-call bot" }] } });

  // The public sees the page, not who runs it.
  expect(await t.ok(INCIDENT, { id: incident }, { as: "anonymous" })).toEqual({
    incident: { publishedBy: null, updates: [{ publishedBy: null }, { publishedBy: null }] },
  });
  expect(await t.ok(MAINTENANCE, { id: maintenance }, { as: "anonymous" })).toEqual({ maintenance: { publishedBy: null, updates: [{ publishedBy: null }] } });
});

it("names the person who published, as name and email, when an operator signed in as themselves", async () => {
  const db = t.app.database.db;
  const pat = await createOperator(db, { email: "pat@ops.example", name: "Pat Doe", role: "PUBLISHER" });
  const { secret } = await startOperatorSession(db, pat.id, { address: null, userAgent: null }, t.app.now());
  const asPat: TestApp = { ...t, ok: (query, variables) => t.ok(query, variables, { cookie: `sg_operator=${secret}` }) };
  const incident = await publishIncident(asPat, pageId, [{ componentId: componentId!, impact: "PARTIAL_OUTAGE" }]);
  await asPat.ok(`mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`, {
    input: { incidentId: incident, status: "RESOLVED", message: "Fixed." },
  });
  expect(await t.ok(INCIDENT, { id: incident })).toEqual({
    incident: {
      publishedBy: "Pat Doe <pat@ops.example>",
      updates: [{ publishedBy: "Pat Doe <pat@ops.example>" }, { publishedBy: "Pat Doe <pat@ops.example>" }],
    },
  });
  const window = { startsAt: "2030-05-01T10:00:00Z", endsAt: "2030-05-01T11:00:00Z" };
  const maintenance = await scheduleMaintenance(asPat, pageId, window, []);
  expect(await t.ok(MAINTENANCE, { id: maintenance })).toEqual({
    maintenance: { publishedBy: "Pat Doe <pat@ops.example>", updates: [{ publishedBy: "Pat Doe <pat@ops.example>" }] },
  });
});
