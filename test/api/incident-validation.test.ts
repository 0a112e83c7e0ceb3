// Bad incident input gets a typed error naming the field and the rule, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, recordPageChanges, testClock, type PageChangeLog, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, PUBLISH_INCIDENT, type PageRef } from "../helpers/fixtures.js";

let t: TestApp;
let page: PageRef;
let web: string, api: string, billing: string, group: string;
let events: PageChangeLog;

beforeAll(async () => {
  t = await createTestApp({ now: testClock().now });
  [web, api, billing] = (await createComponents(t, ["Web app", "API", "Billing"])) as [string, string, string];
  [group] = (await createComponents(t, ["Support team"], "Groups")) as [string];
  page = await createPage(t, [web, api]);
  events = recordPageChanges(t, page.id);
});
afterAll(() => t.close());

const UPDATE = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) {
    publishIncidentUpdate(input: $input) {
      __typename
      ... on ValidationError { issues { field rule } }
      ... on NotFoundError { resource key }
    }
  }
`;

/** Everything a failed publish must leave as it was. */
async function snapshot() {
  const db = t.app.database.db;
  const page$ = await t.ok(`query ($slug: String!) { statusPage(slug: $slug) { incidents { id } components { status } } }`, { slug: page.slug });
  return {
    incidents: await db.incident.count(),
    updates: await db.incidentUpdate.count(),
    impacts: await db.incidentImpact.count(),
    page: page$,
    events: (await events.all()).length,
  };
}

const valid = () => ({
  pageId: page.id,
  name: "Outage",
  status: "INVESTIGATING",
  message: "Looking into it.",
  impacts: [{ componentId: web, impact: "PARTIAL_OUTAGE" }],
});
const impacts = (...ids: string[]) => ids.map((componentId) => ({ componentId, impact: "PARTIAL_OUTAGE" }));

const cases: [string, () => Record<string, unknown>, { field: string; rule: string }[]][] = [
  ["an empty name", () => ({ name: "   " }), [{ field: "input.name", rule: "too_short" }]],
  ["a name over 120 characters", () => ({ name: "x".repeat(121) }), [{ field: "input.name", rule: "too_long" }]],
  ["an empty message", () => ({ message: "" }), [{ field: "input.message", rule: "too_short" }]],
  ["a message over 10000 characters", () => ({ message: "x".repeat(10_001) }), [{ field: "input.message", rule: "too_long" }]],
  ["an unknown component", () => ({ impacts: impacts(web, "no-such-entry") }), [{ field: "input.impacts.1.componentId", rule: "not_found" }]],
  ["a component not on the page", () => ({ impacts: impacts(billing) }), [{ field: "input.impacts.0.componentId", rule: "not_on_page" }]],
  ["an entry of another catalog type", () => ({ impacts: impacts(api, group) }), [{ field: "input.impacts.1.componentId", rule: "not_on_page" }]],
  ["a component listed twice", () => ({ impacts: impacts(web, api, web) }), [{ field: "input.impacts.2.componentId", rule: "duplicate" }]],
  ["an unknown page", () => ({ pageId: "no-such-page" }), [{ field: "input.pageId", rule: "not_found" }]],
];

describe("publishIncident refuses", () => {
  it.each(cases)("%s, in review and in publish alike", async (_name, change, issues) => {
    const before = await snapshot();
    for (const preview of [true, false]) {
      const { publishIncident } = await t.ok<{ publishIncident: unknown }>(PUBLISH_INCIDENT, { input: { ...valid(), ...change(), preview } });
      expect(publishIncident).toEqual({ __typename: "ValidationError", issues });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("UNDER_MAINTENANCE as an incident impact, naming the field", async () => {
    const before = await snapshot();
    const res = await t.gql(PUBLISH_INCIDENT, { input: { ...valid(), impacts: [{ componentId: web, impact: "UNDER_MAINTENANCE" }] } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/"UNDER_MAINTENANCE" at "input\.impacts\[0\]\.impact".*IncidentImpactLevel/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("publishIncidentUpdate refuses", () => {
  let incidentId: string;
  beforeAll(async () => {
    incidentId = await publishIncident(t, page.id, impacts(web));
  });

  const updateCases: [string, () => Record<string, unknown>, { field: string; rule: string }[]][] = [
    ["an empty message", () => ({ message: " " }), [{ field: "input.message", rule: "too_short" }]],
    ["an unknown component", () => ({ impacts: impacts("no-such-entry") }), [{ field: "input.impacts.0.componentId", rule: "not_found" }]],
    ["a component not on the page", () => ({ impacts: impacts(api, billing) }), [{ field: "input.impacts.1.componentId", rule: "not_on_page" }]],
    ["a component listed twice", () => ({ impacts: impacts(api, api) }), [{ field: "input.impacts.1.componentId", rule: "duplicate" }]],
  ];

  it.each(updateCases)("%s", async (_name, change, issues) => {
    const before = await snapshot();
    for (const preview of [true, false]) {
      const { publishIncidentUpdate } = await t.ok<{ publishIncidentUpdate: unknown }>(UPDATE, {
        input: { incidentId, status: "IDENTIFIED", message: "Found it.", ...change(), preview },
      });
      expect(publishIncidentUpdate).toEqual({ __typename: "ValidationError", issues });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown incident", async () => {
    const before = await snapshot();
    const { publishIncidentUpdate } = await t.ok<{ publishIncidentUpdate: unknown }>(UPDATE, {
      input: { incidentId: "no-such-incident", status: "IDENTIFIED", message: "Found it." },
    });
    expect(publishIncidentUpdate).toEqual({ __typename: "NotFoundError", resource: "incident", key: "no-such-incident" });
    expect(await snapshot()).toEqual(before);
  });
});
