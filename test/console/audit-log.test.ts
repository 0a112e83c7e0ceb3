// The audit log screen in Chromium: changes made through the API by an API key and two
// operators show with actor, action, target and the local time (Europe/Berlin); each
// filter narrows the table exactly as the API narrows its answer; a From after To is the
// API's typed error beside From; the filter lives in the URL (reload keeps it); "Load
// more" follows the cursor; non-admins are denied.
import type { Page } from "playwright-core";
import { beforeAll, expect, it, vi } from "vitest";
import { testClock } from "../helpers/app.js";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

// The machine is shared and browser steps are slow on it: every test gets room.
vi.setConfig({ testTimeout: 120_000 });

const clock = testClock("2030-06-01T08:00:00Z");
const BERLIN = { timezoneId: "Europe/Berlin" };
const SCREEN = "/console/admin/audit-log";
let ada: SignedInOperator;
let pia: SignedInOperator;
let incidentId: string;

const LOG = `query ($filter: AuditLogFilter, $first: Int) { auditLog(filter: $filter, first: $first) { edges { node { summary } } } }`;
type Filter = Record<string, string>;
interface Log {
  auditLog: { edges: { node: { summary: string } }[] };
}
/** The summaries the API answers for `filter`, newest first. */
const apiSummaries = async (filter: Filter, first = 100) => (await h.server.ok<Log>(LOG, { filter, first })).auditLog.edges.map((e) => e.node.summary);
const as = (who: SignedInOperator) => ({
  ok: <T>(query: string, variables?: Record<string, unknown>) => h.server.ok<T>(query, variables, { cookie: `sg_operator=${who.cookie}` }),
});

interface Row {
  time: string;
  actor: string;
  action: string;
  target: string;
  summary: string;
}
/** The table's rows as the operator reads them; none when the table is not shown. */
async function rows(page: Page): Promise<Row[]> {
  return page.locator("table.audit-table > tbody > tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent?.trim() ?? "");
      const summary = tr.querySelector(".audit-summary")?.textContent ?? "";
      return { time: cells[0]!, actor: cells[1]!, action: cells[2]!, target: cells[3]!, summary };
    }),
  );
}
const summaries = async (page: Page) => (await rows(page)).map((r) => r.summary);

async function applyFilters(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL((url) => url.href !== before);
}

async function clearFilters(page: Page) {
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForURL((url) => url.search === "");
}

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  ada = await h.operator("ADMIN", "Ada Admin");
  pia = await h.operator("PUBLISHER", "Pia Publisher");
  const vic = await h.operator("VIEWER", "Vic Viewer");
  clock.set("2030-06-01T08:30:00Z");
  const [checkout] = (await createComponents(h.server, ["Checkout API"], "Audit components")) as [string];
  const page = await createPage(h.server, [checkout], "Audit status");
  clock.set("2030-06-01T09:00:00Z");
  incidentId = await publishIncident(as(pia), page.id, [{ componentId: checkout, impact: "PARTIAL_OUTAGE" }], { name: "Checkout errors" });
  clock.set("2030-06-01T10:00:00Z");
  await as(ada).ok(`mutation ($id: ID!) { setOperatorRole(id: $id, role: EDITOR) { __typename } }`, { id: vic.id });
  clock.set("2030-06-01T11:00:00Z");
}, 120_000);

it("lists the changes newest first: local time with its zone, actor, action, target and what changed", async () => {
  const page = await h.openConsole("/console/admin", { as: ada, ...BERLIN });
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
  await page.getByRole("columnheader", { name: "Time in Europe/Berlin" }).waitFor();
  await expect.poll(() => summaries(page)).toEqual(await apiSummaries({}, 25));
  const [roleChange, publish] = await rows(page);
  expect(roleChange).toMatchObject({ actor: "Ada Admin", action: "Set operator role", target: 'Operator "Vic Viewer"' });
  expect(roleChange!.time).toMatch(/^Jun 1, 2030, 12:00\sPM GMT\+2$/);
  expect(publish).toMatchObject({ actor: "Pia Publisher", action: "Publish incident", target: 'Incident "Checkout errors"' });
  expect(publish!.time).toMatch(/^Jun 1, 2030, 11:00\sAM GMT\+2$/);
  const first = page.locator("table.audit-table > tbody > tr").first();
  await first.getByText("Details", { exact: true }).click();
  await first.getByText("VIEWER → EDITOR").waitFor();
  await checkA11y(page);
  await screenshot(page, "admin-audit-log");
});

