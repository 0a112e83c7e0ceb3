// An operation's cost counts the sizes of the lists it asks for, before it runs:
// a query that would compute megabytes is refused without a single statement,
// the web client's own queries stay well under the limit, and expensive queries
// without an API key are counted per client address.
import { stringifyDocument } from "@urql/core";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationCost } from "../../server/plugins/query-cost.js";
import { schema } from "../../server/schema/index.js";
import { PublicHistoryQuery, SubPageHistoryQuery } from "../../web/src/components/IncidentHistory.js";
import { PageQuery } from "../../web/src/components/PublicPage.graphql.js";
import { SubPageQuery } from "../../web/src/components/SubPageView.graphql.js";
import { PageUptimeQuery, SubPageUptimeQuery } from "../../web/src/uptime.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, type PageRef } from "../helpers/fixtures.js";
import { get, post } from "./http.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let page: PageRef;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql), limits: { expensiveQueriesPerMinute: 2 } });
  page = await createPage(t, await createComponents(t, ["API", "Dashboard", "Webhooks"]));
});
afterAll(() => t.close());

const SPEC = { accept: "application/graphql-response+json" };
const DAY = "date uptime worst incidentIds maintenanceIds downtimeSeconds";
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost({ schema, document: parse(query), variableValues: variables, contextValue: {} });

/** Statements the block runs. */
async function counting<T>(block: () => Promise<T>): Promise<[T, number]> {
  const before = statements.length;
  const result = await block();
  return [result, statements.length - before];
}

describe("the cost limit", () => {
  /** Fifteen aliases of every page's uptime: about 2 KB of query, megabytes of answer. */
  const heavy = (days: number) =>
    `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: statusPages { components { uptime(days: ${days}) { percentage days { ${DAY} } } } }`).join(" ")} }`;

  it("refuses fifteen aliases of every page's uptime before running anything", async () => {
    const [answer, ran] = await counting(() => get(t, heavy(90), undefined, SPEC));
    expect(ran).toBe(0);
    expect(answer.status).toBe(400);
    expect(answer.body!.data).toBeUndefined();
    expect(answer.body!.errors).toEqual([{ message: "Query Cost limit of 20000 exceeded, found 1081665.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });

  it("refuses a window longer than the page shows before running anything, naming the argument", async () => {
    const [answer, ran] = await counting(() => get(t, heavy(366), undefined, SPEC));
    expect(ran).toBe(0);
    expect(answer.status).toBe(400);
    expect(answer.body!.data).toBeUndefined();
    expect(answer.body!.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", issues: [{ field: "days", rule: "too_big" }] });
  });

  it("counts the variables: a document within the limit for one day is refused for two", async () => {
    const query = `query ($d: Int!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: statusPages { components { uptime(days: $d) { percentage days { ${DAY} } } } }`).join(" ")} }`;
    expect((await post(t, { query, variables: { d: 1 } }, SPEC)).body!.errors).toBeUndefined();
    const [answer, ran] = await counting(() => post(t, { query, variables: { d: 2 } }, SPEC));
    expect(ran).toBe(0);
    expect(answer.status).toBe(400);
    expect(answer.body!.errors![0]!.message).toBe("Query Cost limit of 20000 exceeded, found 25665.");
  });

  it("counts incident history by its `first` and `last`, as served (20 unless asked, at most 100)", () => {
    const history = (args: string) => cost(`{ statusPage(slug: "x") { incidentHistory${args} { edges { node { name } } } } }`);
    // statusPage + incidentHistory + n × (edges + node + name).
    expect(history("")).toBe(2 + 20 * 3);
    expect(history("(first: 50)")).toBe(2 + 50 * 3);
    expect(history("(last: 5)")).toBe(2 + 5 * 3);
    expect(history("(first: 5000)")).toBe(2 + 100 * 3);
    const subPage = (args: string) => cost(`{ subPage(pageSlug: "x", slug: "y") { incidentHistory${args} { edges { node { name } } } } }`);
    expect(subPage("")).toBe(2 + 20 * 3);
    expect(subPage("(first: 100)")).toBe(2 + 100 * 3);
    expect(subPage("(last: 5000)")).toBe(2 + 100 * 3);
  });

  it("keeps the web client's queries well under the limit", () => {
    const costs = [
      cost(stringifyDocument(PageQuery), { slug: "x" }),
      cost(stringifyDocument(SubPageQuery), { page: "x", slug: "y" }),
      cost(stringifyDocument(PageUptimeQuery), { slug: "x" }),
      cost(stringifyDocument(SubPageUptimeQuery), { page: "x", slug: "y" }),
      cost(stringifyDocument(PublicHistoryQuery), { slug: "x", after: null, first: 10 }),
      cost(stringifyDocument(SubPageHistoryQuery), { page: "x", slug: "y", after: null, first: 10 }),
    ];
    expect(costs).toEqual([1845, 1558, 5423, 5423, expect.any(Number), expect.any(Number)]);
    // Also under the expensive threshold: a browser is never counted as an expensive client.
    for (const c of costs) expect(c).toBeLessThan(6_000);
  });
});

describe("expensive queries without an API key", () => {
  // Over 6,000: 2 + 10 × (2 + 90 × 7) = 6,322.
  const EXPENSIVE = `query ($slug: String!) { statusPage(slug: $slug) { components { uptime(days: 90) { percentage days { ${DAY} } } } } }`;

  it("are refused past the client address's allowance with 429 and Retry-After; cheap ones and API keys are not counted", async () => {
    const url = await t.app.start(0);
    const send = (query: string, headers: Record<string, string> = {}) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables: { slug: page.slug } }),
      });
    for (let i = 0; i < 2; i++) expect((await send(EXPENSIVE)).status).toBe(200);
    const [refused, ran] = await counting(() => send(EXPENSIVE));
    expect(ran).toBe(0);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    const body = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 60 });
    expect(body.errors[0]!.message).toMatch(/cost over 6000\): at most 2 per minute per client address/);

    const cheap = `query ($slug: String!) { statusPage(slug: $slug) { title components { name status } } }`;
    expect(((await (await send(cheap)).json()) as { data: { statusPage: { title: string } } }).data.statusPage.title).toBeTruthy();
    expect((await send(EXPENSIVE, bearer(t.adminKey))).status).toBe(200);

    clock.advance(60_000);
    expect((await send(EXPENSIVE)).status).toBe(200);
  });
});
