// Bad catalog input and refused deletes: each answers with a typed error naming the
// field and the rule (or what still uses the target), and changes nothing at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { accepted, CREATE_ENTRY, CREATE_TYPE, DELETE_ENTRY, DELETE_TYPE, RANK_ENTRIES, refused, UPDATE_ENTRY, UPDATE_TYPE } from "../helpers/catalog.js";
import { createPage, publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

let t: TestApp;
let catalog: RunbookCatalog;
const extra: Record<string, string> = {};
let hosts: string;
let services: string;
let notes: string;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t);
  for (const name of ["Portal", "Docs", "Status API"]) {
    extra[name] = (await accepted(t, CREATE_ENTRY, { input: { typeId: catalog.componentsTypeId, name } })).id!;
  }
  await mutate(t, CREATE_PAGE, {
    input: { title: "Acme", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
  });
  const page = await createPage(t, Object.values(extra), "Acme Public");
  await publishIncident(t, page.id, [{ componentId: extra.Docs!, impact: "FULL_OUTAGE" }], { name: "Chat is down" });
  const window = { startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-01T02:00:00Z" };
  await scheduleMaintenance(t, page.id, window, [{ componentId: extra["Status API"]!, impact: "UNDER_MAINTENANCE" }]);
  hosts = (await accepted(t, CREATE_TYPE, { input: { name: "Hosts" } })).id!;
  for (const name of ["db", "db"]) await accepted(t, CREATE_ENTRY, { input: { typeId: hosts, name } });
  const type = await accepted(t, CREATE_TYPE, {
    input: {
      name: "Services",
      attributes: [
        { name: "Notes", kind: "TEXT" },
        { name: "Tags", kind: "TEXT", multiple: true },
      ],
    },
  });
  services = type.id!;
  notes = (type.attributes as { id: string }[])[0]!.id;
  await accepted(t, CREATE_ENTRY, {
    input: {
      typeId: services,
      name: "API",
      values: [
        { attribute: "Notes", values: ["x"] },
        { attribute: "Tags", values: ["a", "b"] },
      ],
    },
  });
});
afterAll(() => t.close());

const long = "x".repeat(121);
const issue = (field: string, rule: string) => ({ field, rule });
const expectIssues = async (query: string, variables: Record<string, unknown>, ...issues: { field: string; rule: string }[]) =>
  expect(await refused(t, query, variables)).toMatchObject({ __typename: "ValidationError", issues });
const expectInUse = async (query: string, id: string, usedBy: string[]) =>
  expect(await refused(t, query, { id })).toMatchObject({ __typename: "InUseError", usedBy });

