// Badges are polled by dashboards and READMEs: each is computed once per change
// to its page, and answered from memory until the next one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";

const statements: string[] = [];
let t: TestApp;
let origin: string;
let page: PageRef;
let api: string;

beforeAll(async () => {
  t = await createTestApp({ onQuery: (sql) => statements.push(sql) });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  origin = new URL(await t.app.start(0)).origin;
});
afterAll(() => t.close());

async function badge(slug: string): Promise<{ status: number; svg: string; statements: number }> {
  const before = statements.length;
  const res = await fetch(`${origin}/badge/${slug}.svg`);
  return { status: res.status, svg: await res.text(), statements: statements.length - before };
}

it("computes a badge once, and again only after its page changes", async () => {
  const first = await badge(page.slug);
  expect(first.statements).toBeGreaterThan(0);
  expect(first.svg).toContain("All systems operational");
  for (let i = 0; i < 5; i++) expect(await badge(page.slug)).toEqual({ status: 200, svg: first.svg, statements: 0 });

  await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }]);
  const changed = await badge(page.slug);
  expect(changed.statements).toBeGreaterThan(0);
  expect(changed.svg).toContain("Full outage");
  expect((await badge(page.slug)).statements).toBe(0);
});

it("remembers that a slug has no page until a page takes it", async () => {
  expect((await badge("arrives-later")).status).toBe(404);
  expect(await badge("arrives-later")).toMatchObject({ status: 404, statements: 0 });
  await t.ok(`mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename } }`, {
    input: { title: "Arrives later", slug: "arrives-later", kind: "PUBLIC", components: [api] },
  });
  expect(await badge("arrives-later")).toMatchObject({ status: 200 });
});
