// Bad maintenance input gets a typed error naming the field and the rule, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance, SCHEDULE_MAINTENANCE, UPDATE_MAINTENANCE, type PageRef } from "../helpers/fixtures.js";

let t: TestApp;
let page: PageRef;
let web: string, api: string, billing: string, group: string;

beforeAll(async () => {
  t = await createTestApp({ now: testClock("2026-03-10T12:00:00Z").now });
  [web, api, billing] = (await createComponents(t, ["Web app", "API", "Billing"])) as [string, string, string];
  [group] = (await createComponents(t, ["Support team"], "Groups")) as [string];
  page = await createPage(t, [web, api]);
});
afterAll(() => t.close());

async function snapshot() {
  const db = t.app.database.db;
  const lists = await t.ok(`query ($slug: String!) { statusPage(slug: $slug) { maintenances { id startsAt endsAt message components { name impact } } } }`, {
    slug: page.slug,
  });
  return { rows: await db.maintenance.count(), updates: await db.maintenanceUpdate.count(), components: await db.maintenanceComponent.count(), lists };
}

const WINDOW = { startsAt: "2026-03-11T02:00:00Z", endsAt: "2026-03-11T04:00:00Z" };
const under = (...ids: string[]) => ids.map((componentId) => ({ componentId, impact: "UNDER_MAINTENANCE" }));
const valid = () => ({ pageId: page.id, name: "Upgrade", message: "Upgrading.", ...WINDOW, components: under(api) });

type Case = [string, () => Record<string, unknown>, { field: string; rule: string }[]];
const cases: Case[] = [
  ["an empty name", () => ({ name: "" }), [{ field: "input.name", rule: "too_short" }]],
  ["a name over 120 characters", () => ({ name: "n".repeat(121) }), [{ field: "input.name", rule: "too_long" }]],
  ["an empty message", () => ({ message: "  " }), [{ field: "input.message", rule: "too_short" }]],
  ["a message over 10000 characters", () => ({ message: "m".repeat(10_001) }), [{ field: "input.message", rule: "too_long" }]],
  ["a window ending at its start", () => ({ endsAt: WINDOW.startsAt }), [{ field: "input.endsAt", rule: "after_start" }]],
  ["a window ending before its start", () => ({ endsAt: "2026-03-11T01:00:00Z" }), [{ field: "input.endsAt", rule: "after_start" }]],
  ["an unknown component", () => ({ components: under(api, "no-such-entry") }), [{ field: "input.components.1.componentId", rule: "not_found" }]],
  ["a component not on the page", () => ({ components: under(billing) }), [{ field: "input.components.0.componentId", rule: "not_on_page" }]],
  ["an entry of another catalog type", () => ({ components: under(group) }), [{ field: "input.components.0.componentId", rule: "not_on_page" }]],
  ["a component listed twice", () => ({ components: under(web, web) }), [{ field: "input.components.1.componentId", rule: "duplicate" }]],
  ["an unknown page", () => ({ pageId: "no-such-page" }), [{ field: "input.pageId", rule: "not_found" }]],
];

describe("scheduleMaintenance refuses", () => {
  it.each(cases)("%s, in review and in publish alike", async (_name, change, issues) => {
    const before = await snapshot();
    for (const preview of [true, false]) {
      const { scheduleMaintenance } = await t.ok<{ scheduleMaintenance: unknown }>(SCHEDULE_MAINTENANCE, { input: { ...valid(), ...change(), preview } });
      expect(scheduleMaintenance).toEqual({ __typename: "ValidationError", issues });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an outage level, naming the field", async () => {
    const before = await snapshot();
    const res = await t.gql(SCHEDULE_MAINTENANCE, { input: { ...valid(), components: [{ componentId: api, impact: "PARTIAL_OUTAGE" }] } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/"PARTIAL_OUTAGE" at "input\.components\[0\]\.impact".*MaintenanceImpactLevel/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("publishMaintenanceUpdate refuses", () => {
  let maintenanceId: string;
  beforeAll(async () => {
    maintenanceId = await scheduleMaintenance(t, page.id, WINDOW, under(api));
  });

  const updateCases: Case[] = [
    ["an empty message", () => ({ message: "" }), [{ field: "input.message", rule: "too_short" }]],
    ["a new end before the start", () => ({ endsAt: "2026-03-11T01:00:00Z" }), [{ field: "input.endsAt", rule: "after_start" }]],
    ["a new start after the end", () => ({ startsAt: "2026-03-11T05:00:00Z" }), [{ field: "input.startsAt", rule: "before_end" }]],
    ["a component not on the page", () => ({ components: under(billing) }), [{ field: "input.components.0.componentId", rule: "not_on_page" }]],
    ["an unknown component", () => ({ components: under("no-such-entry") }), [{ field: "input.components.0.componentId", rule: "not_found" }]],
  ];

  it.each(updateCases)("%s", async (_name, change, issues) => {
    const before = await snapshot();
    for (const preview of [true, false]) {
      const { publishMaintenanceUpdate } = await t.ok<{ publishMaintenanceUpdate: unknown }>(UPDATE_MAINTENANCE, {
        input: { maintenanceId, status: "SCHEDULED", message: "Update.", ...change(), preview },
      });
      expect(publishMaintenanceUpdate).toEqual({ __typename: "ValidationError", issues });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown maintenance", async () => {
    const { publishMaintenanceUpdate } = await t.ok<{ publishMaintenanceUpdate: unknown }>(UPDATE_MAINTENANCE, {
      input: { maintenanceId: "nope", status: "SCHEDULED", message: "Update." },
    });
    expect(publishMaintenanceUpdate).toEqual({ __typename: "NotFoundError", resource: "maintenance", key: "nope" });
  });
});
