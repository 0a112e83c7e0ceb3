// Two instances on one database and one Redis: a change made through either
// reaches the other's response cache, so neither serves the old page for long.
// Needs Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379): skipped locally
// without it, failing under CI.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";
import { get, PAGE_QUERY } from "./http.js";

const UPDATE = `mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`;

describeWith([await checkRedis()], "read cache across instances", () => {
  let a: TestApp;
  let b: TestApp;
  let page: PageRef;
  let incident: string;

  beforeAll(async () => {
    a = await createTestApp({ redisUrl: REDIS_URL });
    b = await createTestApp({ redisUrl: REDIS_URL, databaseUrl: a.app.database.target.url });
    const [api] = (await createComponents(a, ["API"])) as [string];
    page = await createPage(a, [api]);
    incident = await publishIncident(a, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }]);
  }, 30_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const statusOn = async (t: TestApp) => (await get(t, PAGE_QUERY, { slug: page.slug })).body!.data!.statusPage.incidents[0]?.status ?? "none";

  it("drops an instance's cached page when another instance changes it", async () => {
    expect(await statusOn(a)).toBe("INVESTIGATING");
    const { headers } = await get(a, PAGE_QUERY, { slug: page.slug });
    expect(headers.get("cache-control")).toBe("public, max-age=5");

    await b.ok(UPDATE, { input: { incidentId: incident, status: "IDENTIFIED", message: "Found it." } });
    // The event crosses Redis asynchronously; the server cache keeps an answer for a minute, so this proves the event did it.
    await vi.waitFor(async () => expect(await statusOn(a)).toBe("IDENTIFIED"), { timeout: 5_000, interval: 50 });
    const revalidated = await get(a, PAGE_QUERY, { slug: page.slug }, { "if-none-match": headers.get("etag")! });
    expect(revalidated.status).toBe(200);
  });

  it("drops the page another instance's operators read from when it changes there", async () => {
    const OPERATOR_QUERY = `query ($slug: String!) { statusPage(slug: $slug) { incidents { id status } } }`;
    const statusFor = async (t: TestApp) =>
      (await t.ok<{ statusPage: { incidents: { status: string }[] } }>(OPERATOR_QUERY, { slug: page.slug })).statusPage.incidents[0]?.status;
    const status = await statusFor(a);
    // Read once since the last change: the next read runs nothing of the page.
    expect(await statusFor(a)).toBe(status);
    await b.ok(UPDATE, { input: { incidentId: incident, status: "MONITORING", message: "Watching." } });
    // Snapshots are kept for a minute unless a change drops them: this proves the event did.
    await vi.waitFor(async () => expect(await statusFor(a)).toBe("MONITORING"), { timeout: 5_000, interval: 50 });
    // Back to where the next test expects it.
    await b.ok(UPDATE, { input: { incidentId: incident, status: "IDENTIFIED", message: "Found it." } });
  });

  it("does so in both directions", async () => {
    expect(await statusOn(b)).toBe("IDENTIFIED");
    await a.ok(UPDATE, { input: { incidentId: incident, status: "RESOLVED", message: "Fixed." } });
    await vi.waitFor(async () => expect(await statusOn(b)).toBe("none"), { timeout: 5_000, interval: 50 });
  });
});
