// Customer sub-pages live: each subscriber hears about its own components only,
// signed-in viewers only see their own sub-pages, and refusals reveal nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { newSecret } from "../../server/auth/tokens.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";
import { subscribeWs, until, wsClient, type Subscription } from "../helpers/live.js";
import { CREATE_PAGE, createEntry, createRunbookCatalog, mutate } from "../helpers/pages.js";

const STATUS = `subscription ($page: String!, $sub: String) { pageStatus(pageSlug: $page, subPageSlug: $sub) { subPage { name } status components { name status } incidents { name } } }`;
const CHANGES = `subscription ($page: String!, $sub: String) { componentStatusChanged(pageSlug: $page, subPageSlug: $sub) { name previous next at cause { subject kind id name } } }`;
const EVENTS = `subscription ($page: String!, $sub: String) { pageEvents(pageSlug: $page, subPageSlug: $sub) { kind subject id name componentIds incident { status } } }`;
const DELETE_INCIDENT = `mutation ($id: ID!) { deleteIncident(id: $id) { __typename } }`;

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let c: Record<string, string>;
let slug: string;
let viewer: Client;
let operator: Client;
let anonymous: Client;
const main: Record<"status" | "changes" | "events", Subscription> = {} as never;
const support: Record<"status" | "changes" | "events", Subscription> = {} as never;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  const catalog = await createRunbookCatalog(t, ["Zendesk", "Chat"]);
  c = { ...catalog.components, Forms: (await createEntry(t, { typeId: catalog.componentsTypeId, name: "Forms" })).id };
  await createEntry(t, {
    typeId: catalog.groupsTypeId,
    name: "support",
    values: [
      { attribute: "Components", values: ["Forms"] },
      { attribute: "Email domains", values: ["example.com"] },
    ],
  });
  const page = await mutate(t, CREATE_PAGE, {
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
  });
  slug = page.slug as string;
  // A signed-in viewer at gitlab.com: the "main" group's domain.
  const session = newSecret("sg_session");
  const now = t.app.now();
  await t.app.database.db.viewerSession.create({
    data: { hash: session.hash, email: "ann@gitlab.com", pageId: page.id!, createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) },
  });
  const url = await t.app.start(0);
  viewer = wsClient(url, { token: session.secret });
  operator = wsClient(url, { authorization: `Bearer ${t.adminKey}` });
  anonymous = wsClient(url);
});
afterAll(async () => {
  await Promise.all([viewer, operator, anonymous].map((client) => client.dispose()));
  await t.close();
});

const vars = (sub: string | null) => ({ page: slug, sub });

describe("who may subscribe to a sub-page", () => {
  it("asks anonymous subscribers to sign in, in the same words whether or not the sub-page exists", async () => {
    for (const sub of ["main", "no-such-customer"]) {
      const { errors } = await subscribeWs(anonymous, STATUS, vars(sub)).inbox.next();
      expect(errors).toEqual([expect.objectContaining({ message: "Sign in to see this page", extensions: { code: "UNAUTHENTICATED" } })]);
    }
  });

  it("refuses a viewer another customer's sub-page and the page's own view", async () => {
    const { errors } = await subscribeWs(viewer, EVENTS, vars("support")).inbox.next();
    expect(errors?.[0]).toMatchObject({ message: "You may not see this page", extensions: { code: "FORBIDDEN" } });
    const own = await subscribeWs(viewer, EVENTS, vars(null)).inbox.next();
    expect(own.errors?.[0]).toMatchObject({ message: expect.stringContaining("needs an operator with the viewer role"), extensions: { code: "FORBIDDEN" } });
  });

  it("starts a viewer's and an operator's subscriptions with their sub-page's summary", async () => {
    for (const [subs, client, sub] of [
      [main, viewer, "main"],
      [support, operator, "support"],
    ] as const) {
      subs.status = subscribeWs(client, STATUS, vars(sub));
      subs.changes = subscribeWs(client, CHANGES, vars(sub));
      subs.events = subscribeWs(client, EVENTS, vars(sub));
    }
    expect((await main.status.inbox.next()).data!.pageStatus).toEqual({
      subPage: { name: "main" },
      status: "OPERATIONAL",
      components: [
        { name: "Zendesk", status: "OPERATIONAL" },
        { name: "Chat", status: "OPERATIONAL" },
      ],
      incidents: [],
    });
    expect((await support.status.inbox.next()).data!.pageStatus.components).toEqual([{ name: "Forms", status: "OPERATIONAL" }]);
    await until(() => t.app.hub.stats().listeners === 6, 3_000, "six live subscriptions");
  });
});

