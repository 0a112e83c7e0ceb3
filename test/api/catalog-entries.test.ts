// Catalog entries: values, order, look-ups, deletes, and the sub-pages of customer
// pages following the entries of their customer type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { accepted, CREATE_ENTRY, CREATE_TYPE, DELETE_ENTRY, ENTRY_FIELDS, names, RANK_ENTRIES, UPDATE_ENTRY } from "../helpers/catalog.js";
import { CREATE_PAGE, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

let t: TestApp;
let catalog: RunbookCatalog;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t, ["Zendesk", "Chat", "Forms", "Portal"]);
});
afterAll(() => t.close());

const entriesOf = async (typeId: string) =>
  (
    await t.ok<{ catalogType: { entries: { name: string; rank: number | null }[] } }>(`query ($id: ID!) { catalogType(id: $id) { entries { name rank } } }`, {
      id: typeId,
    })
  ).catalogType.entries;
const create = (typeId: string, name: string, extra: Record<string, unknown> = {}) => accepted(t, CREATE_ENTRY, { input: { typeId, name, ...extra } });

describe("entry order", () => {
  it("lists entries of a type that is not ranked by name, without ranks", async () => {
    const type = await accepted(t, CREATE_TYPE, { input: { name: "Regions" } });
    for (const name of ["us-west", "eu-central", "ap-south"]) await create(type.id!, name);
    expect(await entriesOf(type.id!)).toEqual(["ap-south", "eu-central", "us-west"].map((name) => ({ name, rank: null })));
  });

  it("inserts an entry at a given rank, moving the later ones down", async () => {
    const entry = await create(catalog.componentsTypeId, "Status API", { rank: 1 });
    expect(entry).toMatchObject({ name: "Status API", rank: 1 });
    expect(names(await entriesOf(catalog.componentsTypeId))).toEqual(["Zendesk", "Status API", "Chat", "Forms", "Portal"]);
    const last = await create(catalog.componentsTypeId, "Docs", { rank: 99 });
    expect(last).toMatchObject({ rank: 5 });
  });

  it("moves one entry with updateCatalogEntry(rank)", async () => {
    const moved = await accepted(t, UPDATE_ENTRY, { input: { id: catalog.components.Forms, rank: 0 } });
    expect(moved).toMatchObject({ name: "Forms", rank: 0 });
    expect(await entriesOf(catalog.componentsTypeId)).toEqual(
      ["Forms", "Zendesk", "Status API", "Chat", "Portal", "Docs"].map((name, rank) => ({ name, rank })),
    );
  });

  it("sets the whole order with rankCatalogEntries", async () => {
    const before = await t.ok<{ catalogType: { entries: { id: string; name: string }[] } }>(
      `query ($id: ID!) { catalogType(id: $id) { entries { id name } } }`,
      { id: catalog.componentsTypeId },
    );
    const reversed = [...before.catalogType.entries].reverse();
    const result = await mutate(t, RANK_ENTRIES, { typeId: catalog.componentsTypeId, entryIds: reversed.map((e) => e.id) });
    expect(result).toEqual({ __typename: "MutationRankCatalogEntriesSuccess", data: reversed.map((e, rank) => ({ name: e.name, rank })) });
    expect(await entriesOf(catalog.componentsTypeId)).toEqual(reversed.map((e, rank) => ({ name: e.name, rank })));
  });

  it("closes the gap when an entry is deleted", async () => {
    const docs = await t.ok<{ catalogEntry: { id: string } }>(`{ catalogEntry(type: "Components", name: "Docs") { id } }`);
    await accepted(t, DELETE_ENTRY, { id: docs.catalogEntry.id });
    expect(await entriesOf(catalog.componentsTypeId)).toEqual(["Portal", "Chat", "Status API", "Zendesk", "Forms"].map((name, rank) => ({ name, rank })));
  });
});

