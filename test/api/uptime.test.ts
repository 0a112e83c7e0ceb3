// Uptime through GraphQL, from incidents and maintenance written straight to the
// database at fixed instants, with the app's clock held at 2026-03-10T12:00Z.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, UPDATE_PAGE, createEntry, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let catalog: RunbookCatalog;
let c: Record<string, string>;
let pageId: string;
const ids: Record<string, string> = {};
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  catalog = await createRunbookCatalog(t);
  c = catalog.components;
  const db = t.app.database.db;
  // Components joined on 2026-03-03: earlier days have no data.
  await db.catalogEntry.updateMany({ where: { typeId: catalog.componentsTypeId }, data: { createdAt: at("2026-03-03T00:00:00Z") } });
  pageId = (await mutate(t, CREATE_PAGE, { input: { title: "Acme", components: [c.Zendesk, c.Chat, c.Forms] } })).id!;

  const incident = (name: string, status: "RESOLVED" | "MONITORING", updates: [string, string, Record<string, string>][]) =>
    db.incident.create({
      data: {
        pageId,
        name,
        status,
        publishedAt: at(updates[0]![0]),
        lastSequence: updates.length,
        components: { create: [...new Set(updates.flatMap(([, , impacts]) => Object.keys(impacts)))].map((n) => ({ componentId: c[n]! })) },
        updates: {
          create: updates.map(([iso, s, impacts], i) => ({
            sequence: i + 1,
            status: s as "INVESTIGATING",
            message: s,
            publishedAt: at(iso),
            impacts: { create: Object.entries(impacts).map(([name, impact]) => ({ componentId: c[name]!, impact: impact as "FULL_OUTAGE" })) },
          })),
        },
      },
    });
  ids.chatDown = (
    await incident("Chat down", "RESOLVED", [
      ["2026-03-05T06:00:00Z", "INVESTIGATING", { Chat: "FULL_OUTAGE" }],
      ["2026-03-05T12:00:00Z", "RESOLVED", {}],
    ])
  ).id;
  ids.zendeskSlow = (
    await incident("Zendesk slow", "MONITORING", [
      ["2026-03-08T22:00:00Z", "INVESTIGATING", { Zendesk: "PARTIAL_OUTAGE" }],
      ["2026-03-09T02:00:00Z", "MONITORING", { Zendesk: "DEGRADED_PERFORMANCE" }],
    ])
  ).id;
  ids.longAgo = (
    await incident("Long ago", "RESOLVED", [
      ["2024-01-01T00:00:00Z", "INVESTIGATING", { Forms: "FULL_OUTAGE" }],
      ["2024-01-02T00:00:00Z", "RESOLVED", {}],
    ])
  ).id;
  ids.formsUpgrade = (
    await db.maintenance.create({
      data: {
        pageId,
        name: "Forms upgrade",
        status: "COMPLETE",
        startsAt: at("2026-03-07T01:00:00Z"),
        endsAt: at("2026-03-07T03:00:00Z"),
        publishedAt: at("2026-03-01T00:00:00Z"),
        components: {
          create: [
            { componentId: c.Forms, impact: "UNDER_MAINTENANCE" },
            { componentId: c.Chat, impact: "NO_IMPACT" },
          ],
        },
        lastSequence: 2,
        updates: {
          create: [
            { sequence: 1, status: "IN_PROGRESS", message: "Started", publishedAt: at("2026-03-07T01:00:00Z") },
            { sequence: 2, status: "COMPLETE", message: "Done", publishedAt: at("2026-03-07T03:30:00Z") },
          ],
        },
      },
    })
  ).id;
});
afterAll(() => t.close());

const UPTIME = /* GraphQL */ `
  query ($days: Int) {
    statusPage(slug: "acme") {
      components { name status uptime(days: $days) { percentage days { date uptime worst incidentIds maintenanceIds downtimeSeconds } } }
    }
  }
`;
type Day = { date: string; uptime: number | null; worst: string; incidentIds: string[]; maintenanceIds: string[]; downtimeSeconds: number };
type Row = { name: string; status: string; uptime: { percentage: number | null; days: Day[] } };

async function uptimeOf(days?: number): Promise<Record<string, Row>> {
  // As the public reads it: statement counts below then hold no credential lookups.
  const data = await t.ok<{ statusPage: { components: Row[] } }>(UPTIME, days === undefined ? {} : { days }, { as: "anonymous" });
  return Object.fromEntries(data.statusPage.components.map((r) => [r.name, r]));
}
const quiet = (date: string): Day => ({ date, uptime: 1, worst: "OPERATIONAL", incidentIds: [], maintenanceIds: [], downtimeSeconds: 0 });
const noData = (date: string): Day => ({ ...quiet(date), uptime: null });

