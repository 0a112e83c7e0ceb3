// Serving a page's Statuspage-compatible JSON: once per change, with validators, to
// any site, never for a customer page; and the `api` slug kept free for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";
import { type Answer, httpGetter } from "../helpers/http-get.js";

const clock = testClock("2026-03-10T13:00:00Z");
const statements: string[] = [];
let t: TestApp;
let origin: string;
let c: Record<"website" | "rest" | "database", string>;
let ongoing: string;
let pageId: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql), defaultPage: "acme" });
  const [website, rest, database] = await createComponents(t, ["Website", "REST API", "Database"]);
  c = { website: website!, rest: rest!, database: database! };
  const groups = [
    { name: "API", components: [c.rest] },
    { name: "Storage", components: [c.database] },
  ];
  const page = await mutate(t, CREATE_PAGE, { input: { title: "Acme", slug: "acme", kind: "PUBLIC", components: [c.website], groups } });
  pageId = page.id!;
  ongoing = await publishIncident(t, pageId, [{ componentId: c.rest, impact: "FULL_OUTAGE" }], { name: "API errors" });
  origin = new URL(await t.app.start(0)).origin;
});
afterAll(() => t.close());

const { get, json } = httpGetter(() => origin, statements);

const at = (time: string) => `2026-03-10T${time}:00.000Z`;

