// A change reaches live subscribers on every transport: graphql-ws, urql over
// graphql-ws, and SSE. A preview reaches none of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, PUBLISH_INCIDENT, type PageRef } from "../helpers/fixtures.js";
import { subscribeSse, subscribeUrql, subscribeWs, urqlClient, wsClient, type Subscription } from "../helpers/live.js";

const PAGE_STATUS = /* GraphQL */ `
  subscription ($page: String!) {
    pageStatus(pageSlug: $page) {
      page { slug title theme }
      subPage { slug }
      status
      sentence
      components { name group status }
      incidents { name status message impacts { name impact } }
      maintenances { name }
    }
  }
`;

let t: TestApp;
let page: PageRef;
let api: string;
let url: string;
const clients: Client[] = [];
const subscriptions: Record<"graphql-ws" | "urql" | "sse", Subscription> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  [api] = (await createComponents(t, ["API", "Web"])) as [string];
  page = await createPage(t, [api], "Acme status");
  url = await t.app.start(0);
  clients.push(wsClient(url), wsClient(url));
  subscriptions["graphql-ws"] = subscribeWs(clients[0]!, PAGE_STATUS, { page: page.slug });
  subscriptions.urql = subscribeUrql(urqlClient(url, clients[1]!), PAGE_STATUS, { page: page.slug });
  subscriptions.sse = subscribeSse(url, PAGE_STATUS, { page: page.slug });
});
afterAll(async () => {
  for (const s of Object.values(subscriptions)) s.stop();
  await Promise.all(clients.map((c) => c.dispose()));
  await t.close();
});

const input = (preview: boolean) => ({
  pageId: page.id,
  name: "Slow API",
  status: "INVESTIGATING",
  message: "Requests are slow.",
  impacts: [{ componentId: api, impact: "PARTIAL_OUTAGE" }],
  preview,
});

describe("live page status", () => {
  it("starts every subscriber with the current summary", async () => {
    for (const [transport, { inbox }] of Object.entries(subscriptions)) {
      const first = await inbox.next();
      expect(first.errors, transport).toBeUndefined();
      expect(first.data!.pageStatus, transport).toEqual({
        page: { slug: page.slug, title: "Acme status", theme: "LIGHT" },
        subPage: null,
        status: "OPERATIONAL",
        sentence: "All systems operational",
        components: [{ name: "API", group: null, status: "OPERATIONAL" }],
        incidents: [],
        maintenances: [],
      });
    }
  });

  it("sends nothing for a preview, and the new summary to every transport when an incident is published", async () => {
    const result = await t.ok<{ publishIncident: unknown }>(PUBLISH_INCIDENT, { input: input(true) });
    expect(result.publishIncident).toMatchObject({ preview: true, componentChanges: [{ name: "API", next: "PARTIAL_OUTAGE" }] });
    // The publish is the barrier: each transport delivers in order, so a message for the preview would come before its summary.
    await t.ok(PUBLISH_INCIDENT, { input: input(false) });
    for (const [transport, { inbox }] of Object.entries(subscriptions)) {
      const { data } = await inbox.next();
      expect(data!.pageStatus, transport).toMatchObject({
        status: "PARTIAL_OUTAGE",
        sentence: "Partial outage",
        components: [{ name: "API", status: "PARTIAL_OUTAGE" }],
        incidents: [{ name: "Slow API", status: "INVESTIGATING", message: "Requests are slow.", impacts: [{ name: "API", impact: "PARTIAL_OUTAGE" }] }],
      });
    }
  });

  it("refuses an unknown page with a GraphQL error", async () => {
    const s = subscribeWs(clients[0]!, PAGE_STATUS, { page: "no-such-page" });
    const { errors } = await s.inbox.next();
    expect(errors).toEqual([expect.objectContaining({ message: 'No status page "no-such-page"', extensions: { code: "NOT_FOUND" } })]);
  });
});
