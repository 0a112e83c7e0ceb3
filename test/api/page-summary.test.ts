// computePageSummary: what live updates send, straight against the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../../server/errors.js";
import { computePageSummaries, computePageSummary } from "../../server/services/page-summary.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, createEntry, createRunbookCatalog, mutate } from "../helpers/pages.js";

const NOW = new Date("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let c: Record<string, string>;
const page: Record<string, string> = {};
const sub: Record<string, string> = {};
const ids: Record<string, string> = {};

type Impact = "NO_IMPACT" | "PARTIAL_OUTAGE" | "FULL_OUTAGE";
async function incident(pageId: string, name: string, status: "INVESTIGATING" | "MONITORING" | "RESOLVED", updates: [string, Record<string, Impact>][]) {
  const row = await t.app.database.db.incident.create({
    data: {
      pageId,
      name,
      status,
      publishedAt: new Date(updates[0]![0]),
      lastSequence: updates.length,
      components: { create: [...new Set(updates.flatMap(([, impacts]) => Object.keys(impacts)))].map((n) => ({ componentId: c[n]! })) },
      updates: {
        create: updates.map(([iso, impacts], i) => ({
          sequence: i + 1,
          status: i === updates.length - 1 ? status : "INVESTIGATING",
          message: name,
          publishedAt: new Date(iso),
          impacts: { create: Object.entries(impacts).map(([n, impact]) => ({ componentId: c[n]!, impact })) },
        })),
      },
    },
  });
  return row.id;
}

async function maintenance(pageId: string, name: string, status: "SCHEDULED" | "IN_PROGRESS", component: string) {
  const row = await t.app.database.db.maintenance.create({
    data: {
      pageId,
      name,
      status,
      startsAt: new Date("2026-03-10T11:00:00Z"),
      endsAt: new Date("2026-03-10T13:00:00Z"),
      publishedAt: new Date("2026-03-09T00:00:00Z"),
      components: { create: { componentId: c[component]!, impact: "UNDER_MAINTENANCE" } },
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ onQuery: (sql) => statements.push(sql) });
  const catalog = await createRunbookCatalog(t);
  c = catalog.components;
  await createEntry(t, { typeId: catalog.groupsTypeId, name: "support", values: [{ attribute: "Components", values: ["Chat"] }] });
  const customer = await mutate(t, CREATE_PAGE, { input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components" } });
  page.customer = customer.id!;
  for (const s of customer.subPages as { id: string; slug: string }[]) sub[s.slug] = s.id;
  page.public = (
    await mutate(t, CREATE_PAGE, {
      input: { title: "Public", components: [c.Forms], groups: [{ name: "Support", components: [c.Zendesk, c.Chat] }] },
    })
  ).id!;

  ids.zendesk = await incident(page.customer, "Zendesk slow", "INVESTIGATING", [["2026-03-10T09:00:00Z", { Zendesk: "PARTIAL_OUTAGE" }]]);
  // Chat recovered but the incident is still monitored: it still shows, Chat is operational.
  ids.chat = await incident(page.customer, "Chat flapping", "MONITORING", [
    ["2026-03-10T10:00:00Z", { Chat: "FULL_OUTAGE" }],
    ["2026-03-10T10:30:00Z", { Chat: "NO_IMPACT" }],
  ]);
  await incident(page.customer, "Forms, over", "RESOLVED", [
    ["2026-03-10T08:00:00Z", { Forms: "FULL_OUTAGE" }],
    ["2026-03-10T08:10:00Z", {}],
  ]);
  ids.formsWork = await maintenance(page.customer, "Forms work", "IN_PROGRESS", "Forms");
  await maintenance(page.customer, "Chat later", "SCHEDULED", "Chat");
  ids.publicIncident = await incident(page.public, "Forms down", "INVESTIGATING", [["2026-03-10T11:00:00Z", { Forms: "FULL_OUTAGE" }]]);
});
afterAll(() => t.close());

describe("computePageSummary", () => {
  it("shows a sub-page's components, the worst status, and what affects them", async () => {
    const summary = await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId: sub.main }, NOW);
    expect(summary).toEqual({
      pageId: page.customer,
      subPageId: sub.main,
      page: { slug: "customers", title: "Customers", theme: "LIGHT" },
      subPage: { slug: "main", name: "main" },
      status: "PARTIAL_OUTAGE",
      sentence: "Partial outage",
      components: [
        { id: c.Zendesk, name: "Zendesk", group: null, status: "PARTIAL_OUTAGE" },
        { id: c.Chat, name: "Chat", group: null, status: "OPERATIONAL" },
        { id: c.Forms, name: "Forms", group: null, status: "UNDER_MAINTENANCE" },
      ],
      incidents: [
        {
          id: ids.chat,
          name: "Chat flapping",
          status: "MONITORING",
          sequence: 2,
          message: "Chat flapping",
          publishedAt: "2026-03-10T10:00:00.000Z",
          updatedAt: "2026-03-10T10:30:00.000Z",
          impacts: [{ componentId: c.Chat, name: "Chat", impact: "NO_IMPACT" }],
        },
        {
          id: ids.zendesk,
          name: "Zendesk slow",
          status: "INVESTIGATING",
          sequence: 1,
          message: "Zendesk slow",
          publishedAt: "2026-03-10T09:00:00.000Z",
          updatedAt: "2026-03-10T09:00:00.000Z",
          impacts: [{ componentId: c.Zendesk, name: "Zendesk", impact: "PARTIAL_OUTAGE" }],
        },
      ],
      maintenances: [
        {
          id: ids.formsWork,
          name: "Forms work",
          status: "IN_PROGRESS",
          message: "",
          startsAt: "2026-03-10T11:00:00.000Z",
          endsAt: "2026-03-10T13:00:00.000Z",
          components: [{ componentId: c.Forms, name: "Forms", impact: "UNDER_MAINTENANCE" }],
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("leaves out incidents and maintenance of other sub-pages' components", async () => {
    const summary = await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId: sub.support }, NOW);
    expect(summary).toMatchObject({
      status: "OPERATIONAL",
      sentence: "All systems operational",
      components: [{ id: c.Chat, status: "OPERATIONAL" }],
      incidents: [{ id: ids.chat }],
      maintenances: [],
    });
  });

  it("agrees with the GraphQL summary", async () => {
    const data = await t.ok<{ subPage: { summary: unknown; components: unknown } }>(
      `{ subPage(pageSlug: "customers", slug: "main") { summary { status sentence } components { id status } } }`,
    );
    const summary = await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId: sub.main }, NOW);
    expect(data.subPage.summary).toEqual({ status: summary.status, sentence: summary.sentence });
    expect(data.subPage.components).toEqual(summary.components.map(({ id, status }) => ({ id, status })));
  });

  it("on a public page, lists every unresolved incident and the group of each component", async () => {
    const summary = await computePageSummary(t.app.database.db, { pageId: page.public! }, NOW);
    expect(summary).toMatchObject({
      pageId: page.public,
      subPageId: null,
      page: { slug: "public", title: "Public", theme: "LIGHT" },
      subPage: null,
      status: "FULL_OUTAGE",
      sentence: "Full outage",
      components: [
        { id: c.Forms, name: "Forms", group: null, status: "FULL_OUTAGE" },
        { id: c.Zendesk, name: "Zendesk", group: "Support", status: "OPERATIONAL" },
        { id: c.Chat, name: "Chat", group: "Support", status: "OPERATIONAL" },
      ],
      incidents: [{ id: ids.publicIncident, impacts: [{ componentId: c.Forms, name: "Forms", impact: "FULL_OUTAGE" }] }],
      maintenances: [],
    });
  });

  it("runs as many statements for a sub-page of three components as for one of one", async () => {
    const count = async (subPageId: string) => {
      statements.length = 0;
      await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId }, NOW);
      return statements.length;
    };
    expect(await count(sub.main!)).toBe(await count(sub.support!));
  });

  it("summarizes every view of a page (live updates refresh them together) in the statements of one", async () => {
    statements.length = 0;
    await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId: sub.main }, NOW);
    const one = statements.length;
    statements.length = 0;
    const all = await computePageSummaries(t.app.database.db, page.customer!, [sub.main!, null, sub.support!, "nope"], NOW);
    expect(statements.length).toBe(one);
    expect(all.map((s) => ("subPageId" in s ? s.subPageId : s.name))).toEqual([sub.main, null, sub.support, "NotFoundError"]);
    expect(all[0]).toEqual(await computePageSummary(t.app.database.db, { pageId: page.customer!, subPageId: sub.main }, NOW));
  });

  it("throws NotFoundError for an unknown page, or a sub-page of another page", async () => {
    await expect(computePageSummary(t.app.database.db, { pageId: "nope" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(computePageSummary(t.app.database.db, { pageId: page.public!, subPageId: sub.main }, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
