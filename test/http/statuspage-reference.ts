// The shape of Atlassian Statuspage's public v2 documents, as real pages return them.
// Keys, nesting, key order and JSON types are those of recorded responses; the values
// are neutral stand-ins of the same type (a null stays null where real pages send null).
//
// Where the shape comes from:
// - summary.json of www.cloudflarestatus.com, recorded 2026-05-16: a component group
//   (`group: true` with `components: [ids]`), a member (`group_id`), an incident with
//   `reminder_intervals`, a scheduled maintenance with `scheduled_for`/`scheduled_until`.
// - incidents.json of www.githubstatus.com, recorded 2024-09-17, kept as a test fixture by
//   github.com/slok/stactus (internal/storage/atlassianstatuspage/atlassianstatuspage_test.go):
//   `page.time_zone`, `incident_updates[].affected_components[] {code,name,old_status,new_status}`.
// - summary.json of status-swap.huobigroup.com (a hosted Statuspage page) as published in
//   HTX's API reference ("Get system status"): a whole summary with a scheduled maintenance.
// - Atlassian's own per-page API documentation (e.g. https://metastatuspage.com/api and
//   https://confluence.status.atlassian.com/api): the endpoint list and the enum values.

const TIME = "2024-09-16T21:31:02.719Z";

const component = {
  id: "vg70hn9s2tyj",
  name: "Pages",
  status: "operational",
  created_at: TIME,
  updated_at: TIME,
  position: 1,
  description: null,
  showcase: false,
  start_date: null,
  group_id: "br0l2tvcx85d",
  page_id: "kctbh9vrtdwd",
  group: false,
  only_show_if_degraded: false,
};

const group = { ...component, id: "br0l2tvcx85d", group_id: null, group: true, components: ["vg70hn9s2tyj"] };

const page = { id: "kctbh9vrtdwd", name: "Example", url: "https://status.example.com", time_zone: "Etc/UTC", updated_at: TIME };

const update = {
  id: "gv96mtfg46fj",
  status: "investigating",
  body: "We are investigating.",
  incident_id: "69sb0f8lydp4",
  created_at: TIME,
  updated_at: TIME,
  display_at: TIME,
  affected_components: [{ code: "vg70hn9s2tyj", name: "Pages", old_status: "operational", new_status: "partial_outage" }],
  deliver_notifications: true,
  custom_tweet: null,
  tweet_id: null,
};

const incident = {
  id: "69sb0f8lydp4",
  name: "Incident with Pages",
  status: "investigating",
  created_at: TIME,
  updated_at: TIME,
  monitoring_at: null,
  resolved_at: null,
  impact: "major",
  shortlink: "https://stspg.io/mc6sr407p78b",
  started_at: TIME,
  page_id: "kctbh9vrtdwd",
  incident_updates: [update],
  components: [component],
  reminder_intervals: null,
};

const maintenance = {
  id: "k7g299zl765l",
  name: "Scheduled maintenance",
  status: "scheduled",
  created_at: TIME,
  updated_at: TIME,
  monitoring_at: null,
  resolved_at: null,
  impact: "maintenance",
  shortlink: "https://stspg.io/md4t4ym7nytd",
  started_at: TIME,
  page_id: "kctbh9vrtdwd",
  incident_updates: [{ ...update, status: "scheduled", affected_components: [{ ...update.affected_components[0], new_status: "operational" }] }],
  components: [component],
  scheduled_for: TIME,
  scheduled_until: TIME,
};

const status = { indicator: "minor", description: "Minor Service Outage" };

/** One reference document per endpoint (path under /api/v2/). */
export const STATUSPAGE_REFERENCE: Record<string, unknown> = {
  "summary.json": { page, components: [group, component], incidents: [incident], scheduled_maintenances: [maintenance], status },
  "status.json": { page, status },
  "components.json": { page, components: [group, component] },
  "incidents.json": { page, incidents: [incident] },
  "incidents/unresolved.json": { page, incidents: [incident] },
  "scheduled-maintenances.json": { page, scheduled_maintenances: [maintenance] },
  "scheduled-maintenances/upcoming.json": { page, scheduled_maintenances: [maintenance] },
  "scheduled-maintenances/active.json": { page, scheduled_maintenances: [{ ...maintenance, status: "in_progress" }] },
};

export const STATUSPAGE_ENUMS = {
  componentStatus: ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"],
  indicator: ["none", "minor", "major", "critical", "maintenance"],
  incidentStatus: ["investigating", "identified", "monitoring", "resolved", "postmortem"],
  maintenanceStatus: ["scheduled", "in_progress", "verifying", "completed"],
};

/** ISO 8601 with milliseconds and an offset, as Statuspage writes every timestamp (ours always in UTC, `Z`). */
export const STATUSPAGE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Keys real pages send as a string on some objects and null on others. */
const NULLABLE_STRINGS = new Set(["description", "start_date", "group_id", "monitoring_at", "resolved_at", "custom_tweet", "tweet_id"]);

/**
 * Where `actual` departs from the reference's shape: a key the reference has that is
 * missing, out of the reference's order, or of another JSON type (null and string are one type for the keys real
 * pages send both ways). Array items are checked against the reference item of the
 * same kind (a group against a group, a component against a component).
 */
export function shapeDifferences(reference: unknown, actual: unknown, path = "$"): string[] {
  let [expected, got] = [jsonType(reference), jsonType(actual)];
  if (NULLABLE_STRINGS.has(path.split(".").at(-1)!)) [expected, got] = [expected.replace("null", "string"), got.replace("null", "string")];
  if (expected !== got) return [`${path}: ${got}, expected ${expected}`];
  if (expected === "array") {
    const items = reference as unknown[];
    return (actual as unknown[]).flatMap((item, i) => {
      const like =
        items.find(
          (r) => jsonType(r) === "object" && jsonType(item) === "object" && (r as { group?: unknown }).group === (item as { group?: unknown }).group,
        ) ?? items[0];
      return like === undefined ? [] : shapeDifferences(like, item, `${path}[${i}]`);
    });
  }
  if (expected !== "object") return [];
  const [ref, act] = [reference as Record<string, unknown>, actual as Record<string, unknown>];
  const missing = Object.keys(ref).filter((key) => !(key in act));
  if (missing.length > 0) return missing.map((key) => `${path}.${key}: missing`);
  // Statuspage's key order too: some hand-written parsers read keys positionally.
  const order = Object.keys(act).filter((key) => key in ref);
  const ordered = order.join() === Object.keys(ref).join() ? [] : [`${path}: keys in the order ${order.join()}`];
  return [...ordered, ...Object.keys(ref).flatMap((key) => shapeDifferences(ref[key], act[key], `${path}.${key}`))];
}
