// Names, titles, slugs, categories, descriptions and messages refuse NUL, control and
// bidirectional override characters by rule (messages and descriptions keep their
// lines), and one input with several broken rules reports every one of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { PUBLISH_INCIDENT } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, createType, mutate, type RunbookCatalog } from "../helpers/pages.js";

const CREATE_TYPE = `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { __typename ... on CatalogType { description } ... on ValidationError { issues { field rule message } } } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`;
const UPDATE_SUB_PAGE = `mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`;

const REFUSED: Record<string, string> = {
  NUL: "Sea\u0000rch",
  "an escape sequence": "Search\u001b[2J",
  "a DEL": "Search\u007f",
  "a C1 control": "Search\u0085",
  "a right-to-left override": "Search\u202Etxt.exe",
  "a left-to-right isolate": "\u2066Search\u2069",
  "a right-to-left mark": "Search\u200F",
  "a newline in a name": "Sea\nrch",
};

let t: TestApp;
let catalog: RunbookCatalog;
let pageId: string;
let subPageId: string;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t, ["Search"]);
  pageId = (await mutate(t, CREATE_PAGE, { input: { title: "Public", components: [catalog.components.Search] } })).id!;
  const customers = await mutate(t, CREATE_PAGE, {
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components" },
  });
  subPageId = (customers.subPages as { id: string }[])[0]!.id;
});
afterAll(() => t.close());

const rules = (result: { issues?: { field: string; rule: string }[] }) => result.issues?.map(({ field, rule }) => ({ field, rule }));

describe("control and bidi characters are refused with the rule control_character", () => {
  for (const [what, text] of Object.entries(REFUSED)) {
    it(`${what}, in every kind of name`, async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        [CREATE_TYPE, { name: text }, "input.name"],
        [CREATE_TYPE, { name: "T", categories: ["ok", text] }, "input.categories.1"],
        [CREATE_TYPE, { name: "T", attributes: [{ name: text, kind: "TEXT" }] }, "input.attributes.0.name"],
        [CREATE_PAGE, { title: text }, "input.title"],
        [CREATE_PAGE, { title: "T", slug: text }, "input.slug"],
        [CREATE_PAGE, { title: "T", groups: [{ name: text, components: [catalog.components.Search] }] }, "input.groups.0.name"],
        [UPDATE_SUB_PAGE, { id: subPageId, name: text }, "input.name"],
        [CREATE_KEY, { name: text, scope: "VIEWER" }, "input.name"],
        [PUBLISH_INCIDENT, { pageId, name: text, status: "INVESTIGATING", message: "m" }, "input.name"],
      ];
      for (const [mutation, input, field] of cases) {
        const result = await mutate(t, mutation, { input });
        expect(rules(result), `${field} of ${JSON.stringify(input)}`).toEqual([{ field, rule: "control_character" }]);
      }
    });
  }

  it("in descriptions and messages, except newlines and tabs", async () => {
    expect(rules(await mutate(t, CREATE_TYPE, { input: { name: "T", description: "line\u0000" } }))).toEqual([
      { field: "input.description", rule: "control_character" },
    ]);
    expect(rules(await mutate(t, CREATE_TYPE, { input: { name: "T", description: "a\u202Eb" } }))).toEqual([
      { field: "input.description", rule: "control_character" },
    ]);
    const message = { pageId, name: "Slow", status: "INVESTIGATING", preview: true };
    expect(rules(await mutate(t, PUBLISH_INCIDENT, { input: { ...message, message: "We are \u0007 on it" } }))).toEqual([
      { field: "input.message", rule: "control_character" },
    ]);
    const kept = await mutate(t, PUBLISH_INCIDENT, { input: { ...message, message: "**Search** is slow.\n\n- step one\n\tindented" } });
    expect(kept.__typename).toBe("IncidentPublication");
    expect((kept.draft as { message: string }).message).toBe("**Search** is slow.\n\n- step one\n\tindented");
    const described = await mutate(t, CREATE_TYPE, { input: { name: "Described", description: "First line\nSecond line" } });
    expect(described).toMatchObject({ __typename: "CatalogType", description: "First line\nSecond line" });
  });

  it("leaves right-to-left text and emoji alone", async () => {
    await createType(t, { name: "الخدمات 🚀", categories: ["עברית"] });
  });
});

describe("every broken rule of an input is reported", () => {
  it("three invalid fields of one input, in one ValidationError", async () => {
    const result = await mutate(t, CREATE_TYPE, { input: { name: "", description: "x".repeat(2_001), categories: ["ok", "c\u0000"] } });
    expect(rules(result)).toEqual([
      { field: "input.name", rule: "too_short" },
      { field: "input.description", rule: "too_long" },
      { field: "input.categories.1", rule: "control_character" },
    ]);
  });

  it("fields of nested inputs and of the input itself together", async () => {
    const input = { title: "", slug: "Not A Slug", logoUrl: "ftp://x", groups: [{ name: "", components: [] }] };
    expect(rules(await mutate(t, CREATE_PAGE, { input }))).toEqual([
      { field: "input.title", rule: "too_short" },
      { field: "input.slug", rule: "format" },
      { field: "input.logoUrl", rule: "format" },
      { field: "input.groups.0.name", rule: "too_short" },
      { field: "input.groups.0.components", rule: "too_short" },
    ]);
  });
});
