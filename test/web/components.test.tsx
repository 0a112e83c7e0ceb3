// The public page's components, rendered with the web client's urql exchanges against a
// real server on loopback whose data was made through the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Banner } from "../../web/src/components/Banner.js";
import { Home } from "../../web/src/components/Home.js";
import { PageRoute } from "../../web/src/components/PageRoute.js";
import { PublicPage } from "../../web/src/components/PublicPage.js";
import { StatusLabel } from "../../web/src/components/StatusLabel.js";
import { UptimeBar } from "../../web/src/components/UptimeBar.js";
import type { PageShell } from "../../web/src/components/PublicPage.graphql.js";
import type { ComponentStatus } from "../../web/src/graphql.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, publishIncident, publishIncidentUpdate, scheduleMaintenance } from "../helpers/fixtures.js";
import { CREATE_PAGE, mutate } from "../helpers/pages.js";
import { createCustomerLivePage } from "../helpers/customer-live.js";
import { withLive, type LiveStatus } from "../../web/src/live.js";
import { demoPageData, uptime } from "./fixtures.js";
import { refusingOrigin, renderNow, renderSettled, serverClient, visibleText as text } from "./render.js";

const STATUSES: [ComponentStatus, string][] = [
  ["OPERATIONAL", "Operational"],
  ["UNDER_MAINTENANCE", "Under maintenance"],
  ["DEGRADED_PERFORMANCE", "Degraded performance"],
  ["PARTIAL_OUTAGE", "Partial outage"],
  ["FULL_OUTAGE", "Full outage"],
];

const clock = testClock("2030-03-10T12:00:00Z");
let t: TestApp;
let origin: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  origin = new URL(await t.app.start(0)).origin;
});
afterAll(() => t.close());

/** A public page made through the API; returns what the page route would hand PublicPage. */
async function createShell(title: string, groups: { name: string; components: string[] }[]): Promise<PageShell> {
  const page = await mutate(t, CREATE_PAGE, { input: { title, kind: "PUBLIC", groups } });
  if (page.__typename !== "StatusPage") throw new Error(`createStatusPage: ${JSON.stringify(page)}`);
  return page as unknown as PageShell;
}

