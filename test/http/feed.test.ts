// Atom feeds are polled by feed readers and dashboards: a public page's incident
// and maintenance updates, newest first, computed once per change to the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { element, entries, expectWellFormed, linkHref } from "../helpers/atom.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";

const PUBLIC_URL = "https://status.example.com/status";
const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let origin: string;
let api: string;
let page: PageRef;
let incidentId: string;
let maintenanceId: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql), publicUrl: PUBLIC_URL });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api], 'Acme <b> & "x"');
  incidentId = await publishIncident(t, page.id, [{ componentId: api, impact: "DEGRADED_PERFORMANCE" }], { name: "Elevated API errors" });
  clock.advance(5 * 60_000);
  const window = { startsAt: "2026-03-11T02:00:00Z", endsAt: "2026-03-11T03:00:00Z" };
  maintenanceId = await scheduleMaintenance(t, page.id, window, [{ componentId: api, impact: "UNDER_MAINTENANCE" }]);
  clock.advance(5 * 60_000);
  await publishIncidentUpdate(t, incidentId, { message: "Found it; the fix is **late**." });
  origin = new URL(await t.app.start(0)).origin;
});
afterAll(() => t.close());

async function feed(slug: string, init: RequestInit = {}, from = origin) {
  const before = statements.length;
  const res = await fetch(`${from}/feed/${slug}.atom`, init);
  return { res, xml: await res.text(), statements: statements.length - before };
}

async function updateIds() {
  const db = t.app.database.db;
  const order = { publishedAt: "asc" } as const;
  const incident = await db.incidentUpdate.findMany({ where: { incidentId }, orderBy: order, select: { id: true } });
  const maintenance = await db.maintenanceUpdate.findMany({ where: { maintenanceId }, orderBy: order, select: { id: true } });
  return { incident: incident.map((u) => u.id), maintenance: maintenance.map((u) => u.id) };
}

describe("a public page's feed", () => {
  it("lists every update, newest first, as well-formed Atom", async () => {
    const { res, xml } = await feed(page.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expectWellFormed(xml);

    expect(xml).toContain("<title>Acme &#60;b&#62; &#38; &#34;x&#34;</title>");
    expect(xml).not.toMatch(/<b>|<strong>|<p>/);
    expect(element(xml, "id")).toBe(`urn:statusgraph:page:${page.id}`);
    expect(element(xml, "updated")).toBe("2026-03-10T12:10:00.000Z");
    expect(linkHref(xml, "alternate")).toBe(`${PUBLIC_URL}/${page.slug}`);
    expect(linkHref(xml, "self")).toBe(`${PUBLIC_URL}/feed/${page.slug}.atom`);

    const ids = await updateIds();
    const list = entries(xml);
    expect(list.map(({ content: _, ...e }) => e)).toEqual([
      {
        id: `urn:statusgraph:incident-update:${ids.incident[1]}`,
        title: "Elevated API errors — Identified",
        published: "2026-03-10T12:10:00.000Z",
        updated: "2026-03-10T12:10:00.000Z",
        link: `${PUBLIC_URL}/${page.slug}`,
      },
      {
        id: `urn:statusgraph:maintenance-update:${ids.maintenance[0]}`,
        title: "Database upgrade — Scheduled",
        published: "2026-03-10T12:05:00.000Z",
        updated: "2026-03-10T12:05:00.000Z",
        link: `${PUBLIC_URL}/${page.slug}`,
      },
      {
        id: `urn:statusgraph:incident-update:${ids.incident[0]}`,
        title: "Elevated API errors — Investigating",
        published: "2026-03-10T12:00:00.000Z",
        updated: "2026-03-10T12:00:00.000Z",
        link: `${PUBLIC_URL}/${page.slug}`,
      },
    ]);
    // The message as the web client shows it: Markdown rendered by the server, carried escaped.
    expect(xml).toContain("&#60;strong&#62;late&#60;/strong&#62;");
    expect(list[0]!.content).toBe("<p>Found it; the fix is <strong>late</strong>.</p>");
    expect(list[1]!.content).toContain("2026-03-11T02:00:00Z – 2026-03-11T03:00:00Z");
    expect(list[1]!.content).toContain("<p>Upgrading the database.</p>");
  });

  it("is computed once, answered from memory with an ETag, and recomputed after an update", async () => {
    const first = await feed(page.slug);
    const etag = first.res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await feed(page.slug)).toMatchObject({ xml: first.xml, statements: 0 });
    const notModified = await feed(page.slug, { headers: { "if-none-match": etag } });
    expect(notModified).toMatchObject({ xml: "", statements: 0 });
    expect(notModified.res.status).toBe(304);
    expect(notModified.res.headers.get("etag")).toBe(etag);
    const head = await feed(page.slug, { method: "HEAD" });
    expect(head.xml).toBe("");
    expect(head.res.headers.get("content-length")).toBe(String(Buffer.byteLength(first.xml)));

    clock.advance(5 * 60_000);
    await publishIncidentUpdate(t, incidentId, { status: "MONITORING", message: "A fix is out." });
    const changed = await feed(page.slug, { headers: { "if-none-match": etag } });
    expect(changed.res.status).toBe(200);
    expect(changed.statements).toBeGreaterThan(0);
    expect(changed.res.headers.get("etag")).not.toBe(etag);
    expect(entries(changed.xml).map((e) => e.title)).toEqual([
      "Elevated API errors — Monitoring",
      "Elevated API errors — Identified",
      "Database upgrade — Scheduled",
      "Elevated API errors — Investigating",
    ]);
    expect(element(changed.xml, "updated")).toBe("2026-03-10T12:15:00.000Z");
  });

  it("drops deleted maintenance", async () => {
    await t.ok(`mutation ($id: ID!) { deleteMaintenance(id: $id) { __typename } }`, { id: maintenanceId });
    const { xml } = await feed(page.slug);
    expectWellFormed(xml);
    expect(entries(xml).map((e) => e.title)).not.toContain("Database upgrade — Scheduled");
    expect(entries(xml)).toHaveLength(3);
  });

  it("holds the newest 50 updates, loaded in a fixed number of statements", async () => {
    const busy = await createPage(t, [api]);
    const empty = await feed(busy.slug);
    expect(entries(empty.xml)).toEqual([]);
    const pageCreated = await t.app.database.db.statusPage.findUniqueOrThrow({ where: { id: busy.id } });
    expect(element(empty.xml, "updated")).toBe(pageCreated.createdAt.toISOString());

    const busyIncident = await publishIncident(t, busy.id, [{ componentId: api, impact: "PARTIAL_OUTAGE" }]);
    const start = clock.now().getTime();
    await t.app.database.db.incidentUpdate.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        incidentId: busyIncident,
        sequence: i + 2,
        status: "MONITORING" as const,
        message: `Update ${i + 1}`,
        publishedAt: new Date(start + (i + 1) * 60_000),
      })),
    });
    const { xml, statements: count } = await feed(busy.slug);
    expectWellFormed(xml);
    const list = entries(xml);
    expect(list).toHaveLength(50);
    expect(list[0]!.content).toBe("<p>Update 60</p>");
    expect(list[49]!.content).toBe("<p>Update 11</p>");
    expect(count).toBe(empty.statements);
  });
});

