// The status-page query runs a fixed number of SQL statements however many
// components, incidents and maintenance windows the page holds.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, SCHEDULE_MAINTENANCE } from "../helpers/fixtures.js";

const PAGE_QUERY = /* GraphQL */ `
  query ($slug: String!) {
    statusPage(slug: $slug) {
      title
      summary { status sentence }
      groups { name components { id name status } }
      components { id name status }
      incidents { id name status updates { status message publishedAt impacts { name impact } } currentImpacts { name impact } }
      maintenances(state: UPCOMING) { id name status startsAt endsAt components { name impact } updates { message } }
    }
  }
`;

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;

async function buildPage(components: number, incidents: number, maintenances: number) {
  const ids = await createComponents(
    t,
    Array.from({ length: components }, (_, i) => `Component ${i}`),
  );
  const page = await createPage(t, ids);
  for (let i = 0; i < incidents; i++) {
    await publishIncident(t, page.id, [{ componentId: ids[i % ids.length]!, impact: i % 2 ? "PARTIAL_OUTAGE" : "DEGRADED_PERFORMANCE" }]);
  }
  for (let i = 0; i < maintenances; i++) {
    await t.ok(SCHEDULE_MAINTENANCE, {
      input: {
        pageId: page.id,
        name: `Window ${i}`,
        message: "Planned work.",
        startsAt: `2026-03-${11 + i}T01:00:00Z`,
        endsAt: `2026-03-${11 + i}T02:00:00Z`,
        components: [{ componentId: ids[i % ids.length], impact: "UNDER_MAINTENANCE" }],
      },
    });
  }
  return page.slug;
}

async function countStatements(slug: string): Promise<number> {
  statements.length = 0;
  // As the public reads it, so no credential lookup is counted.
  const data = await t.ok<{ statusPage: { components: unknown[] } }>(PAGE_QUERY, { slug }, { as: "anonymous" });
  expect(data.statusPage.components.length).toBeGreaterThan(0);
  return statements.length;
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
});
afterAll(() => t.close());

it("runs the same statements for 3 components and 1 incident as for 50 components and 20 incidents", async () => {
  const small = await buildPage(3, 1, 1);
  const large = await buildPage(50, 20, 5);
  const smallCount = await countStatements(small);
  const largeCount = await countStatements(large);
  if (process.env.SHOW_SQL) console.log(statements.map((s) => s.slice(0, 160)).join("\n"));
  expect(largeCount).toBe(smallCount);
  // Pinned: a change that adds a statement per row (N+1) or an extra round trip shows up here.
  expect(smallCount).toMatchInlineSnapshot(`18`);
});