describe("entries and their values", () => {
  let services: string;
  let api: string;

  it("stores texts, domains and references in the order given", async () => {
    services = (
      await accepted(t, CREATE_TYPE, {
        input: {
          name: "Services",
          attributes: [
            { name: "Notes", kind: "TEXT" },
            { name: "Uses", kind: "REFERENCE", multiple: true, referencedType: "Components" },
            { name: "Domains", kind: "EMAIL_DOMAIN", multiple: true },
          ],
        },
      })
    ).id!;
    const entry = await create(services, "API", {
      values: [
        { attribute: "Domains", values: ["b.example", "a.example"] },
        { attribute: "Uses", values: [catalog.components.Chat, "Zendesk"] },
        { attribute: "Notes", values: [" behind the gateway "] },
      ],
    });
    api = entry.id!;
    expect(entry).toEqual({
      __typename: "CatalogEntry",
      id: api,
      name: "API",
      rank: null,
      type: { name: "Services" },
      values: [
        { attribute: { name: "Notes" }, texts: ["behind the gateway"], entries: [] },
        { attribute: { name: "Uses" }, texts: [], entries: [{ name: "Chat" }, { name: "Zendesk" }] },
        { attribute: { name: "Domains" }, texts: ["b.example", "a.example"], entries: [] },
      ],
    });
  });

  it("stores domains in their normalized form: lower case, no trailing dot, punycode", async () => {
    const entry = await create(services, "Mail", { values: [{ attribute: "Domains", values: ["Bücher.Example.", "EXAMPLE.com.", "ex\u0430mple.com"] }] });
    const [punycode, ascii, lookalike] = (entry.values as { texts: string[] }[])[0]!.texts;
    expect([punycode, ascii]).toEqual(["xn--bcher-kva.example", "example.com"]);
    expect(lookalike).toMatch(/^xn--/);
    await accepted(t, DELETE_ENTRY, { id: entry.id });
  });

  it("updates the name and the values named; others keep theirs; an empty list clears", async () => {
    const entry = await accepted(t, UPDATE_ENTRY, {
      input: {
        id: api,
        name: "Public API",
        values: [
          { attribute: "Uses", values: ["Forms"] },
          { attribute: "Notes", values: [] },
        ],
      },
    });
    expect(entry).toMatchObject({
      name: "Public API",
      values: [
        { attribute: { name: "Uses" }, entries: [{ name: "Forms" }] },
        { attribute: { name: "Domains" }, texts: ["b.example", "a.example"] },
      ],
    });
  });

  it("finds an entry by id, or by type and name when the type references by name", async () => {
    const byId = await t.ok<{ catalogEntry: unknown }>(`query ($id: ID!) { catalogEntry(id: $id) { ${ENTRY_FIELDS} } }`, { id: catalog.components.Zendesk });
    expect(byId.catalogEntry).toMatchObject({ id: catalog.components.Zendesk, name: "Zendesk", type: { name: "Components" } });
    const byName = await t.ok<{ catalogEntry: unknown }>(`{ catalogEntry(type: "Components", name: "Zendesk") { id } }`);
    expect(byName.catalogEntry).toEqual({ id: catalog.components.Zendesk });
    const notByName = await t.ok(
      `{ catalogEntry(type: "Services", name: "Public API") { id } missing: catalogEntry(type: "Components", name: "Nope") { id } }`,
    );
    expect(notByName).toEqual({ catalogEntry: null, missing: null });
  });

  it("returns the deleted entry with its values", async () => {
    const deleted = await accepted(t, DELETE_ENTRY, { id: api });
    expect(deleted).toMatchObject({ id: api, name: "Public API", rank: null, type: { name: "Services" } });
    expect(deleted.values).toHaveLength(2);
    expect((await t.ok<{ catalogEntry: unknown }>(`query ($id: ID!) { catalogEntry(id: $id) { id } }`, { id: api })).catalogEntry).toBeNull();
  });

  it("deletes an entry that only references itself", async () => {
    const type = await accepted(t, CREATE_TYPE, { input: { name: "Loops", attributes: [{ name: "Next", kind: "REFERENCE", referencedType: "Loops" }] } });
    const loop = await create(type.id!, "loop");
    await accepted(t, UPDATE_ENTRY, { input: { id: loop.id, values: [{ attribute: "Next", values: [loop.id] }] } });
    expect(await accepted(t, DELETE_ENTRY, { id: loop.id })).toMatchObject({ name: "loop", values: [{ attribute: { name: "Next" } }] });
    expect((await t.ok<{ catalogEntry: unknown }>(`query ($id: ID!) { catalogEntry(id: $id) { id } }`, { id: loop.id })).catalogEntry).toBeNull();
  });
});

describe("a customer page follows the entries of its customer type", () => {
  const subPage = async (slug: string) =>
    (await t.ok<{ subPage: unknown }>(`query ($slug: String!) { subPage(pageSlug: "acme", slug: $slug) { name components { name } } }`, { slug })).subPage;
  let support: string;

  beforeAll(async () => {
    const page = await mutate(t, CREATE_PAGE, {
      input: { title: "Acme", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
    });
    expect(page.subPages).toMatchObject([{ name: "main", slug: "main" }]);
  });

  it("adds a sub-page for a new entry", async () => {
    support = (await create(catalog.groupsTypeId, "Support", { values: [{ attribute: "Components", values: ["Chat"] }] })).id!;
    expect(await subPage("support")).toEqual({ name: "Support", components: [{ name: "Chat" }] });
  });

  it("changes the sub-page's components with the entry's Components", async () => {
    await accepted(t, UPDATE_ENTRY, { input: { id: support, values: [{ attribute: "Components", values: ["Forms", "Chat"] }] } });
    expect(await subPage("support")).toEqual({ name: "Support", components: [{ name: "Forms" }, { name: "Chat" }] });
  });

  it("renames the sub-page with the entry, keeping its URL", async () => {
    await accepted(t, UPDATE_ENTRY, { input: { id: support, name: "Support team" } });
    expect(await subPage("support")).toMatchObject({ name: "Support team" });
  });

  it("keeps a name an operator gave the sub-page", async () => {
    const { subPage: sp } = await t.ok<{ subPage: { id: string } }>(`{ subPage(pageSlug: "acme", slug: "support") { id } }`);
    await mutate(t, `mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) { __typename } }`, { input: { id: sp.id, name: "Helpdesk" } });
    await accepted(t, UPDATE_ENTRY, { input: { id: support, name: "Support staff" } });
    expect(await subPage("support")).toMatchObject({ name: "Helpdesk" });
  });

  it("removes the sub-page with the entry", async () => {
    await accepted(t, DELETE_ENTRY, { id: support });
    expect(await subPage("support")).toBeNull();
    const page = await t.ok<{ statusPage: { subPages: unknown } }>(`{ statusPage(slug: "acme") { subPages { name } } }`);
    expect(page.statusPage.subPages).toEqual([{ name: "main" }]);
  });
});
