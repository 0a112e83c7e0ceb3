// A public page as the documents of Atlassian Statuspage's public v2 API
// (/api/v2/summary.json and its siblings): the same keys, nesting, enum values and
// timestamp format (ISO 8601, milliseconds, UTC `Z`), so existing clients read them.
import { deriveComponentStatuses, worstStatus } from "./status.js";
import { componentStatus, pageIndicator, type SpComponentStatus } from "./statuspage-map.js";
import { incidentJson, maintenanceJson, type SpIncident, type SpMaintenance } from "./statuspage-events.js";
import type { StatuspageSource } from "./statuspage-source.js";
import type { ComponentStatus } from "./types.js";

export const STATUSPAGE_DOCUMENTS = [
  "summary",
  "status",
  "components",
  "incidents",
  "incidents/unresolved",
  "scheduled-maintenances",
  "scheduled-maintenances/upcoming",
  "scheduled-maintenances/active",
] as const;
export type StatuspageDocumentName = (typeof STATUSPAGE_DOCUMENTS)[number];

/** How many incidents (beyond the unresolved) and maintenances (beyond the open) the lists hold, as on Statuspage. */
export const STATUSPAGE_LIST_MAX = 50;

export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: SpComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Groups only: their members' ids. */
  components?: string[];
}

export const iso = (d: Date): string => d.toISOString();
const latest = (dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));

/** The page's components, each group first and then its members; positions count from 1 among siblings. */
function componentsJson(source: StatuspageSource, statuses: Map<string, ComponentStatus>): SpComponent[] {
  const { page } = source;
  // In Statuspage's key order, which some hand-written parsers rely on.
  const describe = (groupId: string | null, group: boolean) => ({
    description: null,
    showcase: false,
    start_date: null,
    group_id: groupId,
    page_id: page.id,
    group,
    only_show_if_degraded: false,
  });
  const result: SpComponent[] = [];
  let position = 0;
  for (const section of source.sections) {
    const member = (c: StatuspageSource["sections"][number]["components"][number], i: number, groupId: string | null): SpComponent => ({
      id: c.id,
      name: c.name,
      status: componentStatus(statuses.get(c.id) ?? "OPERATIONAL"),
      created_at: iso(c.createdAt),
      updated_at: iso(c.updatedAt),
      position: groupId ? i + 1 : ++position,
      ...describe(groupId, false),
    });
    if (!section.group) {
      result.push(...section.components.map((c, i) => member(c, i, null)));
      continue;
    }
    const members = section.components;
    result.push({
      id: section.group.id,
      name: section.group.name,
      status: componentStatus(worstStatus(members.map((c) => statuses.get(c.id) ?? "OPERATIONAL"))),
      // Groups keep no dates of their own: the page's stand in.
      created_at: iso(page.createdAt),
      updated_at: iso(latest([page.updatedAt, ...members.map((c) => c.updatedAt)])),
      position: ++position,
      ...describe(null, true),
      components: members.map((c) => c.id),
    });
    result.push(...members.map((c, i) => member(c, i, section.group!.id)));
  }
  return result;
}

/** Every document, built from one read of the page; `pageUrl` is where viewers open the page. */
export function buildStatuspageDocuments(source: StatuspageSource, pageUrl: string): Record<StatuspageDocumentName, object> {
  const componentIds = source.sections.flatMap((s) => s.components.map((c) => c.id));
  const statuses = deriveComponentStatuses(
    componentIds,
    source.incidents.map((i) => ({ id: i.id, status: i.status, impacts: i.updates.at(-1)?.impacts ?? [] })),
    source.maintenances,
  );
  const components = componentsJson(source, statuses);
  const byId = new Map(components.map((c) => [c.id, c]));
  const context = { pageId: source.page.id, pageUrl, components: byId };
  const incidents: SpIncident[] = source.incidents.map((i) => incidentJson(i, context));
  const maintenances: SpMaintenance[] = source.maintenances.map((m) => maintenanceJson(m, context));
  const changedAt = [
    source.page.updatedAt,
    ...source.sections.flatMap((s) => s.components.map((c) => c.updatedAt)),
    ...source.incidents.flatMap((i) => i.updates.map((u) => u.publishedAt)),
    ...source.maintenances.flatMap((m) => m.updates.map((u) => u.publishedAt)),
  ];
  const page: SpPage = { id: source.page.id, name: source.page.title, url: pageUrl, time_zone: "Etc/UTC", updated_at: iso(latest(changedAt)) };
  const status = pageIndicator(worstStatus(statuses.values()));
  const unresolved = incidents.filter((i) => i.status !== "resolved");
  const upcoming = maintenances.filter((m) => m.status === "scheduled").reverse();
  const active = maintenances.filter((m) => m.status === "in_progress").reverse();
  return {
    summary: { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    status: { page, status },
    components: { page, components },
    incidents: { page, incidents },
    "incidents/unresolved": { page, incidents: unresolved },
    "scheduled-maintenances": { page, scheduled_maintenances: maintenances },
    "scheduled-maintenances/upcoming": { page, scheduled_maintenances: upcoming },
    "scheduled-maintenances/active": { page, scheduled_maintenances: active },
  };
}