describe("uptime", () => {
  it("serves 90 UTC days ending today by default", async () => {
    const { Chat } = await uptimeOf();
    expect(Chat!.uptime.days).toHaveLength(90);
    expect(Chat!.uptime.days[0]!.date).toBe("2025-12-11");
    expect(Chat!.uptime.days.at(-1)!.date).toBe("2026-03-10");
  });

  it("buckets a 6-hour full outage into its day, with no data before the component joined", async () => {
    const { Chat } = await uptimeOf(10);
    expect(Chat!.status).toBe("OPERATIONAL");
    expect(Chat!.uptime.days).toEqual([
      noData("2026-03-01"),
      noData("2026-03-02"),
      quiet("2026-03-03"),
      quiet("2026-03-04"),
      { date: "2026-03-05", uptime: 0.75, worst: "FULL_OUTAGE", incidentIds: [ids.chatDown], maintenanceIds: [], downtimeSeconds: 21600 },
      quiet("2026-03-06"),
      quiet("2026-03-07"),
      quiet("2026-03-08"),
      quiet("2026-03-09"),
      quiet("2026-03-10"),
    ]);
    // Seven whole days and today's twelve hours observed.
    expect(Chat!.uptime.percentage).toBeCloseTo(1 - 21600 / (7 * 86400 + 43200), 12);
  });

  it("weighs a partial outage at 30% across midnight, and degraded performance not at all", async () => {
    const { Zendesk } = await uptimeOf(3);
    expect(Zendesk!.status).toBe("DEGRADED_PERFORMANCE");
    const slow = { incidentIds: [ids.zendeskSlow], maintenanceIds: [] };
    expect(Zendesk!.uptime.days).toEqual([
      { date: "2026-03-08", uptime: 0.975, worst: "PARTIAL_OUTAGE", downtimeSeconds: 2160, ...slow },
      { date: "2026-03-09", uptime: 0.975, worst: "PARTIAL_OUTAGE", downtimeSeconds: 2160, ...slow },
      { date: "2026-03-10", uptime: 1, worst: "DEGRADED_PERFORMANCE", downtimeSeconds: 0, ...slow },
    ]);
  });

  it("marks the days maintenance was in progress, only for components under maintenance", async () => {
    const { Forms, Chat } = await uptimeOf(5);
    expect(Forms!.uptime.days[0]).toEqual({ ...quiet("2026-03-06") });
    expect(Forms!.uptime.days[1]).toEqual({ ...quiet("2026-03-07"), worst: "UNDER_MAINTENANCE", maintenanceIds: [ids.formsUpgrade] });
    expect(Chat!.uptime.days[1]).toEqual(quiet("2026-03-07"));
  });

  it("moves with the clock", async () => {
    clock.set("2026-03-11T00:30:00Z");
    try {
      const { Zendesk } = await uptimeOf(2);
      expect(Zendesk!.uptime.days.map((d) => d.date)).toEqual(["2026-03-10", "2026-03-11"]);
      expect(Zendesk!.uptime.days[1]).toMatchObject({ uptime: 1, worst: "DEGRADED_PERFORMANCE" });
    } finally {
      clock.set("2026-03-10T12:00:00Z");
    }
  });

  it.each([
    [0, "too_small"],
    [-1, "too_small"],
    [91, "too_big"],
    [366, "too_big"],
  ])("refuses days: %i before running anything, with a validation error naming the argument", async (days, rule) => {
    statements.length = 0;
    const res = await t.gql(UPTIME, { days }, { as: "anonymous" });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", issues: [{ field: "days", rule }] });
    expect(res.errors![0]!.message).toMatch(/^days: /);
    expect(statements).toEqual([]);
  });

  it("shows on sub-pages of customer pages too", async () => {
    const page = await mutate(t, CREATE_PAGE, { input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components" } });
    await t.app.database.db.incident.create({
      data: {
        pageId: page.id!,
        name: "Forms down",
        status: "INVESTIGATING",
        publishedAt: at("2026-03-10T06:00:00Z"),
        lastSequence: 1,
        components: { create: { componentId: c.Forms! } },
        updates: {
          create: {
            sequence: 1,
            status: "INVESTIGATING",
            message: "m",
            publishedAt: at("2026-03-10T06:00:00Z"),
            impacts: { create: { componentId: c.Forms, impact: "FULL_OUTAGE" } },
          },
        },
      },
    });
    const data = await t.ok<{ subPage: { components: unknown } }>(
      `{ subPage(pageSlug: "customers", slug: "main") { components { name status uptime(days: 1) { percentage } } } }`,
    );
    expect(data.subPage.components).toEqual([
      { name: "Zendesk", status: "OPERATIONAL", uptime: { percentage: 1 } },
      { name: "Chat", status: "OPERATIONAL", uptime: { percentage: 1 } },
      { name: "Forms", status: "FULL_OUTAGE", uptime: { percentage: 0.5 } },
    ]);
  });

  it("runs the same number of SQL statements for three components as for six", async () => {
    const count = async () => {
      // Read cold: a page shared since it last changed would cost nothing.
      t.app.snapshots.clear();
      statements.length = 0;
      await uptimeOf(90);
      return statements.length;
    };
    const three = await count();
    const more = [];
    for (const name of ["A", "B", "C"]) more.push((await createEntry(t, { typeId: catalog.componentsTypeId, name })).id);
    expect(await mutate(t, UPDATE_PAGE, { input: { id: pageId, components: [c.Zendesk, c.Chat, c.Forms, ...more] } })).toMatchObject({
      __typename: "StatusPage",
    });
    const six = await count();
    expect(six).toBe(three);
    // The page's snapshot 8, uptime history 6, entries 1.
    expect(three).toBe(15);
  });
});