describe("catalog types refuse bad input", () => {
  it("empty and over-long names", async () => {
    await expectIssues(CREATE_TYPE, { input: { name: "  " } }, issue("input.name", "too_short"));
    await expectIssues(CREATE_TYPE, { input: { name: long } }, issue("input.name", "too_long"));
    await expectIssues(UPDATE_TYPE, { input: { id: hosts, name: "" } }, issue("input.name", "too_short"));
    await expectIssues(CREATE_TYPE, { input: { name: "Ok", attributes: [{ name: long, kind: "TEXT" }] } }, issue("input.attributes.0.name", "too_long"));
  });

  it("a name another type has", async () => {
    await expectIssues(CREATE_TYPE, { input: { name: "Components" } }, issue("input.name", "unique"));
    await expectIssues(UPDATE_TYPE, { input: { id: hosts, name: "Groups" } }, issue("input.name", "unique"));
  });

  it("a REFERENCE attribute without, or with an unknown, referenced type — writing nothing of the type", async () => {
    const text = { name: "Notes", kind: "TEXT" };
    await expectIssues(
      CREATE_TYPE,
      { input: { name: "New", attributes: [text, { name: "Ref", kind: "REFERENCE" }] } },
      issue("input.attributes.1.referencedType", "required"),
    );
    await expectIssues(
      CREATE_TYPE,
      { input: { name: "New", attributes: [text, { name: "Ref", kind: "REFERENCE", referencedType: "Nope" }] } },
      issue("input.attributes.1.referencedType", "not_found"),
    );
    await expectIssues(CREATE_TYPE, { input: { name: "New", attributes: [text, text] } }, issue("input.attributes.1.name", "unique"));
  });

  it("reference by name while entries share a name", async () => {
    await expectIssues(UPDATE_TYPE, { input: { id: hosts, referenceByName: true, description: "changed" } }, issue("input.referenceByName", "unique"));
  });

  it("changing an attribute's kind, referenced type or multiplicity while it has values", async () => {
    const tags = { name: "Tags", kind: "TEXT", multiple: true };
    await expectIssues(
      UPDATE_TYPE,
      { input: { id: services, name: "Renamed", attributes: [{ id: notes, name: "Notes", kind: "EMAIL_DOMAIN" }, tags] } },
      issue("input.attributes.0.kind", "in_use"),
    );
    await expectIssues(
      UPDATE_TYPE,
      { input: { id: services, attributes: [{ id: notes, name: "Notes", kind: "REFERENCE", referencedType: "Hosts" }, tags] } },
      issue("input.attributes.0.kind", "in_use"),
    );
    const tagsId = (await t.ok<{ catalogType: { attributes: { id: string }[] } }>(`{ catalogType(name: "Services") { attributes { id } } }`)).catalogType
      .attributes[1]!.id;
    await expectIssues(
      UPDATE_TYPE,
      {
        input: {
          id: services,
          attributes: [
            { id: notes, name: "Notes", kind: "TEXT" },
            { ...tags, id: tagsId, multiple: false },
          ],
        },
      },
      issue("input.attributes.1.multiple", "in_use"),
    );
    await expectIssues(
      UPDATE_TYPE,
      { input: { id: services, attributes: [{ id: hosts, name: "Notes", kind: "TEXT" }] } },
      issue("input.attributes.0.id", "not_found"),
    );
  });

  it("deleting an attribute a status page uses — undoing the deletes before it", async () => {
    const { catalogType } = await t.ok<{ catalogType: { attributes: { id: string; name: string; kind: string; multiple: boolean }[] } }>(
      `{ catalogType(name: "Groups") { attributes { id name kind multiple } } }`,
    );
    const [components, domains] = catalogType.attributes;
    const kept = [{ ...components, referencedType: "Components" }, domains];
    await accepted(t, UPDATE_TYPE, { input: { id: catalog.groupsTypeId, attributes: [{ name: "Notes", kind: "TEXT" }, ...kept] } });
    // Notes (first) is deleted before the refusal of Components; the refusal undoes it.
    const input = { id: catalog.groupsTypeId, description: "changed", attributes: [kept[1]] };
    expect(await refused(t, UPDATE_TYPE, { input })).toMatchObject({ __typename: "InUseError", usedBy: ['status page "Acme"'] });
  });

  it("deleting a type whose entries, or which itself, something uses", async () => {
    await expectInUse(DELETE_TYPE, catalog.componentsTypeId, [
      'attribute "Components" of type "Groups"',
      'entry "main" (attribute "Components")',
      'status page "Acme Public"',
      'incident "Chat is down"',
      'maintenance "Database upgrade"',
    ]);
    await expectInUse(DELETE_TYPE, catalog.groupsTypeId, ['status page "Acme"']);
    expect(await refused(t, DELETE_TYPE, { id: "nope" })).toMatchObject({ __typename: "NotFoundError", resource: "catalog type" });
  });
});

