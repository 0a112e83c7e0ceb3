// Data shaped like the client's query results, for what is given data directly: an uptime bar, live summaries merged into a loaded page.
import type { Incident } from "../../web/src/components/IncidentCard.graphql.js";
import type { Maintenance } from "../../web/src/components/MaintenanceCard.graphql.js";
import type { Uptime } from "../../web/src/components/UptimeBar.graphql.js";
import type { ComponentStatus } from "../../web/src/graphql.js";

/** `days` UTC days ending 2026-03-10, operational except the given indexes (each with one incident). */
export function uptime(days: number, worst: Record<number, ComponentStatus> = {}): Uptime {
  const end = Date.UTC(2026, 2, 10);
  return {
    percentage: Object.keys(worst).length ? 0.997 : 1,
    days: Array.from({ length: days }, (_, i) => ({
      date: new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
      uptime: worst[i] ? 0.9 : 1,
      worst: worst[i] ?? "OPERATIONAL",
      incidentIds: worst[i] ? [`incident-${i}`] : [],
    })),
  };
}

const incident: Incident = {
  id: "i1",
  name: "Delayed email ingestion",
  status: "IDENTIFIED",
  publishedAt: "2026-03-10T09:00:00Z",
  resolvedAt: null,
  currentImpacts: [{ componentId: "c3", name: "Email ingestion", impact: "PARTIAL_OUTAGE" }],
  updates: [
    { id: "u2", status: "IDENTIFIED", messageHtml: "<p>A relay rejects large messages.</p>", publishedAt: "2026-03-10T10:00:00Z" },
    { id: "u1", status: "INVESTIGATING", messageHtml: "<p>Emails are arriving <strong>late</strong>.</p>", publishedAt: "2026-03-10T09:00:00Z" },
  ],
};

const maintenance: Maintenance = {
  id: "m1",
  name: "Phone upgrade",
  status: "SCHEDULED",
  startsAt: "2026-03-12T14:00:00Z",
  endsAt: "2026-03-12T16:00:00Z",
  messageHtml: "<p>Calls may drop.</p>",
  components: [{ componentId: "c4", name: "Phone line", impact: "UNDER_MAINTENANCE" }],
};

const component = (id: string, name: string, status: ComponentStatus) => ({ id, name, status });
const SHELL = { id: "p1", slug: "demo", title: "Demo", kind: "PUBLIC", theme: "LIGHT", logoUrl: null, faviconUrl: null };

/** The result of the Page query for a demo-like public page. */
export function demoPageData() {
  return {
    statusPage: {
      ...SHELL,
      summary: { status: "PARTIAL_OUTAGE", sentence: "Partial outage" },
      groups: [
        { name: "Support tools", components: [component("c1", "Zendesk", "OPERATIONAL"), component("c2", "Support portal", "OPERATIONAL")] },
        { name: "Channels", components: [component("c3", "Email ingestion", "PARTIAL_OUTAGE"), component("c4", "Phone line", "OPERATIONAL")] },
      ],
      incidents: [incident],
      upcoming: [maintenance],
      inProgress: [],
    },
  };
}
