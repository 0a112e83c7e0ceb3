import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import { Banner } from "../../web/src/components/Banner.js";
import { Home } from "../../web/src/components/Home.js";
import { PublicPage } from "../../web/src/components/PublicPage.js";
import { StatusLabel } from "../../web/src/components/StatusLabel.js";
import { UptimeBar } from "../../web/src/components/UptimeBar.js";
import { withLive, type LiveStatus } from "../../web/src/live.js";
import type { PageShell } from "../../web/src/components/PublicPage.graphql.js";
import type { ComponentStatus } from "../../web/src/graphql.js";
import { demoPageData, demoUptimeData, emptyPageData, uptime } from "./fixtures.js";
import { mockClient, type Answer } from "./mock-client.js";

const STATUSES: [ComponentStatus, string][] = [
  ["OPERATIONAL", "Operational"],
  ["UNDER_MAINTENANCE", "Under maintenance"],
  ["DEGRADED_PERFORMANCE", "Degraded performance"],
  ["PARTIAL_OUTAGE", "Partial outage"],
  ["FULL_OUTAGE", "Full outage"],
];

const shell: PageShell = { id: "p1", slug: "demo", title: "Demo", kind: "PUBLIC", theme: "LIGHT", logoUrl: null, faviconUrl: null };

function render(element: ReactElement, answers: Record<string, Answer> = {}): string {
  return renderToStaticMarkup(<Provider value={mockClient(answers)}>{element}</Provider>);
}

/** Visible text, tags stripped, so assertions read like what a person sees. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("statuses", () => {
  it.each(STATUSES)("%s is told in words, not by colour alone", (status, label) => {
    const html = render(<StatusLabel status={status} />);
    expect(text(html)).toContain(label);
    expect(html).toMatch(/aria-hidden="true"/); // the symbol is decoration
    const banner = render(<Banner summary={{ status, sentence: `Sentence for ${label}` }} />);
    expect(text(banner)).toContain(`Sentence for ${label}`);
    expect(banner).toContain('aria-live="polite"');
  });

  it("labels every uptime day with its date and worst status for screen readers", () => {
    const html = render(<UptimeBar name="API" uptime={uptime(90, { 88: "PARTIAL_OUTAGE" })} />);
    expect(html.match(/<button/g)).toHaveLength(90);
    expect(html).toMatch(/aria-label="[^"]+: Partial outage, 1 incident"/);
    expect(html).toMatch(/aria-label="[^"]+: Operational"/);
    expect(html).toMatch(/aria-label="API uptime, last 90 days: 99\.\d\d%"/);
    // One tab stop per bar; arrow keys move between days.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });
});

describe("a public page", () => {
  it("shows a loading state", () => {
    expect(text(render(<PublicPage shell={shell} />, { Page: "loading" }))).toContain("Loading the status page…");
  });

  it("shows an error state without server details", () => {
    const html = render(<PublicPage shell={shell} />, { Page: { networkError: "ECONNREFUSED 10.0.0.3" } });
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Could not load the status page — the service could not be reached.");
    expect(html).not.toContain("10.0.0.3");
  });

  it("shows banner, grouped components, ongoing incident timeline, maintenance and history", () => {
    const html = render(<PublicPage shell={shell} />, {
      Page: { data: demoPageData() },
      PageUptime: { data: demoUptimeData() },
      PublicHistory: { data: { statusPage: { id: "p1", incidentHistory: { pageInfo: { hasNextPage: true, endCursor: "c1" }, edges: [] } } } },
    });
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

  it("shows empty states", () => {
    const html = render(<PublicPage shell={shell} />, {
      Page: { data: emptyPageData() },
      PublicHistory: { data: { statusPage: { id: "p1", incidentHistory: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } } },
    });
    const seen = text(html);
    expect(seen).toContain("All systems operational");
    expect(seen).toContain("This page lists no components yet.");
    expect(seen).not.toContain("Ongoing incidents");
    expect(seen).not.toContain("Upcoming maintenance");
  });

  it("lists public pages only on the home page, or says there are none", () => {
    const page = (kind: string, title: string) => ({ id: title, slug: title, title, kind, summary: { status: "OPERATIONAL", sentence: "ok" } });
    const html = render(<Home />, { StatusPages: { data: { statusPages: [page("PUBLIC", "Acme"), page("CUSTOMER", "Secret")] } } });
    expect(text(html)).toContain("Acme");
    expect(text(html)).not.toContain("Secret");
    expect(text(render(<Home />, { StatusPages: { data: { statusPages: [] } } }))).toContain("No public status pages yet.");
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