describe("catalog entries refuse bad input", () => {
  const entry = (name: string, values: unknown[] = [], typeId = catalog.groupsTypeId) => ({ input: { typeId, name, values } });
  const components = (values: string[]) => [{ attribute: "Components", values }];

  it("empty and over-long names", async () => {
    await expectIssues(CREATE_ENTRY, entry(""), issue("input.name", "too_short"));
    await expectIssues(CREATE_ENTRY, entry(long), issue("input.name", "too_long"));
    await expectIssues(UPDATE_ENTRY, { input: { id: catalog.mainGroupId, name: " " } }, issue("input.name", "too_short"));
    await expectIssues(UPDATE_ENTRY, { input: { id: catalog.mainGroupId, name: long } }, issue("input.name", "too_long"));
  });

  it("a name another entry has, when the type references entries by name", async () => {
    await expectIssues(CREATE_ENTRY, entry("main"), issue("input.name", "unique"));
    await expectIssues(CREATE_ENTRY, entry(" main "), issue("input.name", "unique"));
    await expectIssues(UPDATE_ENTRY, { input: { id: extra.Docs, name: "Zendesk" } }, issue("input.name", "unique"));
  });

  it("email domains that are not domains", async () => {
    const bad = ["https://gitlab.com", "gitlab", "*.gitlab.com", "user@gitlab.com", "gitlab .com"];
    await expectIssues(
      CREATE_ENTRY,
      entry("new", [...components(["Chat"]), { attribute: "Email domains", values: ["gitlab.com", ...bad] }]),
      ...bad.map((_, i) => issue(`input.values.1.values.${i + 1}`, "domain")),
    );
  });

  it("email domains with hidden characters, or URL syntax a host parser would cut off", async () => {
    const bad = ["gitlab\u202E.com", "git\u2066lab.com", "git\u200Dlab.com", "gitlab\r\n.com", "evil.com#.gitlab.com", "git%6Cab.com", "xn--zz.com"];
    await expectIssues(
      CREATE_ENTRY,
      entry("new", [{ attribute: "Email domains", values: ["gitlab.com", ...bad] }]),
      ...bad.map((_, i) => issue(`input.values.0.values.${i + 1}`, "domain")),
    );
    // NUL is refused in any argument before the domain rule looks at it.
    await expectIssues(
      CREATE_ENTRY,
      entry("new", [{ attribute: "Email domains", values: ["gitlab.com\u0000"] }]),
      issue("input.values.0.values.0", "control_character"),
    );
  });

  it("references to entries of another type, or to none", async () => {
    await expectIssues(CREATE_ENTRY, entry("new", components(["Chat", catalog.mainGroupId])), issue("input.values.0.values.1", "wrong_type"));
    await expectIssues(CREATE_ENTRY, entry("new", components(["main"])), issue("input.values.0.values.0", "wrong_type"));
    await expectIssues(UPDATE_ENTRY, { input: { id: catalog.mainGroupId, values: components(["Nope"]) } }, issue("input.values.0.values.0", "not_found"));
  });

  it("several values for a single-valued attribute, an unknown attribute, a duplicate value", async () => {
    await expectIssues(CREATE_ENTRY, entry("new", [{ attribute: "Notes", values: ["a", "b"] }], services), issue("input.values.0.values", "single"));
    await expectIssues(CREATE_ENTRY, entry("new", [{ attribute: "Nope", values: [] }]), issue("input.values.0.attribute", "not_found"));
    await expectIssues(CREATE_ENTRY, entry("new", components(["Chat", "Chat"])), issue("input.values.0.values.1", "duplicate"));
    await expectIssues(
      CREATE_ENTRY,
      entry("new", [{ attribute: "Email domains", values: ["gitlab.com", "GitLab.com"] }]),
      issue("input.values.0.values.1", "duplicate"),
    );
    await expectIssues(
      CREATE_ENTRY,
      entry("new", [{ attribute: "Email domains", values: ["bücher.example", "xn--bcher-kva.example."] }]),
      issue("input.values.0.values.1", "duplicate"),
    );
  });

  it("a rank below 0 or for a type that is not ranked, and an unknown type", async () => {
    await expectIssues(CREATE_ENTRY, { input: { typeId: catalog.componentsTypeId, name: "new", rank: -1 } }, issue("input.rank", "too_small"));
    await expectIssues(UPDATE_ENTRY, { input: { id: extra.Docs, rank: -1 } }, issue("input.rank", "too_small"));
    await expectIssues(CREATE_ENTRY, { input: { typeId: hosts, name: "new", rank: 0 } }, issue("input.rank", "not_allowed"));
    const { catalogType } = await t.ok<{ catalogType: { entries: { id: string }[] } }>(`{ catalogType(name: "Hosts") { entries { id } } }`);
    const entryIds = catalogType.entries.map((e) => e.id);
    await expectIssues(UPDATE_ENTRY, { input: { id: entryIds[0], rank: 1 } }, issue("input.rank", "not_allowed"));
    await expectIssues(RANK_ENTRIES, { typeId: hosts, entryIds }, issue("typeId", "not_allowed"));
    await expectIssues(CREATE_ENTRY, entry("new", [], "nope"), issue("input.typeId", "not_found"));
  });

  it("an order that is not every entry of the type once", async () => {
    const { catalogType } = await t.ok<{ catalogType: { entries: { id: string }[] } }>(`{ catalogType(name: "Components") { entries { id } } }`);
    const ids = catalogType.entries.map((e) => e.id);
    for (const entryIds of [ids.slice(1), [...ids.slice(1), ids[1]], [...ids.slice(1), catalog.mainGroupId]]) {
      await expectIssues(RANK_ENTRIES, { typeId: catalog.componentsTypeId, entryIds }, issue("entryIds", "permutation"));
    }
  });

  it("deleting an entry something uses, saying what", async () => {
    await expectInUse(DELETE_ENTRY, catalog.components.Zendesk!, ['entry "main" (attribute "Components")']);
    await expectInUse(DELETE_ENTRY, extra.Portal!, ['status page "Acme Public"']);
    await expectInUse(DELETE_ENTRY, extra.Docs!, ['status page "Acme Public"', 'incident "Chat is down"']);
    await expectInUse(DELETE_ENTRY, extra["Status API"]!, ['status page "Acme Public"', 'maintenance "Database upgrade"']);
    expect(await refused(t, DELETE_ENTRY, { id: "nope" })).toMatchObject({ __typename: "NotFoundError", resource: "catalog entry" });
  });
});