describe("changes on a customer page", () => {
  let incident: string;
  const quietSupport = () => expectQuiet(Object.values(support));

  it("reach the sub-page whose component an incident affects, with the cause of each status change", async () => {
    incident = await publishIncident(t, await pageId(), [{ componentId: c.Zendesk!, impact: "PARTIAL_OUTAGE" }], { name: "Zendesk slow" });
    expect((await main.status.inbox.next()).data!.pageStatus).toMatchObject({ status: "PARTIAL_OUTAGE", incidents: [{ name: "Zendesk slow" }] });
    expect((await main.changes.inbox.next()).data!.componentStatusChanged).toEqual({
      name: "Zendesk",
      previous: "OPERATIONAL",
      next: "PARTIAL_OUTAGE",
      at: "2026-03-10T12:00:00.000Z",
      cause: { subject: "INCIDENT", kind: "PUBLISHED", id: incident, name: "Zendesk slow" },
    });
    expect((await main.events.inbox.next()).data!.pageEvents).toEqual({
      kind: "PUBLISHED",
      subject: "INCIDENT",
      id: incident,
      name: "Zendesk slow",
      componentIds: [c.Zendesk],
      incident: { status: "INVESTIGATING" },
    });
    await quietSupport();
  });

  it("report a resolution as a status change back to operational", async () => {
    await publishIncidentUpdate(t, incident, { status: "RESOLVED", message: "Fixed." });
    expect((await main.changes.inbox.next()).data!.componentStatusChanged).toMatchObject({
      previous: "PARTIAL_OUTAGE",
      next: "OPERATIONAL",
      cause: { kind: "RESOLVED", id: incident },
    });
    expect((await main.events.inbox.next()).data!.pageEvents).toMatchObject({ kind: "RESOLVED", id: incident, incident: null });
    expect((await main.status.inbox.next()).data!.pageStatus).toMatchObject({ status: "OPERATIONAL", incidents: [] });
    await quietSupport();
  });

  it("send a deleted incident's event to the sub-page it affected only, and no summary when nothing shown changed", async () => {
    await t.ok(DELETE_INCIDENT, { id: incident });
    expect((await main.events.inbox.next()).data!.pageEvents).toEqual({
      kind: "DELETED",
      subject: "INCIDENT",
      id: incident,
      name: "Zendesk slow",
      componentIds: [c.Zendesk],
      incident: null,
    });
    await expectQuiet([...Object.values(support), main.status, main.changes]);
  });

  it("send another customer's incident to that customer only, and its deletion too", async () => {
    const forms = await publishIncident(t, await pageId(), [{ componentId: c.Forms!, impact: "FULL_OUTAGE" }], { name: "Forms down" });
    expect((await support.events.inbox.next()).data!.pageEvents).toMatchObject({ kind: "PUBLISHED", id: forms, componentIds: [c.Forms] });
    expect((await support.status.inbox.next()).data!.pageStatus.status).toBe("FULL_OUTAGE");
    await t.ok(DELETE_INCIDENT, { id: forms });
    expect((await support.events.inbox.next()).data!.pageEvents).toMatchObject({ kind: "DELETED", id: forms, name: "Forms down" });
    expect((await support.status.inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
    await expectQuiet(Object.values(main));
  });
});

describe("a renamed sub-page", () => {
  it("is found under its new URL, not its old one, by new subscribers", async () => {
    const data = await t.ok<{ statusPage: { subPages: { id: string; slug: string }[] } }>(
      `query ($slug: String!) { statusPage(slug: $slug) { subPages { id slug } } }`,
      { slug },
    );
    const { id } = data.statusPage.subPages.find((p) => p.slug === "support")!;
    // Subscribing while the page is watched lets the service remember where "support" leads.
    expect((await subscribeWs(operator, STATUS, vars("support")).inbox.next()).data!.pageStatus.subPage).toEqual({ name: "support" });
    await t.ok(`mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) { __typename } }`, { input: { id, slug: "helpdesk" } });
    const { errors } = await subscribeWs(operator, STATUS, vars("support")).inbox.next();
    expect(errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND" } });
    expect((await subscribeWs(operator, STATUS, vars("helpdesk")).inbox.next()).data!.pageStatus.subPage).toEqual({ name: "support" });
  });
});

const mentions = (m: { data?: unknown }, text: string) => JSON.stringify(m.data).includes(text);

/**
 * Asserts that nothing arrived on `quiet` since its last read. The barrier: an incident
 * that changes both sub-pages, whose messages must be the next each subscription gets
 * (each delivers in order); deleting it again then leaves every subscription as it was.
 */
async function expectQuiet(quiet: Subscription[]): Promise<void> {
  const impacts = [c.Zendesk!, c.Forms!].map((componentId) => ({ componentId, impact: "FULL_OUTAGE" }));
  const id = await publishIncident(t, await pageId(), impacts, { name: "Barrier" });
  for (const s of quiet) expect(mentions(await s.inbox.next(), "Barrier"), "the barrier is the next message").toBe(true);
  const all = [...Object.values(main), ...Object.values(support)];
  for (const s of all) if (!quiet.includes(s)) await s.inbox.until((m) => mentions(m, "Barrier"));
  await t.ok(DELETE_INCIDENT, { id });
  await Promise.all([main, support].map((subs) => subs.status.inbox.until((m) => !mentions(m, "Barrier"))));
  await Promise.all([main, support].map((subs) => subs.changes.inbox.until((m) => mentions(m, `"kind":"DELETED","id":"${id}"`))));
  await Promise.all([main, support].map((subs) => subs.events.inbox.until((m) => mentions(m, `"kind":"DELETED"`) && mentions(m, id))));
}

async function pageId(): Promise<string> {
  const data = await t.ok<{ statusPage: { id: string } }>(`query ($slug: String!) { statusPage(slug: $slug) { id } }`, { slug });
  return data.statusPage.id;
}
