// Pagination cursors come from clients: one this list did not give out is refused by
// argument name (BAD_USER_INPUT), never answered as "Unexpected error." nor served as
// if it were this list's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { publishIncident } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";

const HISTORY = `query ($slug: String!, $after: String, $before: String, $first: Int, $last: Int) { statusPage(slug: $slug) {
  title incidentHistory(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { name } } } } }`;
/** What these tests read of a page's incident history. */
interface HistoryRead {
  statusPage: { incidentHistory: { edges: { cursor: string; node: { name: string } }[] } };
}
const base64 = (s: string) => Buffer.from(s).toString("base64");

let t: TestApp;
let page: { id: string; slug: string };
let other: { id: string; slug: string };
let cursors: string[];
let otherCursor: string;

beforeAll(async () => {
  t = await createTestApp();
  const catalog = await createRunbookCatalog(t, ["Search"]);
  const search = catalog.components.Search!;
  const create = async (title: string) => (await mutate(t, CREATE_PAGE, { input: { title, components: [search] } })) as unknown as { id: string; slug: string };
  page = await create("Public");
  other = await create("Other");
  for (const name of ["One", "Two", "Three"]) await publishIncident(t, page.id, [{ componentId: search, impact: "DEGRADED_PERFORMANCE" }], { name });
  await publishIncident(t, other.id, [], { name: "Elsewhere" });
  const read = async (slug: string) => (await t.ok<HistoryRead>(HISTORY, { slug })).statusPage.incidentHistory.edges.map((e) => e.cursor);
  cursors = await read(page.slug);
  [otherCursor] = await read(other.slug);
});
afterAll(() => t.close());

async function refusal(args: Record<string, unknown>) {
  const res = await t.gql(HISTORY, { slug: page.slug, ...args });
  expect(JSON.stringify(res)).not.toContain("Unexpected error");
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.path).toEqual(["statusPage", "incidentHistory"]);
  return res.errors![0]!.extensions as { code: string; field: string; rule: string; issues: { field: string; rule: string }[] };
}

describe("malformed cursors", () => {
  const malformed: Record<string, string> = {
    "random text": "not a cursor!",
    "base64 of garbage": base64("\u0000\u00ffgarbage"),
    "a cursor of an offset connection": base64("OffsetConnection:1"),
    "a cursor of a connection keyed by numbers": base64("GPC:N:42"),
    "a lone surrogate": "\ud800",
    empty: "",
  };
  for (const [what, cursor] of Object.entries(malformed)) {
    for (const field of ["after", "before"]) {
      it(`refuses ${what} as ${field}`, async () => {
        expect(await refusal({ [field]: cursor })).toMatchObject({ code: "BAD_USER_INPUT", field, rule: cursor === "\ud800" ? "lone_surrogate" : "cursor" });
      });
    }
  }

  it("refuses a cursor of another page's history, and one whose incident is gone", async () => {
    expect(await refusal({ after: otherCursor })).toMatchObject({ code: "BAD_USER_INPUT", field: "after", rule: "cursor" });
    expect(await refusal({ before: base64("GPC:S:no-such-incident") })).toMatchObject({ code: "BAD_USER_INPUT", field: "before", rule: "cursor" });
  });

  it("refuses mixed directions and negative sizes, every one at once", async () => {
    const issues = (await refusal({ after: cursors[0], before: cursors[1], first: -1 })).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "first", rule: "too_small" }),
        expect.objectContaining({ field: "before", rule: "not_allowed" }),
      ]),
    );
  });

  it("still pages with the cursors it gave out", async () => {
    const res = await t.ok<HistoryRead>(HISTORY, { slug: page.slug, after: cursors[0], first: 1 });
    expect(res.statusPage.incidentHistory.edges.map((e) => e.node.name)).toEqual(["Two"]);
    const back = await t.ok<HistoryRead>(HISTORY, { slug: page.slug, before: cursors[2], last: 1 });
    expect(back.statusPage.incidentHistory.edges.map((e) => e.node.name)).toEqual(["Two"]);
  });
});
