// Every list an input takes has a cap (README "Input limits"): one item more is
// refused naming the field, and a list at its cap is served, never failing on the
// database's parameter limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../server/domain/limits.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { PUBLISH_INCIDENT, SCHEDULE_MAINTENANCE } from "../helpers/fixtures.js";
import { CREATE_PAGE, UPDATE_PAGE, createRunbookCatalog, createType, mutate, type RunbookCatalog } from "../helpers/pages.js";

const CREATE_TYPE = `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`;
const UPDATE_TYPE = `mutation ($input: UpdateCatalogTypeInput!) { updateCatalogType(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`;
const CREATE_ENTRY = `mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`;
const RANK = `mutation ($typeId: ID!, $entryIds: [ID!]!) { rankCatalogEntries(typeId: $typeId, entryIds: $entryIds) { __typename ... on ValidationError { issues { field rule } } } }`;

const over = LIMITS.listItems + 1;
const many = <T>(n: number, item: (i: number) => T) => Array.from({ length: n }, (_, i) => item(i));

let t: TestApp;
let catalog: RunbookCatalog;
let pageId: string;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t, ["Search"]);
  pageId = (await mutate(t, CREATE_PAGE, { input: { title: "Public", components: [catalog.components.Search] } })).id!;
});
afterAll(() => t.close());

const rules = (result: Record<string, unknown>) =>
  (result.issues as { field: string; rule: string }[] | undefined)?.map(({ field, rule }) => ({ field, rule }));

describe("one item over the cap is refused, naming the list", () => {
  const search = () => catalog.components.Search!;
  const cases: [string, string, () => Record<string, unknown>, string][] = [
    ["categories", CREATE_TYPE, () => ({ input: { name: "T", categories: many(over, (i) => `c${i}`) } }), "input.categories"],
    ["attributes", CREATE_TYPE, () => ({ input: { name: "T", attributes: many(over, (i) => ({ name: `a${i}`, kind: "TEXT" })) } }), "input.attributes"],
    [
      "attributes (update)",
      UPDATE_TYPE,
      () => ({ input: { id: catalog.groupsTypeId, attributes: many(over, (i) => ({ name: `a${i}`, kind: "TEXT" })) } }),
      "input.attributes",
    ],
    [
      "entry values",
      CREATE_ENTRY,
      () => ({ input: { typeId: catalog.groupsTypeId, name: "E", values: many(over, () => ({ attribute: "Components", values: [] })) } }),
      "input.values",
    ],
    [
      "one attribute's values",
      CREATE_ENTRY,
      () => ({ input: { typeId: catalog.groupsTypeId, name: "E", values: [{ attribute: "Components", values: many(over, (i) => `v${i}`) }] } }),
      "input.values.0.values",
    ],
    ["page components", CREATE_PAGE, () => ({ input: { title: "P", components: many(over, (i) => `c${i}`) } }), "input.components"],
    ["page groups", CREATE_PAGE, () => ({ input: { title: "P", groups: many(over, (i) => ({ name: `g${i}`, components: [search()] })) } }), "input.groups"],
    [
      "a group's components",
      UPDATE_PAGE,
      () => ({ input: { id: pageId, groups: [{ name: "G", components: many(over, (i) => `c${i}`) }] } }),
      "input.groups.0.components",
    ],
    [
      "incident impacts",
      PUBLISH_INCIDENT,
      () => ({
        input: { pageId, name: "I", status: "INVESTIGATING", message: "m", impacts: many(over, () => ({ componentId: search(), impact: "NO_IMPACT" })) },
      }),
      "input.impacts",
    ],
    [
      "maintenance components",
      SCHEDULE_MAINTENANCE,
      () => ({
        input: {
          pageId,
          name: "M",
          message: "m",
          startsAt: "2030-01-01T00:00:00Z",
          endsAt: "2030-01-01T01:00:00Z",
          components: many(over, () => ({ componentId: search(), impact: "NO_IMPACT" })),
        },
      }),
      "input.components",
    ],
    ["ranked entries", RANK, () => ({ typeId: catalog.componentsTypeId, entryIds: many(LIMITS.rankedEntries + 1, (i) => `e${i}`) }), "entryIds"],
  ];
  for (const [what, mutation, variables, field] of cases) {
    it(what, async () => {
      expect(rules(Object.values(await t.ok<Record<string, Record<string, unknown>>>(mutation, variables()))[0]!)).toEqual([{ field, rule: "too_long" }]);
    });
  }
});

describe("sub-pages of a customer page", () => {
  let typeId: string;
  beforeAll(async () => {
    // 501 customers, written directly: the API would take one request each.
    typeId = (await createType(t, { name: "Customers", attributes: [{ name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" }] }))
      .id;
    await t.app.database.db.catalogEntry.createMany({ data: many(over, (i) => ({ typeId, name: `customer-${i}` })) });
  });
  const customerPage = (subPages: unknown[]) => ({
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Customers", componentsAttribute: "Components", subPages },
  });

  it(`refuses ${over} named sub-pages, naming the field`, async () => {
    const result = await mutate(t, CREATE_PAGE, customerPage(many(over, (i) => ({ entry: `customer-${i}`, name: `Customer ${i}` }))));
    expect(rules(result)).toEqual([{ field: "input.subPages", rule: "too_long" }]);
  });

  it(`names ${LIMITS.listItems} sub-pages in one request`, async () => {
    const result = await mutate(t, CREATE_PAGE, customerPage(many(LIMITS.listItems, (i) => ({ entry: `customer-${i}`, name: `Customer ${i}` }))));
    expect(result.__typename).toBe("StatusPage");
    const subPages = result.subPages as { name: string }[];
    expect(subPages).toHaveLength(over);
    expect(subPages.filter((s) => s.name.startsWith("Customer "))).toHaveLength(LIMITS.listItems);
  });
});