describe("statuses", () => {
  it.each(STATUSES)("%s is told in words, not by colour alone", (status, label) => {
    const html = renderNow(serverClient(origin), <StatusLabel status={status} />);
    expect(text(html)).toContain(label);
    expect(html).toMatch(/aria-hidden="true"/); // the symbol is decoration
    const banner = renderNow(serverClient(origin), <Banner summary={{ status, sentence: `Sentence for ${label}` }} />);
    expect(text(banner)).toContain(`Sentence for ${label}`);
    expect(banner).toContain('aria-live="polite"');
  });

  it("labels every uptime day with its date and worst status for screen readers", () => {
    const html = renderNow(serverClient(origin), <UptimeBar name="API" uptime={uptime(90, { 88: "PARTIAL_OUTAGE" })} />);
    expect(html.match(/<button/g)).toHaveLength(90);
    expect(html).toMatch(/aria-label="[^"]+: Partial outage, 1 incident"/);
    expect(html).toMatch(/aria-label="[^"]+: Operational"/);
    expect(html).toMatch(/aria-label="API uptime, last 90 days: 99\.\d\d%"/);
    // One tab stop per bar; arrow keys move between days.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });
});

describe("the home page", () => {
  it("says when there is no public page yet", async () => {
    expect(text(await renderSettled(origin, <Home />))).toContain("No public status pages yet.");
  });

  it("lists public pages only, also to an operator who may read customer pages", async () => {
    const [api] = await createComponents(t, ["API"]);
    await createShell("Acme", [{ name: "Services", components: [api!] }]);
    await createCustomerLivePage(t, ["acme.io"]);
    const operator = await t.ok<{ statusPages: { title: string }[] }>(`{ statusPages { title } }`);
    expect(operator.statusPages.map((p) => p.title)).toContain("Customers");
    const seen = text(await renderSettled(origin, <Home />, bearer(t.adminKey)));
    expect(seen).toContain("Acme");
    expect(seen).not.toContain("Customers");
  });
});

describe("a public page", () => {
  let demo: PageShell;
  let empty: PageShell;

  beforeAll(async () => {
    const [zendesk, portal, email, phone] = await createComponents(t, ["Zendesk", "Support portal", "Email ingestion", "Phone line"]);
    demo = await createShell("Demo", [
      { name: "Support tools", components: [zendesk!, portal!] },
      { name: "Channels", components: [email!, phone!] },
    ]);
    const incident = await publishIncident(t, demo.id, [{ componentId: email!, impact: "PARTIAL_OUTAGE" }], {
      name: "Delayed email ingestion",
      message: "Emails are arriving **late**.",
    });
    clock.advance(60 * 60_000);
    await publishIncidentUpdate(t, incident, { message: "A relay rejects large messages." });
    await scheduleMaintenance(
      t,
      demo.id,
      { startsAt: "2030-03-12T14:00:00Z", endsAt: "2030-03-12T16:00:00Z" },
      [{ componentId: phone!, impact: "UNDER_MAINTENANCE" }],
      {
        name: "Phone upgrade",
        message: "Calls may drop.",
      },
    );
    empty = await createShell("Empty", []);
  });

  it("shows a loading state until the server has answered", () => {
    expect(text(renderNow(serverClient(origin), <PublicPage shell={demo} />))).toContain("Loading the status page…");
  });

  it("shows an error state without server details when the service cannot be reached", async () => {
    const down = await refusingOrigin();
    const html = await renderSettled(down, <PublicPage shell={demo} />);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Could not load the status page — the service could not be reached.");
    expect(html).not.toContain("127.0.0.1");
    expect(html).not.toContain("ECONNREFUSED");
  });

  it("says there is no page at an address the server does not know", async () => {
    expect(text(await renderSettled(origin, <PageRoute page="no-such-page" />))).toContain("There is no status page here");
  });

  it("shows banner, grouped components, ongoing incident timeline, maintenance and history", async () => {
    const html = await renderSettled(origin, <PageRoute page={demo.slug} />);
    const seen = text(html);
    expect(seen).toContain("Partial outage");
    expect(seen).toMatch(/Support tools .*Zendesk .*Operational/);
    expect(seen).toMatch(/Channels .*Email ingestion .*Partial outage/);
    expect(seen).toMatch(/Delayed email ingestion .*Identified .*A relay .*Investigating .*Emails are arriving late/);
    // Messages come rendered by the server and are shown as given.
    expect(html).toContain('<div class="markdown"><p>Emails are arriving <strong>late</strong>.</p></div>');
    expect(html).toContain('<div class="markdown"><p>Calls may drop.</p></div>');
    expect(html.match(/<button[^>]*class="day /g)).toHaveLength(4 * 90);
    expect(html).toMatch(/aria-label="[^"]+: Partial outage, 1 incident"/);
    expect(seen).toMatch(/Upcoming maintenance Times are in your time zone, \S+/);
    expect(seen).toMatch(/Phone upgrade .*Scheduled .*[AP]?M? ?\w{2,5}[+-]?\d* –/);
    expect(seen).toContain("Incident history");
  });

  it("shows empty states", async () => {
    const seen = text(await renderSettled(origin, <PublicPage shell={empty} />));
    expect(seen).toContain("All systems operational");
    expect(seen).toContain("This page lists no components yet.");
    expect(seen).not.toContain("Ongoing incidents");
    expect(seen).not.toContain("Upcoming maintenance");
  });
});

describe("live summaries over the loaded page", () => {
  const loaded = () => ({ ...demoPageData().statusPage, summary: { status: "PARTIAL_OUTAGE" as const, sentence: "Partial outage" } });
  const live = (incident: Partial<LiveStatus["incidents"][number]>): LiveStatus => ({
    status: "FULL_OUTAGE",
    sentence: "Full outage",
    components: [{ id: "c3", name: "Email ingestion", group: "Channels", status: "FULL_OUTAGE" }],
    incidents: [
      {
        id: "i1",
        name: "Delayed email ingestion",
        status: "IDENTIFIED",
        sequence: 2,
        messageHtml: "",
        publishedAt: "2026-03-10T09:00:00Z",
        updatedAt: "2026-03-10T10:00:00Z",
        impacts: [],
        ...incident,
      },
    ],
    maintenances: [],
  });

  it("shows a newer update at once, on top of the loaded timeline", () => {
    const page = withLive(loaded(), live({ status: "MONITORING", messageHtml: "<p>Watching.</p>", updatedAt: "2026-03-10T11:00:00Z" }));
    expect(page.summary).toEqual({ status: "FULL_OUTAGE", sentence: "Full outage" });
    expect(page.groups).toEqual([{ name: "Channels", components: [{ id: "c3", name: "Email ingestion", status: "FULL_OUTAGE", uptime: undefined }] }]);
    expect(page.incidents[0]!.updates.map((u) => u.status)).toEqual(["MONITORING", "IDENTIFIED", "INVESTIGATING"]);
    expect(page.incidents[0]!.updates[0]!.messageHtml).toBe("<p>Watching.</p>");
  });

  it("keeps the loaded timeline when it already has the latest update", () => {
    const page = withLive(loaded(), live({}));
    expect(page.incidents[0]!.updates.map((u) => u.id)).toEqual(["u2", "u1"]);
  });
});
