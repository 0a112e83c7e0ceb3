// A customer sub-page shows only incidents and maintenance touching its components.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, publishIncident, publishIncidentUpdate, scheduleMaintenance } from "../helpers/fixtures.js";

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
  const { createCatalogType } = await t.ok<{ createCatalogType: { id: string } }>(
    `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { ... on CatalogType { id } } }`,
    {
      input: {
        name: "Groups",
        ranked: true,
        referenceByName: true,
        attributes: [
          { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
          { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
        ],
      },
    },
  );
  groupsTypeId = createCatalogType.id;
  await addGroup("Main", [web, api]);
  await addGroup("Other", [search]);
  const { createStatusPage } = await t.ok<{ createStatusPage: { id: string } }>(
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
        incidentHistory(first: 10) { edges { node { name } } }
        upcoming: maintenances { name }
        inProgress: maintenances(state: IN_PROGRESS) { name }
      }
    }
  }
`;
type Named = { name: string };
type SubPageView = { slug: string; incidents: Named[]; incidentHistory: { edges: { node: Named }[] }; upcoming: Named[]; inProgress: Named[] };
async function subPages(): Promise<Record<string, Record<string, string[]>>> {
  const { statusPage } = await t.ok<{ statusPage: { subPages: SubPageView[] } }>(SUB_PAGES);
  return Object.fromEntries(
    statusPage.subPages.map(({ slug, incidentHistory, ...lists }) => [
      slug,
      {
        ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.map((x) => x.name)])),
        incidentHistory: incidentHistory.edges.map((e) => e.node.name),
      },
    ]),
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
    // Each sub-page's history is a page of its own, read in the database (one bounded query each, below).
    const LISTS = SUB_PAGES.replace("incidentHistory(first: 10) { edges { node { name } } }", "");
    statements.length = 0;
    await t.ok(LISTS);
    const withTwo = statements.length;
    await addGroup("Third", [web]);
    statements.length = 0;
    const { statusPage } = await t.ok<{ statusPage: { subPages: unknown[] } }>(LISTS);
    expect(statusPage.subPages).toHaveLength(3);
    expect(statements.length).toBe(withTwo);
  });
});

const HISTORY = /* GraphQL */ `
  query ($slug: String!, $first: Int, $after: String) {
    subPage(pageSlug: "cust-support-ops", slug: $slug) {
      incidentHistory(first: $first, after: $after) { edges { cursor node { name updates { message } } } pageInfo { hasNextPage endCursor } }
    }
  }
`;
type HistoryPage = { edges: { cursor: string; node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const history = async (slug: string, first: number, after: string | null = null) =>
  (await t.ok<{ subPage: { incidentHistory: HistoryPage } }>(HISTORY, { slug, first, after })).subPage.incidentHistory;

describe("a sub-page's incident history", () => {
  it("pages by cursor through the sub-page's incidents only, newest first", async () => {
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: HistoryPage = await history("other", 2, after);
      names.push(...page.edges.map((e) => e.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    // "Checking web" named Search in its second update; "API down" never touched it.
    expect(names).toEqual(["Checking web", "Search slow"]);
    expect(pages).toBe(1);
    const first = await history("other", 1);
    expect(first.edges.map((e) => e.node.name)).toEqual(["Checking web"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect((await history("other", 1, first.pageInfo.endCursor)).edges.map((e) => e.node.name)).toEqual(["Search slow"]);
  });

  it("refuses a cursor of another sub-page's history by argument name", async () => {
    const [apiDown] = (await history("main", 10)).edges.filter((e) => e.node.name === "API down");
    const res = await t.gql(HISTORY, { slug: "other", first: 1, after: apiDown!.cursor });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", rule: "cursor" });
    const garbage = await t.gql(HISTORY, { slug: "other", first: 1, after: "not a cursor!" });
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", rule: "cursor" });
  });

  it("reads a page of it in the same statements however many incidents and updates the page holds", async () => {
    const count = async (after: string | null) => {
      statements.length = 0;
      await history("other", 2, after);
      return statements.length;
    };
    const firstBefore = await count(null);
    const cursor = (await history("other", 1)).pageInfo.endCursor;
    const laterBefore = await count(cursor);
    for (let i = 0; i < 15; i++) {
      const id = await publishIncident(t, pageId, [{ componentId: i % 3 ? search : api, impact: "DEGRADED_PERFORMANCE" }], { name: `Extra ${i}` });
      for (let u = 0; u < 3; u++) await publishIncidentUpdate(t, id, { message: `Step ${u}.` });
    }
    expect(await count(null)).toBe(firstBefore);
    expect(await count(cursor)).toBe(laterBefore);
    // Only the sub-page's incidents, and the page it asked for.
    const page = await history("other", 2);
    expect(page.edges.map((e) => e.node.name)).toEqual(["Extra 14", "Extra 13"]);
  });
});
