import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, createEntry, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

let t: TestApp;
let catalog: RunbookCatalog;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t);
});
afterAll(() => t.close());

const SUB_PAGE = /* GraphQL */ `
  query ($pageSlug: String!, $slug: String!) {
    subPage(pageSlug: $pageSlug, slug: $slug) {
      name slug url allowedEmailDomains
      page { title theme logoUrl }
      components { name status }
      summary { status sentence }
    }
  }
`;

const customerPage = (extra: Record<string, unknown> = {}) => ({
  title: "Customer Support Operations",
  kind: "CUSTOMER",
  customerType: "Groups",
  componentsAttribute: "Components",
  emailDomainsAttribute: "Email domains",
  theme: "DARK",
  logoUrl: "https://example.com/logo.png",
  ...extra,
});

describe("customer page, as the runbook creates it", () => {
  it("generates the URL from the title when none is given", async () => {
    const page = await mutate(t, CREATE_PAGE, { input: customerPage() });
    expect(page).toMatchObject({ __typename: "StatusPage", slug: "customer-support-operations", kind: "CUSTOMER", theme: "DARK" });
    expect(page.subPages).toEqual([{ id: expect.any(String), name: "main", slug: "main", url: "/customer-support-operations/main" }]);
  });

  it("takes a given URL and sets sub-page names and URLs at creation", async () => {
    const page = await mutate(t, CREATE_PAGE, {
      input: customerPage({ slug: "cust-support-ops", subPages: [{ entry: "main", name: "Main", slug: "main" }] }),
    });
    expect(page).toMatchObject({ __typename: "StatusPage", slug: "cust-support-ops", logoUrl: "https://example.com/logo.png" });
    expect(page.subPages).toMatchObject([{ name: "Main", slug: "main", url: "/cust-support-ops/main" }]);
  });

  it("shows the group's components, all operational, at /cust-support-ops/main", async () => {
    const data = await t.ok<{ subPage: unknown }>(SUB_PAGE, { pageSlug: "cust-support-ops", slug: "main" });
    expect(data.subPage).toEqual({
      name: "Main",
      slug: "main",
      url: "/cust-support-ops/main",
      allowedEmailDomains: ["gitlab.com"],
      page: { title: "Customer Support Operations", theme: "DARK", logoUrl: "https://example.com/logo.png" },
      components: ["Zendesk", "Chat", "Forms"].map((name) => ({ name, status: "OPERATIONAL" })),
      summary: { status: "OPERATIONAL", sentence: "All systems operational" },
    });
  });

  it("describes the page setup: customer type, attributes, sub-pages", async () => {
    const data = await t.ok<{ statusPage: unknown }>(`{ statusPage(slug: "cust-support-ops") {
      customerType { name } componentsAttribute { name kind } emailDomainsAttribute { name kind }
      components { name } groups { name } summary { sentence } subPage(slug: "main") { name }
    } }`);
    expect(data.statusPage).toEqual({
      customerType: { name: "Groups" },
      componentsAttribute: { name: "Components", kind: "REFERENCE" },
      emailDomainsAttribute: { name: "Email domains", kind: "EMAIL_DOMAIN" },
      components: [{ name: "Zendesk" }, { name: "Chat" }, { name: "Forms" }],
      groups: [],
      summary: { sentence: "All systems operational" },
      subPage: { name: "Main" },
    });
  });

  it("adds a sub-page for a new group entry, renames it with the entry, removes it with the entry", async () => {
    const support = await createEntry(t, {
      typeId: catalog.groupsTypeId,
      name: "Support",
      values: [
        { attribute: "Components", values: ["Chat"] },
        { attribute: "Email domains", values: ["example.com"] },
      ],
    });
    const subPages = async () =>
      (
        await t.ok<{ statusPage: { subPages: { name: string }[] } }>(
          `{ statusPage(slug: "cust-support-ops") { subPages { name slug components { name } allowedEmailDomains } } }`,
        )
      ).statusPage.subPages;
    expect(await subPages()).toEqual([
      { name: "Main", slug: "main", components: [{ name: "Zendesk" }, { name: "Chat" }, { name: "Forms" }], allowedEmailDomains: ["gitlab.com"] },
      { name: "Support", slug: "support", components: [{ name: "Chat" }], allowedEmailDomains: ["example.com"] },
    ]);

    const renamed = await mutate(t, `mutation ($input: UpdateCatalogEntryInput!) { updateCatalogEntry(input: $input) { __typename } }`, {
      input: { id: support.id, name: "Premium support" },
    });
    expect(renamed.__typename).toBe("CatalogEntry");
    expect((await subPages())[1]).toMatchObject({ name: "Premium support", slug: "support" });

    const deleted = await mutate(t, `mutation ($id: ID!) { deleteCatalogEntry(id: $id) { __typename } }`, { id: support.id });
    expect(deleted.__typename).toBe("CatalogEntry");
    expect((await subPages()).map((s) => s.name)).toEqual(["Main"]);
    expect((await t.ok<{ subPage: unknown }>(SUB_PAGE, { pageSlug: "cust-support-ops", slug: "support" })).subPage).toBeNull();
  });

  it("renames a sub-page and changes its URL, keeping URLs unique within the page", async () => {
    const { statusPage } = await t.ok<{ statusPage: { subPages: { id: string }[] } }>(
      `{ statusPage(slug: "customer-support-operations") { subPages { id } } }`,
    );
    const id = statusPage.subPages[0]!.id;
    const UPDATE = `mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) {
      __typename ... on SubPage { name slug url } ... on ValidationError { issues { field rule } } } }`;
    expect(await mutate(t, UPDATE, { input: { id, name: "Everyone", slug: "everyone" } })).toEqual({
      __typename: "SubPage",
      name: "Everyone",
      slug: "everyone",
      url: "/customer-support-operations/everyone",
    });
    expect(await mutate(t, UPDATE, { input: { id, slug: "Not A Slug" } })).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.slug", rule: expect.any(String) }],
    });
  });
});

describe("lists and deletes pages", () => {
  it("lists pages by title and finds them by slug", async () => {
    const data = await t.ok<{ statusPages: { slug: string }[]; missing: unknown }>(`{ statusPages { title slug } missing: statusPage(slug: "nope") { id } }`);
    expect(data.statusPages.map((p) => p.slug)).toEqual(["cust-support-ops", "customer-support-operations"]);
    expect(data.missing).toBeNull();
  });

  it("deletes a page with its sub-pages", async () => {
    const { statusPage } = await t.ok<{ statusPage: { id: string } }>(`{ statusPage(slug: "customer-support-operations") { id } }`);
    const deleted = await mutate(t, `mutation ($id: ID!) { deleteStatusPage(id: $id) { __typename ... on StatusPage { id slug title } } }`, {
      id: statusPage.id,
    });
    expect(deleted).toEqual({ __typename: "StatusPage", id: statusPage.id, slug: "customer-support-operations", title: "Customer Support Operations" });
    expect((await t.ok<{ statusPage: unknown }>(`{ statusPage(slug: "customer-support-operations") { id } }`)).statusPage).toBeNull();
    expect(await t.app.database.db.subPage.count({ where: { pageId: statusPage.id } })).toBe(0);
    const again = await mutate(t, `mutation ($id: ID!) { deleteStatusPage(id: $id) { __typename } }`, { id: statusPage.id });
    expect(again.__typename).toBe("NotFoundError");
  });
});
