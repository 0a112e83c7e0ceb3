// Every Markdown message comes with `messageHtml`, rendered by the server so
// clients can insert it as is: raw HTML shows as text, script links lose their
// URL, the rest is ordinary Markdown. Rendering runs no SQL of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { subscribeSse } from "../helpers/live.js";

const MESSAGE = [
  "Sign-in **fails** for some users of:",
  "",
  "- the web app",
  "- the API",
  "",
  "Follow [our blog](https://example.com).",
  "",
  "<script>alert(1)</script>",
  "",
  "<img src=x onerror=alert(1)>",
  "",
  "[link](javascript:alert(1))",
].join("\n");

const PUBLISH = /* GraphQL */ `
  mutation ($input: PublishIncidentInput!) {
    publishIncident(input: $input) { ... on IncidentPublication { draft { message messageHtml } } }
  }
`;

const UPDATE_MAINTENANCE = /* GraphQL */ `
  mutation ($input: PublishMaintenanceUpdateInput!) {
    publishMaintenanceUpdate(input: $input) {
      ... on MaintenancePublication { draft { messageHtml } maintenance { message messageHtml updates { messageHtml } } }
    }
  }
`;

function expectSafe(html: string) {
  expect(html).toContain("<p>Sign-in <strong>fails</strong> for some users of:</p>");
  expect(html).toContain("<ul>\n<li>the web app</li>\n<li>the API</li>\n</ul>");
  expect(html).toContain('<a href="https://example.com">our blog</a>');
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(html).toContain('<p><a href="">link</a></p>');
  expect(html).not.toMatch(/<script|<img|javascript:/i);
}

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
let t: TestApp;
let page: PageRef;
let api: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql) });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
});
afterAll(() => t.close());

describe("messageHtml", () => {
  it("comes with a published incident, escaping raw HTML and dropping script links", async () => {
    const input = {
      pageId: page.id,
      name: "Sign-in failures",
      status: "INVESTIGATING",
      message: MESSAGE,
      impacts: [{ componentId: api, impact: "PARTIAL_OUTAGE" }],
    };
    const { publishIncident } = await t.ok<{ publishIncident: { draft: { message: string; messageHtml: string } } }>(PUBLISH, { input });
    expect(publishIncident.draft.message).toBe(MESSAGE);
    expectSafe(publishIncident.draft.messageHtml);

    const { statusPage } = await t.ok<{ statusPage: { incidents: { updates: { message: string; messageHtml: string }[] }[] } }>(
      `query ($slug: String!) { statusPage(slug: $slug) { incidents { updates { message messageHtml } } } }`,
      { slug: page.slug },
      { as: "anonymous" },
    );
    const [update] = statusPage.incidents[0]!.updates;
    expect(update!.message).toBe(MESSAGE);
    expectSafe(update!.messageHtml);
  });

  it("comes with maintenance and its updates", async () => {
    const window = { startsAt: "2026-03-10T13:00:00Z", endsAt: "2026-03-10T14:00:00Z" };
    const maintenanceId = await scheduleMaintenance(t, page.id, window, [{ componentId: api, impact: "UNDER_MAINTENANCE" }], { message: "Planned." });
    const { publishMaintenanceUpdate } = await t.ok<{
      publishMaintenanceUpdate: { draft: { messageHtml: string }; maintenance: { message: string; messageHtml: string; updates: { messageHtml: string }[] } };
    }>(UPDATE_MAINTENANCE, { input: { maintenanceId, status: "IN_PROGRESS", message: MESSAGE } });
    const { draft, maintenance } = publishMaintenanceUpdate;
    expectSafe(draft.messageHtml);
    expect(maintenance.message).toBe(MESSAGE);
    expectSafe(maintenance.messageHtml);
    expectSafe(maintenance.updates[0]!.messageHtml);
    expect(maintenance.updates[1].messageHtml).toBe("<p>Planned.</p>");
  });

  it("comes with live incidents and maintenance", async () => {
    const url = await t.app.start(0);
    const live = subscribeSse(url, `subscription ($page: String!) { pageStatus(pageSlug: $page) { incidents { messageHtml } maintenances { messageHtml } } }`, {
      page: page.slug,
    });
    try {
      const { pageStatus } = (await live.inbox.next()).data!;
      expectSafe(pageStatus.incidents[0].messageHtml);
      expectSafe(pageStatus.maintenances[0].messageHtml);
    } finally {
      live.stop();
    }
  });

  it("runs no SQL statements of its own", async () => {
    const count = async (fields: string) => {
      // Read cold: a page shared since it last changed would cost nothing either way.
      t.app.snapshots.clear();
      statements.length = 0;
      await t.ok(`query ($slug: String!) { statusPage(slug: $slug) { ${fields} } }`, { slug: page.slug }, { as: "anonymous" });
      return statements.length;
    };
    const raw = await count("incidents { updates { message } } maintenances { message updates { message } }");
    const rendered = await count("incidents { updates { message messageHtml } } maintenances { message messageHtml updates { message messageHtml } }");
    expect(raw).toBeGreaterThan(0);
    expect(rendered).toBe(raw);
  });
});
