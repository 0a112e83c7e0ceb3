// Anonymous reads of a public page: computed once per change, revalidated with
// ETags, and fresh again as soon as the page changes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { get, PAGE_QUERY, post } from "./http.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let page: PageRef;
let api: string;
let incident: string;

const UPDATE = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }
`;

async function update(status: string, message: string): Promise<void> {
  const { publishIncidentUpdate } = await t.ok<{ publishIncidentUpdate: { __typename: string } }>(UPDATE, { input: { incidentId: incident, status, message } });
  expect(publishIncidentUpdate.__typename).toBe("IncidentPublication");
}

/** Statements the block runs. */
async function counting(block: () => Promise<unknown>): Promise<number> {
  const before = statements.length;
  await block();
  return statements.length - before;
}

const read = () => get(t, PAGE_QUERY, { slug: page.slug });

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  [api] = (await createComponents(t, ["API", "Dashboard"])) as [string];
  page = await createPage(t, [api]);
  incident = await publishIncident(t, page.id, [{ componentId: api, impact: "PARTIAL_OUTAGE" }], { name: "Slow API" });
});
afterAll(() => t.close());

it("runs the page's statements once for 50 identical GETs, and once more after a change", async () => {
  const first = await counting(read);
  expect(first).toBeGreaterThan(0);
  const rest = await counting(async () => {
    for (let i = 0; i < 49; i++) expect((await read()).body!.data!.statusPage.incidents[0].status).toBe("INVESTIGATING");
  });
  expect(rest).toBe(0);

  await update("IDENTIFIED", "Found it.");
  let fresh!: Awaited<ReturnType<typeof read>>;
  expect(await counting(async () => void (fresh = await read()))).toBe(first);
  expect(fresh.body!.data!.statusPage.incidents[0].status).toBe("IDENTIFIED");
  expect(await counting(async () => void (await Promise.all(Array.from({ length: 49 }, read))))).toBe(0);
});

it("marks public answers cacheable for 5 seconds, with a validator", async () => {
  const answer = await read();
  expect(answer.status).toBe(200);
  expect(answer.headers.get("cache-control")).toBe("public, max-age=5");
  expect(answer.headers.get("vary")).toBe("Authorization, Cookie");
  expect(answer.headers.get("etag")).toMatch(/^"[\w-]+"$/);
});

it("answers If-None-Match with 304 while the page is unchanged, and with the new page after a change", async () => {
  const { headers } = await read();
  const etag = headers.get("etag")!;
  const revalidated = await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": etag });
  expect(revalidated.status).toBe(304);
  expect(revalidated.body).toBeNull();
  expect(revalidated.headers.get("etag")).toBe(etag);
  expect(revalidated.headers.get("cache-control")).toBe("public, max-age=5");

  await update("MONITORING", "A fix is out.");
  const changed = await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": etag });
  expect(changed.status).toBe(200);
  expect(changed.body!.data!.statusPage.incidents[0].status).toBe("MONITORING");
  expect(changed.headers.get("etag")).not.toBe(etag);
  // Once stored, the new version revalidates under its own ETag, and the old one still does not match.
  expect((await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": changed.headers.get("etag")! })).status).toBe(304);
  expect((await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": etag })).status).toBe(200);
});

it("never answers a revalidation that carries credentials from the shared cache", async () => {
  const { headers } = await read();
  const etag = headers.get("etag")!;
  expect((await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": etag })).status).toBe(304);
  const withKey = await get(t, PAGE_QUERY, { slug: page.slug }, { "if-none-match": etag, authorization: `Bearer ${t.adminKey}` });
  expect(withKey.status).toBe(200);
  expect(withKey.headers.get("cache-control")).toBe("private, no-store");
  expect(withKey.headers.get("etag")).toBeNull();
});

it("records the page even when the query does not select its id", async () => {
  const query = `query ($slug: String!) { statusPage(slug: $slug) { summary { status } incidents { status } } }`;
  expect((await get(t, query, { slug: page.slug })).body!.data!.statusPage.incidents[0].status).toBe("MONITORING");
  await update("RESOLVED", "All good.");
  expect((await get(t, query, { slug: page.slug })).body!.data!.statusPage).toEqual({ summary: { status: "OPERATIONAL" }, incidents: [] });
});

it("answers a page created after a miss was cached", async () => {
  const query = `{ statusPage(slug: "later") { title } }`;
  expect((await get(t, query)).body!.data!.statusPage).toBeNull();
  await t.ok(`mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename } }`, {
    input: { title: "Later", slug: "later", kind: "PUBLIC", components: [api] },
  });
  expect((await get(t, query)).body!.data!.statusPage).toEqual({ title: "Later" });
});

it("serves POSTs from the same cache, but tells HTTP caches not to store them", async () => {
  await read();
  let answer!: Awaited<ReturnType<typeof post>>;
  expect(await counting(async () => void (answer = await post(t, { query: PAGE_QUERY, variables: { slug: page.slug } })))).toBe(0);
  expect(answer.headers.get("cache-control")).toBe("private, no-store");
  expect(answer.headers.get("etag")).toBeNull();
});

it("never stores answers with errors", async () => {
  // Operator-only field on a public page: data with an error for an anonymous caller.
  const partial = `query ($slug: String!) { statusPage(slug: $slug) { title customerType { name } } }`;
  const first = await get(t, partial, { slug: page.slug });
  expect(first.body!.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  expect(first.headers.get("cache-control")).toBe("private, no-store");
  expect(first.headers.get("etag")).toBeNull();
  expect(await counting(() => get(t, partial, { slug: page.slug }))).toBeGreaterThan(0);
});

it("stores answers up to the size bound only; larger ones are served, then computed anew", async () => {
  const small = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql), limits: { responseCacheMaxBytes: 2_000 } });
  try {
    const ids = await createComponents(small, ["A", "B", "C", "D", "E"]);
    const { slug } = await createPage(small, ids);
    const ask = (query: string) => get(small, query, { slug });
    const count = async (query: string) => counting(() => ask(query));
    // About 300 bytes; and 5 components × 30 days of `{"date":"…"}`, about 3.3 KB. Both cost far under the cache's 2,500.
    const brief = `query ($slug: String!) { statusPage(slug: $slug) { title components { name status } } }`;
    const long = `query ($slug: String!) { statusPage(slug: $slug) { components { name uptime(days: 30) { days { date } } } } }`;

    expect(await count(brief)).toBeGreaterThan(0);
    expect(await count(brief)).toBe(0);

    const first = await ask(long);
    expect(JSON.stringify(first.body!.data).length).toBeGreaterThan(2_000);
    expect(first.body!.data!.statusPage.components).toHaveLength(5);
    // Still a public answer for HTTP caches, but without a validator this server could honour.
    expect(first.headers.get("cache-control")).toBe("public, max-age=5");
    expect(first.headers.get("etag")).toBeNull();
    expect(await count(long)).toBeGreaterThan(0);
    expect((await ask(long)).body).toEqual(first.body);
  } finally {
    await small.close();
  }
});