describe("serving", () => {
  it("computes a page's documents once per change: no SQL on repeat requests, fresh ones after a change", async () => {
    await get("/acme/api/v2/summary.json");
    for (const path of ["summary", "status", "components", "incidents", "scheduled-maintenances/active"]) {
      expect((await get(`/acme/api/v2/${path}.json`)).statements, path).toBe(0);
    }
    expect((await get("/api/v2/status.json")).statements).toBe(0);

    clock.set("2026-03-10T13:40:00Z");
    await publishIncidentUpdate(t, ongoing, {
      status: "MONITORING",
      message: "A fix is out.",
      impacts: [{ componentId: c.rest, impact: "DEGRADED_PERFORMANCE" }],
    });
    const changed = await get("/acme/api/v2/summary.json");
    expect(changed.statements).toBeGreaterThan(0);
    const summary = JSON.parse(changed.text);
    expect(summary.incidents[0]).toMatchObject({ status: "monitoring", monitoring_at: at("13:40"), updated_at: at("13:40"), impact: "critical" });
    expect(summary.incidents[0].incident_updates[0].affected_components).toEqual([
      { code: c.rest, name: "REST API", old_status: "major_outage", new_status: "degraded_performance" },
    ]);
    expect(summary.components.find((x: { id: string }) => x.id === c.rest).status).toBe("degraded_performance");
    expect(summary.status).toEqual({ indicator: "minor", description: "Partially Degraded Service" });
    expect((await get("/acme/api/v2/summary.json")).statements).toBe(0);
  });

  it("reads a page in a fixed number of statements, however many incidents and updates it holds", async () => {
    await publishIncidentUpdate(t, ongoing, { status: "MONITORING", message: "Still watching." });
    const few = (await get("/acme/api/v2/summary.json")).statements;
    for (let i = 0; i < 3; i++) {
      const id = await publishIncident(t, pageId, [{ componentId: c.website, impact: "DEGRADED_PERFORMANCE" }], { name: `Blip ${i}` });
      await publishIncidentUpdate(t, id, { status: "RESOLVED", message: "Gone." });
    }
    const many = await get("/acme/api/v2/incidents.json");
    expect(JSON.parse(many.text).incidents).toHaveLength(4);
    expect(many.statements).toBe(few);
  });

  it("renames a component once the catalog changes", async () => {
    await t.ok(`mutation ($input: UpdateCatalogEntryInput!) { updateCatalogEntry(input: $input) { __typename } }`, {
      input: { id: c.database, name: "Primary database" },
    });
    const { components } = await json("/acme/api/v2/components.json");
    expect(components.find((x: { id: string }) => x.id === c.database).name).toBe("Primary database");
  });

  it("answers a known ETag with 304, and HEAD with headers only", async () => {
    const first = await get("/acme/api/v2/summary.json");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=30");
    const again = await get("/acme/api/v2/summary.json", { headers: { "if-none-match": etag } });
    expect(again).toMatchObject({ status: 304, text: "", statements: 0 });
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    expect((await get("/acme/api/v2/status.json", { headers: { "if-none-match": etag } })).status).toBe(200);
    const head = await get("/acme/api/v2/summary.json", { method: "HEAD" });
    expect(head).toMatchObject({ status: 200, text: "" });
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(first.text)));
  });

  it("lets any site read the documents (CORS *), preflight included", async () => {
    const res = await get("/acme/api/v2/summary.json", { headers: { origin: "https://dashboard.example.org" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await get("/acme/api/v2/summary.json", {
      method: "OPTIONS",
      headers: { origin: "https://dashboard.example.org", "access-control-request-method": "GET", "access-control-request-headers": "x-requested-with" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("x-requested-with");
    expect((await get("/acme/api/v2/summary.json", { method: "POST", body: "{}" })).status).toBe(405);
  });

  it("serves no customer page, to anyone: the same 404 as an unknown page", async () => {
    await createRunbookCatalog(t);
    const customer = await mutate(t, CREATE_PAGE, {
      input: { title: "Customers", slug: "customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components" },
    });
    expect(customer.__typename).toBe("StatusPage");
    const unknown = await get("/no-such-page/api/v2/summary.json");
    const stable = (a: Answer) => ({ status: a.status, text: a.text, headers: [...a.headers].filter(([name]) => name !== "date" && name !== "x-request-id") });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
    for (const path of ["summary", "status", "components", "incidents", "scheduled-maintenances"]) {
      expect(stable(await get(`/customers/api/v2/${path}.json`))).toEqual(stable(await get(`/no-such-page/api/v2/${path}.json`)));
    }
    // Not even with the operator's key or a session cookie.
    const withKey = await get("/customers/api/v2/summary.json", { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(stable(withKey)).toEqual(stable(unknown));
    expect((await get("/customers/api/v2/summary.json", { headers: { cookie: "sg_session=anything" } })).status).toBe(404);
  });

  it("answers unknown documents and paths under api/ with a JSON 404, never the web client", async () => {
    for (const path of ["/acme/api/v2/nothing.json", "/acme/api/v1/summary.json", "/acme/api/v2/summary", "/api/v2/incidents/none.json", "/acme/api"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
    }
  });
});

describe("the api slug", () => {
  it("is refused for a page, so /api/v2/… cannot be shadowed", async () => {
    const result = await mutate(t, CREATE_PAGE, { input: { title: "Api", slug: "api", kind: "PUBLIC", components: [c.website] } });
    expect(result).toMatchObject({ __typename: "ValidationError", issues: [{ field: "input.slug", rule: "reserved" }] });
    const generated = await mutate(t, CREATE_PAGE, { input: { title: "API", kind: "PUBLIC", components: [c.website] } });
    expect(generated).toMatchObject({ __typename: "StatusPage", slug: "api-2" });
  });

  it("is refused for a sub-page, and generated sub-page slugs skip it", async () => {
    const catalog = await createRunbookCatalog(t, ["Alpha"], "-subpages");
    const created = await mutate(t, CREATE_PAGE, {
      input: {
        title: "Clients",
        slug: "clients",
        kind: "CUSTOMER",
        customerType: "Groups-subpages",
        componentsAttribute: "Components",
        subPages: [{ entry: "main", slug: "api" }],
      },
    });
    expect(created).toMatchObject({ __typename: "ValidationError", issues: [{ field: "input.subPages.0.slug", rule: "reserved" }] });
    const page = await mutate(t, CREATE_PAGE, {
      input: { title: "Clients", slug: "clients", kind: "CUSTOMER", customerType: "Groups-subpages", componentsAttribute: "Components" },
    });
    const main = (page.subPages as { id: string; slug: string }[])[0]!;
    const renamed = await mutate(
      t,
      `mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) { __typename ... on ValidationError { issues { field rule } } } }`,
      {
        input: { id: main.id, slug: "api" },
      },
    );
    expect(renamed).toMatchObject({ __typename: "ValidationError", issues: [{ field: "input.slug", rule: "reserved" }] });
    // An entry named "API" gets a sub-page, but not at /clients/api.
    await t.ok(`mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { __typename } }`, {
      input: { typeId: catalog.groupsTypeId, name: "API" },
    });
    const { statusPage } = await t.ok<{ statusPage: { subPages: unknown } }>(`{ statusPage(slug: "clients") { subPages { name slug } } }`);
    expect(statusPage.subPages).toContainEqual({ name: "API", slug: "api-2" });
  });
});
