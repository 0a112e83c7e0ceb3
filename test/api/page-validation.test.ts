// Every refused input names the field and the rule, and leaves everything as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, UPDATE_PAGE, createEntry, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

// zod reports the slug and URL format checks (refinements in server/domain/limits.ts) as "custom".
const FORMAT = "format";

let t: TestApp;
let catalog: RunbookCatalog;
let c: Record<string, string>;
let existing: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t);
  c = catalog.components;
  await createEntry(t, { typeId: catalog.groupsTypeId, name: "extra" });
  existing = (await mutate(t, CREATE_PAGE, { input: { title: "Existing", slug: "existing", groups: [{ name: "All", components: [c.Chat] }] } })) as {
    id: string;
  };
});
afterAll(() => t.close());

const STATE = `{ statusPages { slug title theme logoUrl components { name } subPages { slug } } }`;
const customer = { kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components" };

async function expectRefused(mutation: string, input: Record<string, unknown>, issues: { field: string; rule: string }[]) {
  const before = await t.ok(STATE);
  const result = await mutate(t, mutation, { input });
  expect(result.__typename).toBe("ValidationError");
  expect(result.issues!.map(({ field, rule }) => ({ field, rule }))).toEqual(issues);
  expect(await t.ok(STATE)).toEqual(before);
}

describe("createStatusPage refuses", () => {
  type Input = Record<string, unknown> | ((c: Record<string, string>) => Record<string, unknown>);
  const cases: [string, Input, { field: string; rule: string }[]][] = [
    ["an empty title", { title: "   " }, [{ field: "input.title", rule: "too_short" }]],
    ["an over-long title", { title: "x".repeat(121) }, [{ field: "input.title", rule: "too_long" }]],
    ["a slug that is not lowercase words and dashes", { title: "A", slug: "Cust Support" }, [{ field: "input.slug", rule: FORMAT }]],
    ["a taken slug", { title: "A", slug: "existing" }, [{ field: "input.slug", rule: "unique" }]],
    ["a slug the service uses for its own paths", { title: "A", slug: "feed" }, [{ field: "input.slug", rule: "reserved" }]],
    ["a logo URL that is not http(s)", { title: "A", logoUrl: "ftp://example.com/logo.png" }, [{ field: "input.logoUrl", rule: FORMAT }]],
    ["a favicon URL with a script scheme", { title: "A", faviconUrl: "javascript:alert(1)" }, [{ field: "input.faviconUrl", rule: FORMAT }]],
    [
      "an unknown component, at its exact path",
      (c) => ({ title: "A", groups: [{ name: "G", components: [c.Chat, c.Forms, "nope"] }] }),
      [{ field: "input.groups.0.components.2", rule: "not_found" }],
    ],
    [
      "a component listed twice",
      (c) => ({ title: "A", components: [c.Chat], groups: [{ name: "G", components: [c.Forms, c.Chat] }] }),
      [{ field: "input.groups.0.components.1", rule: "duplicate" }],
    ],
    [
      "two groups with one name",
      (c) => ({
        title: "A",
        groups: [
          { name: "G", components: [c.Forms] },
          { name: "G", components: [c.Chat] },
        ],
      }),
      [{ field: "input.groups.1.name", rule: "duplicate" }],
    ],
    ["an empty group", { title: "A", groups: [{ name: "G", components: [] }] }, [{ field: "input.groups.0.components", rule: "too_short" }]],
    ["a customer type that does not exist", { title: "A", ...customer, customerType: "Customers" }, [{ field: "input.customerType", rule: "not_found" }]],
    [
      "a customer page without a type",
      { title: "A", kind: "CUSTOMER", componentsAttribute: "Components" },
      [{ field: "input.customerType", rule: "required" }],
    ],
    [
      "a components attribute that does not hold references",
      { title: "A", ...customer, componentsAttribute: "Email domains" },
      [{ field: "input.componentsAttribute", rule: "wrong_kind" }],
    ],
    [
      "an email-domains attribute that does not hold domains",
      { title: "A", ...customer, emailDomainsAttribute: "Components" },
      [{ field: "input.emailDomainsAttribute", rule: "wrong_kind" }],
    ],
    ["an attribute the type lacks", { title: "A", ...customer, componentsAttribute: "Parts" }, [{ field: "input.componentsAttribute", rule: "not_found" }]],
    ["components on a customer page", (c) => ({ title: "A", ...customer, components: [c.Chat] }), [{ field: "input.components", rule: "not_allowed" }]],
    ["a customer type on a public page", { title: "A", customerType: "Groups" }, [{ field: "input.customerType", rule: "not_allowed" }]],
    [
      "a sub-page for an entry of another type",
      { title: "A", ...customer, subPages: [{ entry: "Chat" }] },
      [{ field: "input.subPages.0.entry", rule: "not_found" }],
    ],
    [
      "one entry's sub-page given twice (by name and by id)",
      () => ({ title: "A", ...customer, subPages: [{ entry: "main" }, { entry: catalog.mainGroupId }] }),
      [{ field: "input.subPages.1.entry", rule: "duplicate" }],
    ],
    [
      "one URL for two sub-pages",
      {
        title: "A",
        ...customer,
        subPages: [
          { entry: "main", slug: "x" },
          { entry: "extra", slug: "x" },
        ],
      },
      [{ field: "input.subPages.1.slug", rule: "unique" }],
    ],
    [
      "a sub-page URL that is not a slug",
      { title: "A", ...customer, subPages: [{ entry: "main", slug: "/x" }] },
      [{ field: "input.subPages.0.slug", rule: FORMAT }],
    ],
  ];
  it.each(cases)("%s", (_name, input, issues) => expectRefused(CREATE_PAGE, typeof input === "function" ? input(c) : input, issues));
});

describe("updateStatusPage refuses", () => {
  it("a slug another page has", async () => {
    await mutate(t, CREATE_PAGE, { input: { title: "Other", slug: "other" } });
    await expectRefused(UPDATE_PAGE, { id: existing.id, slug: "other" }, [{ field: "input.slug", rule: "unique" }]);
  });

  it("a slug the service uses for its own paths", async () => {
    await expectRefused(UPDATE_PAGE, { id: existing.id, slug: "badge" }, [{ field: "input.slug", rule: "reserved" }]);
  });

  it("a layout with an unknown component", async () => {
    await expectRefused(UPDATE_PAGE, { id: existing.id, components: [c.Chat, "nope"] }, [{ field: "input.components.1", rule: "not_found" }]);
  });

  it("an empty title", async () => {
    await expectRefused(UPDATE_PAGE, { id: existing.id, title: "" }, [{ field: "input.title", rule: "too_short" }]);
  });

  it("a logo that is not a URL", async () => {
    await expectRefused(UPDATE_PAGE, { id: existing.id, logoUrl: "logo.png" }, [{ field: "input.logoUrl", rule: FORMAT }]);
  });

  it("groups on a customer page", async () => {
    const page = await mutate(t, CREATE_PAGE, { input: { title: "Customers", ...customer } });
    await expectRefused(UPDATE_PAGE, { id: page.id, groups: [{ name: "G", components: [c.Chat] }] }, [{ field: "input.groups", rule: "not_allowed" }]);
  });

  it("an unknown page", async () => {
    const result = await mutate(t, UPDATE_PAGE, { input: { id: "nope", title: "X" } });
    expect(result).toMatchObject({ __typename: "NotFoundError" });
  });
});

describe("generated page URLs", () => {
  it("never take a path the service uses itself", async () => {
    const page = (await mutate(t, CREATE_PAGE, { input: { title: "Feed", components: [c.Chat] } })) as { slug?: string };
    expect(page.slug).toBe("feed-2");
  });
});
