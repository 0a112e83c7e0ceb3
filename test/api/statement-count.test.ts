// The status-page query runs a fixed number of SQL statements however many
// components, incidents, updates and maintenance windows the page holds; once
// read, a page is shared by every request until it changes, operators' included.
import { stringifyDocument } from "@urql/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PageQuery } from "../../web/src/components/PublicPage.graphql.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, SCHEDULE_MAINTENANCE } from "../helpers/fixtures.js";

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

async function buildPage(components: number, incidents: number, maintenances: number, updatesEach = 0) {
  const ids = await createComponents(
    t,
    Array.from({ length: components }, (_, i) => `Component ${i}`),
  );
  const page = await createPage(t, ids);
  for (let i = 0; i < incidents; i++) {
    const id = await publishIncident(t, page.id, [{ componentId: ids[i % ids.length]!, impact: i % 2 ? "PARTIAL_OUTAGE" : "DEGRADED_PERFORMANCE" }]);
    for (let u = 0; u < updatesEach; u++) {
      await publishIncidentUpdate(t, id, { message: `Step ${u}.`, impacts: [{ componentId: ids[(i + u) % ids.length]!, impact: "PARTIAL_OUTAGE" }] });
    }
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

/** What the page query itself ran, the API key's look-up (and its occasional stamp) left out. */
const pageStatements = () => statements.filter((sql) => !/ApiKey|^\s*(BEGIN|COMMIT)\b/.test(sql)).length;

/** The web client's page query as an operator sends it: with an API key, so no shared cache answers it. */
async function asOperator(slug: string) {
  statements.length = 0;
  const { statusPage } = await t.ok<{ statusPage: { groups: { components: { status: string }[] }[]; incidents: { updates: unknown[] }[] } }>(
    stringifyDocument(PageQuery),
    { slug },
  );
  return { data: statusPage, statements: pageStatements() };
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
  expect(smallCount).toMatchInlineSnapshot(`8`);
});

it("runs the same statements however many updates the incidents have", async () => {
  const few = await buildPage(5, 3, 1);
  const many = await buildPage(5, 3, 1, 12);
  expect(await countStatements(many)).toBe(await countStatements(few));
});

it("answers operators' page queries from the page read once since it last changed", async () => {
  const small = await buildPage(3, 1, 1);
  const large = await buildPage(50, 20, 5, 3);
  const cold = [await asOperator(small), await asOperator(large)];
  expect(cold[1]!.statements).toBe(cold[0]!.statements);
  expect(cold[0]!.statements).toBeLessThanOrEqual(8);
  expect(cold[1]!.data.incidents).toHaveLength(20);
  expect(cold[1]!.data.incidents[0]!.updates).toHaveLength(4);
  // Read again: nothing but the key's look-up.
  const warm = await asOperator(large);
  expect(warm.statements).toBe(0);
  expect(warm.data).toEqual(cold[1]!.data);
  // A change is seen at once, read anew once.
  const { statusPage } = await t.ok<{ statusPage: { incidents: { id: string }[] } }>(
    `query ($slug: String!) { statusPage(slug: $slug) { incidents { id } } }`,
    { slug: large },
  );
  await publishIncidentUpdate(t, statusPage.incidents[0]!.id, { status: "RESOLVED", message: "Fixed." });
  const changed = await asOperator(large);
  expect(changed.data.incidents).toHaveLength(19);
  expect(changed.statements).toBe(cold[1]!.statements);
  expect((await asOperator(large)).statements).toBe(0);
});
