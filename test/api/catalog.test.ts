// Catalog types: the runbook's Components and Groups, and creating, updating and
// deleting types with their attributes. Entries: catalog-entries.test.ts; bad
// input and refusals: catalog-validation.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { accepted, CREATE_ENTRY, CREATE_TYPE, DELETE_TYPE, ENTRY_FIELDS, names, UPDATE_ENTRY, UPDATE_TYPE } from "../helpers/catalog.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attribute = (name: string, kind: string, multiple: boolean, referencedType: string | null = null) => ({
  id: expect.any(String),
  name,
  kind,
  multiple,
  referencedType: referencedType && { name: referencedType },
});

describe("the runbook's catalog", () => {
  const services = { categories: ["Services"], ranked: true, referenceByName: true };
  let componentsId: string;

  it("creates the Components type: description, category Services, ranked, referenced by name", async () => {
    const type = await accepted(t, CREATE_TYPE, { input: { name: "Components", description: "Things we report outages on", ...services } });
    expect(type).toEqual({
      __typename: "CatalogType",
      id: expect.any(String),
      name: "Components",
      description: "Things we report outages on",
      categories: ["Services"],
      ranked: true,
      referenceByName: true,
      attributes: [],
    });
    componentsId = type.id!;
  });

  it("adds components one by one, each ranked after the last", async () => {
    for (const name of ["Zendesk", "Chat", "Forms"]) {
      expect(await accepted(t, CREATE_ENTRY, { input: { typeId: componentsId, name } })).toMatchObject({ name, type: { name: "Components" }, values: [] });
    }
    const data = await t.ok<{ catalogType: { entries: unknown } }>(`{ catalogType(name: "Components") { entries { name rank } } }`);
    expect(data.catalogType.entries).toEqual([
      { name: "Zendesk", rank: 0 },
      { name: "Chat", rank: 1 },
      { name: "Forms", rank: 2 },
    ]);
  });

  it("creates Groups with Components (references, multiple) and Email domains (multiple)", async () => {
    const type = await accepted(t, CREATE_TYPE, {
      input: {
        name: "Groups",
        description: "Who sees which components",
        ...services,
        attributes: [
          { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
          { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
        ],
      },
    });
    expect(type.attributes).toEqual([attribute("Components", "REFERENCE", true, "Components"), attribute("Email domains", "EMAIL_DOMAIN", true)]);
  });

  it("adds the group main, selecting components by name and allowing gitlab.com", async () => {
    const groups = await t.ok<{ catalogType: { id: string } }>(`{ catalogType(name: "Groups") { id } }`);
    const main = await accepted(t, CREATE_ENTRY, {
      input: {
        typeId: groups.catalogType.id,
        name: "main",
        values: [
          { attribute: "Components", values: ["Forms", "Zendesk"] },
          { attribute: "Email domains", values: ["GitLab.com "] },
        ],
      },
    });
    const expected = {
      name: "main",
      rank: 0,
      type: { name: "Groups" },
      values: [
        { attribute: { name: "Components" }, texts: [], entries: [{ name: "Forms" }, { name: "Zendesk" }] },
        { attribute: { name: "Email domains" }, texts: ["gitlab.com"], entries: [] },
      ],
    };
    expect(main).toMatchObject(expected);
    const byName = await t.ok<{ catalogEntry: unknown }>(`{ catalogEntry(type: "Groups", name: "main") { ${ENTRY_FIELDS} } }`);
    expect(byName.catalogEntry).toEqual({ id: main.id, ...expected });
  });

  it("lists the types by name and finds one by id or by name", async () => {
    const data = await t.ok<{ catalogTypes: { id: string; name: string }[] }>(`{ catalogTypes { id name } }`);
    expect(names(data.catalogTypes)).toEqual(["Components", "Groups"]);
    const byId = await t.ok<{ catalogType: unknown }>(`query ($id: ID!) { catalogType(id: $id) { name } }`, { id: componentsId });
    expect(byId.catalogType).toEqual({ name: "Components" });
    expect((await t.ok<{ catalogType: unknown }>(`{ catalogType(name: "Nope") { name } }`)).catalogType).toBeNull();
  });
});

describe("catalog types", () => {
  let typeId: string;
  let ids: Record<string, string>;

  it("creates every kind of attribute, single or multiple, in the order given", async () => {
    await accepted(t, CREATE_TYPE, { input: { name: "Teams" } });
    const type = await accepted(t, CREATE_TYPE, {
      input: {
        name: "Services",
        attributes: [
          { name: "Owner", kind: "REFERENCE", referencedType: "Teams" },
          { name: "Depends on", kind: "REFERENCE", multiple: true, referencedType: "Services" },
          { name: "Notes", kind: "TEXT" },
          { name: "Domains", kind: "EMAIL_DOMAIN", multiple: true },
        ],
      },
    });
    expect(type).toMatchObject({ name: "Services", description: "", categories: [], ranked: false, referenceByName: false });
    expect(type.attributes).toEqual([
      attribute("Owner", "REFERENCE", false, "Teams"),
      attribute("Depends on", "REFERENCE", true, "Services"),
      attribute("Notes", "TEXT", false),
      attribute("Domains", "EMAIL_DOMAIN", true),
    ]);
    typeId = type.id!;
    ids = Object.fromEntries((type.attributes as { id: string; name: string }[]).map((a) => [a.name, a.id]));
  });

  it("updates the name, description, categories and flags", async () => {
    const type = await accepted(t, UPDATE_TYPE, {
      input: { id: typeId, name: "Systems", description: "What we run", categories: ["Services", "Infra"], ranked: true, referenceByName: true },
    });
    expect(type).toMatchObject({ name: "Systems", description: "What we run", categories: ["Services", "Infra"], ranked: true, referenceByName: true });
    expect(type.attributes).toHaveLength(4);
  });

  it("replaces the attribute list: keeps (and renames) those given by id, adds new ones, deletes the rest", async () => {
    const entry = await accepted(t, CREATE_ENTRY, {
      input: {
        typeId,
        name: "API",
        values: [
          { attribute: "Notes", values: ["behind the gateway"] },
          { attribute: "Domains", values: ["example.com"] },
        ],
      },
    });
    const type = await accepted(t, UPDATE_TYPE, {
      input: {
        id: typeId,
        attributes: [
          { id: ids.Notes, name: "Runbook notes", kind: "TEXT" },
          { name: "Tier", kind: "TEXT" },
          { id: ids.Owner, name: "Owner", kind: "REFERENCE", referencedType: "Teams" },
        ],
      },
    });
    expect(type.attributes).toEqual([
      { ...attribute("Runbook notes", "TEXT", false), id: ids.Notes },
      attribute("Tier", "TEXT", false),
      { ...attribute("Owner", "REFERENCE", false, "Teams"), id: ids.Owner },
    ]);
    const data = await t.ok<{ catalogEntry: { values: unknown } }>(`query ($id: ID!) { catalogEntry(id: $id) { values { attribute { name } texts } } }`, {
      id: entry.id,
    });
    expect(data.catalogEntry.values).toEqual([{ attribute: { name: "Runbook notes" }, texts: ["behind the gateway"] }]);
  });

  it("swaps two attributes' names in one update", async () => {
    const type = await accepted(t, UPDATE_TYPE, {
      input: {
        id: typeId,
        attributes: [
          { id: ids.Notes, name: "Owner", kind: "TEXT" },
          { id: ids.Owner, name: "Runbook notes", kind: "REFERENCE", referencedType: "Teams" },
        ],
      },
    });
    expect(type.attributes).toEqual([
      { ...attribute("Owner", "TEXT", false), id: ids.Notes },
      { ...attribute("Runbook notes", "REFERENCE", false, "Teams"), id: ids.Owner },
    ]);
  });

  it("deletes a type with its entries and returns what was deleted", async () => {
    const type = await accepted(t, CREATE_TYPE, {
      input: { name: "Scratch", ranked: true, attributes: [{ name: "Next", kind: "REFERENCE", referencedType: "Scratch" }] },
    });
    const first = await accepted(t, CREATE_ENTRY, { input: { typeId: type.id, name: "first" } });
    await accepted(t, CREATE_ENTRY, { input: { typeId: type.id, name: "second", values: [{ attribute: "Next", values: [first.id] }] } });
    await accepted(t, UPDATE_ENTRY, { input: { id: first.id, values: [{ attribute: "Next", values: [first.id] }] } });
    const deleted = await accepted(t, DELETE_TYPE, { id: type.id });
    expect(deleted).toMatchObject({ __typename: "CatalogType", id: type.id, name: "Scratch", ranked: true });
    expect(deleted.attributes).toEqual([attribute("Next", "REFERENCE", false, "Scratch")]);
    const data = await t.ok(`query ($id: ID!) { catalogType(id: $id) { name } catalogEntry(id: "${first.id}") { name } }`, { id: type.id });
    expect(data).toEqual({ catalogType: null, catalogEntry: null });
  });

  it("returns entries of a deleted type as they were", async () => {
    const type = await accepted(t, CREATE_TYPE, { input: { name: "Gone", attributes: [{ name: "Note", kind: "TEXT" }] } });
    await accepted(t, CREATE_ENTRY, { input: { typeId: type.id, name: "only", values: [{ attribute: "Note", values: ["bye"] }] } });
    const data = await t.ok<{ deleteCatalogType: unknown }>(
      `mutation ($id: ID!) { deleteCatalogType(id: $id) { ... on CatalogType { id name entries { name values { attribute { name } texts } } } } }`,
      {
        id: type.id,
      },
    );
    expect(data.deleteCatalogType).toEqual({
      id: type.id,
      name: "Gone",
      entries: [{ name: "only", values: [{ attribute: { name: "Note" }, texts: ["bye"] }] }],
    });
  });
});
