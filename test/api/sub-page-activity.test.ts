// A customer sub-page shows only incidents and maintenance touching its components.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let web: string, api: string, search: string;
let pageId: string;
let groupsTypeId: string;

async function addGroup(name: string, components: string[]) {
  await t.ok(`mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { __typename } }`, {
    input: {
      typeId: groupsTypeId,
      name,
      values: [
        { attribute: "Components", values: components },
        { attribute: "Email domains", values: ["example.com"] },
      ],
    },
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  [web, api, search] = (await createComponents(t, ["Web app", "API", "Search"], "Components")) as [string, string, string];
  const { createCatalogType } = await t.ok(`mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { ... on CatalogType { id } } }`, {
    input: {
      name: "Groups",
      ranked: true,
      referenceByName: true,
      attributes: [
        { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
        { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
      ],
    },
  });
  groupsTypeId = createCatalogType.id;
  await addGroup("Main", [web, api]);
  await addGroup("Other", [search]);
  const { createStatusPage } = await t.ok(
    `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename ... on StatusPage { id } } }`,
    {
      input: { title: "Cust support ops", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
    },
  );
  pageId = createStatusPage.id;
});
afterAll(() => t.close());

const SUB_PAGES = /* GraphQL */ `
  {
    statusPage(slug: "cust-support-ops") {
      subPages {
        slug
        incidents { name }
        incidentHistory(first: 10) { name }
        upcoming: maintenances { name }
        inProgress: maintenances(state: IN_PROGRESS) { name }
      }
    }
  }
`;
type SubPageView = {
  slug: string;
  incidents: { name: string }[];
  incidentHistory: { name: string }[];
  upcoming: { name: string }[];
  inProgress: { name: string }[];
};
async function subPages(): Promise<Record<string, Record<string, string[]>>> {
  const { statusPage } = await t.ok<{ statusPage: { subPages: SubPageView[] } }>(SUB_PAGES);
  return Object.fromEntries(
    statusPage.subPages.map(({ slug, ...lists }) => [slug, Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.map((x) => x.name)]))]),
  );
}

describe("sub-pages", () => {
  it("show an incident only where it affects a component", async () => {
    await publishIncident(t, pageId, [{ componentId: api, impact: "PARTIAL_OUTAGE" }], { name: "API down" });
    clock.advance(60_000);
    await publishIncident(t, pageId, [{ componentId: search, impact: "DEGRADED_PERFORMANCE" }], { name: "Search slow" });
    const view = await subPages();
    expect(view.main!.incidents).toEqual(["API down"]);
    expect(view.other!.incidents).toEqual(["Search slow"]);
  });

  it("keep an incident that once named a component, and list resolved ones in history only", async () => {
    clock.advance(60_000);
    const id = await publishIncident(t, pageId, [{ componentId: web, impact: "NO_IMPACT" }], { name: "Checking web" });
    clock.advance(60_000);
    const UPDATE = `mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`;
    await t.ok(UPDATE, {
      input: { incidentId: id, status: "IDENTIFIED", message: "It is search.", impacts: [{ componentId: search, impact: "FULL_OUTAGE" }] },
    });
    let view = await subPages();
    expect(view.main!.incidents).toEqual(["Checking web", "API down"]);
    expect(view.other!.incidents).toEqual(["Checking web", "Search slow"]);
    clock.advance(60_000);
    await t.ok(UPDATE, { input: { incidentId: id, status: "RESOLVED", message: "Fixed." } });
    view = await subPages();
    expect(view.main).toMatchObject({ incidents: ["API down"], incidentHistory: ["Checking web", "API down"] });
    expect(view.other).toMatchObject({ incidents: ["Search slow"], incidentHistory: ["Checking web", "Search slow"] });
  });

  it("list maintenance only where it names a component", async () => {
    const window = { startsAt: "2026-03-11T01:00:00Z", endsAt: "2026-03-11T02:00:00Z" };
    await scheduleMaintenance(t, pageId, window, [{ componentId: search, impact: "UNDER_MAINTENANCE" }], { name: "Reindex" });
    await scheduleMaintenance(
      t,
      pageId,
      window,
      [
        { componentId: web, impact: "NO_IMPACT" },
        { componentId: search, impact: "UNDER_MAINTENANCE" },
      ],
      { name: "Proxy swap" },
    );
    const view = await subPages();
    expect(view.main!.upcoming).toEqual(["Proxy swap"]);
    expect(view.other!.upcoming).toEqual(["Reindex", "Proxy swap"]);
    expect(view.main!.inProgress).toEqual([]);
  });

  it("load with the same number of statements however many sub-pages there are", async () => {
    statements.length = 0;
    await subPages();
    const withTwo = statements.length;
    await addGroup("Third", [web]);
    statements.length = 0;
    const view = await subPages();
    expect(Object.keys(view)).toHaveLength(3);
    expect(statements.length).toBe(withTwo);
  });
});
