import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announce } from "../../server/events.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { CREATE_PAGE, UPDATE_PAGE, createRunbookCatalog, mutate, type RunbookCatalog } from "../helpers/pages.js";

let t: TestApp;
let c: Record<string, string>;
let catalog: RunbookCatalog;
beforeAll(async () => {
  t = await createTestApp();
  catalog = await createRunbookCatalog(t, ["Zendesk", "Chat", "Forms", "Email"]);
  c = catalog.components;
});
afterAll(() => t.close());

const LAYOUT = /* GraphQL */ `
  query ($slug: String!) {
    statusPage(slug: $slug) {
      id title slug kind theme logoUrl faviconUrl
      components { id name status }
      groups { name components { name } }
      summary { status sentence }
      subPages { id }
    }
  }
`;

const names = (list: { name: string }[]) => list.map((x) => x.name);

/** The fields of a page's layout these tests read. */
interface LayoutRead {
  statusPage: { components: { id: string; name: string; status: string }[]; groups: unknown; summary: unknown; subPages: unknown };
}

describe("public page", () => {
  let pageId: string;

  it("lists ungrouped components first, then groups in order", async () => {
    const page = await mutate(t, CREATE_PAGE, {
      input: {
        title: "  Acme Status  ",
        components: [c.Forms],
        groups: [
          { name: "Support", components: [c.Zendesk, c.Chat] },
          { name: "Mail", components: [c.Email] },
        ],
        faviconUrl: "/favicon.ico",
      },
    });
    expect(page).toMatchObject({
      __typename: "StatusPage",
      title: "Acme Status",
      slug: "acme-status",
      kind: "PUBLIC",
      theme: "LIGHT",
      faviconUrl: "/favicon.ico",
    });
    pageId = page.id!;
    const { statusPage } = await t.ok<LayoutRead>(LAYOUT, { slug: "acme-status" });
    expect(statusPage.components.map((x) => x.id)).toEqual([c.Forms, c.Zendesk, c.Chat, c.Email]);
    expect(statusPage.components.every((x) => x.status === "OPERATIONAL")).toBe(true);
    expect(statusPage.groups).toEqual([
      { name: null, components: [{ name: "Forms" }] },
      { name: "Support", components: [{ name: "Zendesk" }, { name: "Chat" }] },
      { name: "Mail", components: [{ name: "Email" }] },
    ]);
    expect(statusPage.summary).toEqual({ status: "OPERATIONAL", sentence: "All systems operational" });
    expect(statusPage.subPages).toEqual([]);
  });

  it("numbers generated slugs when the title's slug is taken", async () => {
    const page = await mutate(t, CREATE_PAGE, { input: { title: "Acme status" } });
    expect(page).toMatchObject({ slug: "acme-status-2" });
  });

  it("replaces the layout, theme and logo, and clears the favicon with null", async () => {
    const page = await mutate(t, UPDATE_PAGE, {
      input: { id: pageId, theme: "DARK", logoUrl: "https://acme.test/logo.svg", faviconUrl: null, groups: [{ name: "All", components: [c.Chat, c.Zendesk] }] },
    });
    expect(page).toMatchObject({
      __typename: "StatusPage",
      title: "Acme Status",
      theme: "DARK",
      logoUrl: "https://acme.test/logo.svg",
      faviconUrl: null,
      groups: [{ name: "All", components: [{ name: "Chat" }, { name: "Zendesk" }] }],
    });
  });

  it("keeps the layout when only other fields change", async () => {
    const page = await mutate(t, UPDATE_PAGE, { input: { id: pageId, title: "Acme" } });
    expect(page).toMatchObject({ title: "Acme", slug: "acme-status", groups: [{ name: "All" }] });
  });

  it("refuses to take off a component an open incident or scheduled maintenance lists, saying which", async () => {
    const db = t.app.database.db;
    const at = new Date("2026-03-10T10:00:00Z");
    await db.incident.create({
      data: {
        pageId,
        name: "Chat is down",
        status: "INVESTIGATING",
        publishedAt: at,
        lastSequence: 1,
        components: { create: { componentId: c.Chat! } },
        updates: {
          create: {
            sequence: 1,
            status: "INVESTIGATING",
            message: "Looking",
            publishedAt: at,
            impacts: { create: [{ componentId: c.Chat, impact: "FULL_OUTAGE" }] },
          },
        },
      },
    });
    await db.maintenance.create({
      data: {
        pageId,
        name: "Zendesk upgrade",
        status: "SCHEDULED",
        startsAt: new Date("2030-01-01T00:00:00Z"),
        endsAt: new Date("2030-01-01T02:00:00Z"),
        publishedAt: at,
        components: { create: [{ componentId: c.Zendesk, impact: "UNDER_MAINTENANCE" }] },
      },
    });
    // Written past the service: say so, as every write through it does, or pages read before stay as they were.
    announce(t.app.events, { pageId, subject: "INCIDENT", kind: "PUBLISHED", subjectId: null, at });
    const refused = await mutate(t, UPDATE_PAGE, { input: { id: pageId, components: [c.Forms] } });
    expect(refused).toMatchObject({
      __typename: "InUseError",
      usedBy: ['incident "Chat is down"', 'maintenance "Zendesk upgrade"'],
    });
    expect(refused.message).toContain('"Chat", "Zendesk"');
    const { statusPage } = await t.ok<LayoutRead>(LAYOUT, { slug: "acme-status" });
    expect(names(statusPage.components)).toEqual(["Chat", "Zendesk"]);
    // The open incident shows in the derived status.
    expect(statusPage.components[0]!.status).toBe("FULL_OUTAGE");
    expect(statusPage.summary).toEqual({ status: "FULL_OUTAGE", sentence: "Full outage" });

    // Adding components around the listed ones is fine.
    const grown = await mutate(t, UPDATE_PAGE, { input: { id: pageId, components: [c.Chat, c.Zendesk, c.Forms] } });
    expect(grown).toMatchObject({ __typename: "StatusPage", groups: [{ name: null, components: [{ name: "Chat" }, { name: "Zendesk" }, { name: "Forms" }] }] });
  });

  it("deletes a page with its incidents and maintenance", async () => {
    const db = t.app.database.db;
    const deleted = await mutate(t, `mutation ($id: ID!) { deleteStatusPage(id: $id) { __typename ... on StatusPage { slug } } }`, { id: pageId });
    expect(deleted).toEqual({ __typename: "StatusPage", slug: "acme-status" });
    expect(await db.incident.count({ where: { pageId } })).toBe(0);
    expect(await db.maintenance.count({ where: { pageId } })).toBe(0);
    expect(await db.pageComponent.count({ where: { pageId } })).toBe(0);
  });
});