it("answers customer pages and unknown slugs alike, and only GET and HEAD", async () => {
  const catalog = await createRunbookCatalog(t, ["Zendesk"], "-feed");
  const customer = await mutate(t, CREATE_PAGE, {
    input: {
      title: "Customers",
      slug: "customers",
      kind: "CUSTOMER",
      customerType: "Groups-feed",
      componentsAttribute: "Components",
      emailDomainsAttribute: "Email domains",
    },
  });
  expect(customer.__typename, JSON.stringify({ customer, catalog })).toBe("StatusPage");
  const customerFeed = await feed("customers");
  const unknown = await feed("no-such-page");
  expect(customerFeed.res.status).toBe(404);
  expect({ status: unknown.res.status, body: unknown.xml, type: unknown.res.headers.get("content-type") }).toEqual({
    status: 404,
    body: customerFeed.xml,
    type: customerFeed.res.headers.get("content-type"),
  });
  for (const path of ["/feed/", "/feed/Acme.atom", `/feed/${page.slug}.rss`]) expect((await fetch(`${origin}${path}`)).status, path).toBe(404);

  const post = await feed(page.slug, { method: "POST" });
  expect(post.res.status).toBe(405);
  expect(post.res.headers.get("allow")).toBe("GET, HEAD");
});

describe("without PUBLIC_URL", () => {
  let bare: TestApp;
  let bareOrigin: string;
  let barePage: PageRef;
  beforeAll(async () => {
    bare = await createTestApp({ publicUrl: null });
    const [component] = await createComponents(bare, ["Web"]);
    barePage = await createPage(bare, [component!], "Bare");
    bareOrigin = new URL(await bare.app.start(0)).origin;
  });
  afterAll(() => bare.close());

  it("links to the host the feed was asked for", async () => {
    const { xml } = await feed(barePage.slug, {}, bareOrigin);
    expect(linkHref(xml, "alternate")).toBe(`${bareOrigin}/${barePage.slug}`);
    expect(linkHref(xml, "self")).toBe(`${bareOrigin}/feed/${barePage.slug}.atom`);
  });
});