it("narrows the table by actor, actor kind, object type and object id exactly as the API does", async () => {
  const page = await h.openConsole(SCREEN, { as: ada, ...BERLIN });
  const cases: { filter: Filter; set: () => Promise<unknown>; each: (row: Row) => void }[] = [
    {
      filter: { actorId: pia.id },
      set: () => page.getByLabel("Actor", { exact: true }).selectOption(pia.id),
      each: (r) => expect(r.actor).toBe("Pia Publisher"),
    },
    { filter: { actorKind: "system" }, set: () => page.getByLabel("Actor kind").selectOption("system"), each: (r) => expect(r.actor).toBe("System") },
    {
      filter: { objectType: "Operator" },
      set: () => page.getByLabel("Object type").selectOption("Operator"),
      each: (r) => expect(r.target).toMatch(/^Operator /),
    },
    {
      filter: { objectId: incidentId },
      set: () => page.getByLabel("Object id").fill(incidentId),
      each: (r) => expect(r.target).toBe('Incident "Checkout errors"'),
    },
  ];
  for (const { filter, set, each } of cases) {
    await set();
    await applyFilters(page);
    const [name, value] = Object.entries(filter)[0]!;
    expect(new URL(page.url()).searchParams.get(name)).toBe(value);
    const expected = await apiSummaries(filter);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => summaries(page)).toEqual(expected);
    for (const row of await rows(page)) each(row);
    await checkA11y(page);
    await clearFilters(page);
  }
});

it("filters by a time range entered in local time and sent as UTC instants; a reload keeps it", async () => {
  const page = await h.openConsole(SCREEN, { as: ada, ...BERLIN });
  await page.getByText("From and To are in your time zone, Europe/Berlin.").waitFor();
  await page.getByLabel("From").fill("2030-06-01T10:30");
  await page.getByLabel("To", { exact: true }).fill("2030-06-01T11:30");
  await applyFilters(page);
  const params = new URL(page.url()).searchParams;
  expect([params.get("from"), params.get("to")]).toEqual(["2030-06-01T08:30:00.000Z", "2030-06-01T09:30:00.000Z"]);
  const expected = await apiSummaries({ from: "2030-06-01T08:30:00.000Z", to: "2030-06-01T09:30:00.000Z" });
  expect(expected).toContain('Published incident "Checkout errors" (update 1)');
  await expect.poll(() => summaries(page)).toEqual(expected);
  expect((await rows(page)).map((r) => r.actor)).not.toContain("Ada Admin");
  await checkA11y(page);

  await page.reload();
  await expect.poll(() => summaries(page)).toEqual(expected);
  expect(await page.getByLabel("From").inputValue()).toBe("2030-06-01T10:30");
  expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("2030-06-01T11:30");
});

it("shows the API's typed error beside From when From is after To", async () => {
  const page = await h.openConsole(SCREEN, { as: ada, ...BERLIN });
  await page.getByLabel("From").fill("2030-06-01T12:00");
  await page.getByLabel("To", { exact: true }).fill("2030-06-01T10:00");
  await applyFilters(page);
  const api = await h.server.gql<Log>(LOG, { filter: { from: "2030-06-01T10:00:00.000Z", to: "2030-06-01T08:00:00.000Z" } });
  const extensions = api.errors?.[0]?.extensions as { code: string; issues: { field: string; message: string }[] } | undefined;
  expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", issues: [{ field: "filter.from" }] });
  const issue = extensions!.issues;
  const from = page.getByLabel("From");
  await expect.poll(() => from.getAttribute("aria-invalid")).toBe("true");
  const describedBy = (await from.getAttribute("aria-describedby"))!.split(" ");
  const errorId = describedBy.find((id) => id.startsWith("error-"))!;
  expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(issue[0]!.message);
  await page.getByRole("alert").getByText("Some filters need attention.").waitFor();
  expect(await page.getByRole("table").count()).toBe(0);
  await checkA11y(page);
  await screenshot(page, "admin-audit-log-error");
});

it("says so when no entry matches", async () => {
  const page = await h.openConsole(`${SCREEN}?objectId=no-such-object`, { as: ada, ...BERLIN });
  await page.getByText("No audit entries match these filters.").waitFor();
  expect(await page.getByLabel("Object id").inputValue()).toBe("no-such-object");
  expect(await apiSummaries({ objectId: "no-such-object" })).toEqual([]);
  await checkA11y(page);
});

it("pages older entries in with Load more, at the page size chosen", async () => {
  const all = await apiSummaries({});
  expect(all.length).toBeGreaterThan(10);
  const page = await h.openConsole(SCREEN, { as: ada, ...BERLIN });
  await page.getByLabel("Entries per page").selectOption("10");
  await applyFilters(page);
  expect(new URL(page.url()).searchParams.get("size")).toBe("10");
  await expect.poll(() => summaries(page)).toEqual(all.slice(0, 10));
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => summaries(page)).toEqual(all.slice(0, 20));
  expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(all.length > 20 ? 1 : 0);
  await checkA11y(page);

  await page.reload();
  await expect.poll(() => summaries(page)).toEqual(all.slice(0, 10));
  expect(await page.getByLabel("Entries per page").inputValue()).toBe("10");
});

it("denies the audit log to an editor", async () => {
  const page = await h.openConsole(SCREEN, { role: "EDITOR" });
  await page.getByRole("heading", { name: "Access denied" }).waitFor();
  expect(await page.getByRole("table").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Apply filters" }).count()).toBe(0);
  await checkA11y(page);
});
