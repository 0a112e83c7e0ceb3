// Incidents and maintenance as Statuspage's v2 incident and scheduled-maintenance
// objects. Statuspage records each update's component transitions; ours are
// replayed from the updates, per incident or maintenance, oldest first.
import {
  STATUSPAGE_INCIDENT_STATUS,
  STATUSPAGE_MAINTENANCE_STATUS,
  componentStatus,
  impactComponentStatus,
  impactIndicator,
  type SpComponentStatus,
  type SpIncidentStatus,
  type SpIndicator,
  type SpMaintenanceStatus,
} from "./statuspage-map.js";
import type { SpSourceIncident, SpSourceMaintenance } from "./statuspage-source.js";
import type { SpComponent } from "./statuspage-v2.js";
import type { ComponentStatus } from "./types.js";

export interface SpAffectedComponent {
  code: string;
  name: string;
  old_status: SpComponentStatus;
  new_status: SpComponentStatus;
}

export interface SpIncidentUpdate {
  id: string;
  status: SpIncidentStatus | SpMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: SpAffectedComponent[];
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

export interface SpIncident {
  id: string;
  name: string;
  status: SpIncidentStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: SpIndicator;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
  reminder_intervals: null;
}

export type SpMaintenance = Omit<SpIncident, "status" | "reminder_intervals"> & {
  status: SpMaintenanceStatus;
  scheduled_for: string;
  scheduled_until: string;
};

export interface EventContext {
  pageId: string;
  pageUrl: string;
  /** The page's components as listed; affected components not on the page are left out of `components`. */
  components: Map<string, SpComponent>;
}

const iso = (d: Date): string => d.toISOString();

interface Step {
  id: string;
  status: SpIncidentStatus | SpMaintenanceStatus;
  message: string;
  publishedAt: Date;
  /** What the update left each component it names at. */
  levels: { componentId: string; name: string; status: ComponentStatus }[];
}

/** Updates newest first, each with the transitions it made, its components in page order. */
function updatesJson(subjectId: string, steps: Step[], context: EventContext): SpIncidentUpdate[] {
  const order = [...context.components.keys()];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    // Components no longer on the page go last.
    return i === -1 ? order.length : i;
  };
  const current = new Map<string, ComponentStatus>();
  const updates = steps.map((step): SpIncidentUpdate => {
    const levels = [...step.levels].sort((a, b) => rank(a.componentId) - rank(b.componentId) || a.name.localeCompare(b.name));
    const affected = levels.map(({ componentId, name, status }) => {
      const old = current.get(componentId) ?? "OPERATIONAL";
      current.set(componentId, status);
      return { code: componentId, name, old_status: componentStatus(old), new_status: componentStatus(status) };
    });
    const at = iso(step.publishedAt);
    return {
      id: step.id,
      status: step.status,
      body: step.message,
      incident_id: subjectId,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components: affected,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
  });
  return updates.reverse();
}

interface Subject<S> {
  id: string;
  name: string;
  status: S;
  publishedAt: Date;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  impact: SpIndicator;
  componentIds: Iterable<string>;
}

/** The keys incidents and maintenance share, in Statuspage's order. */
function eventJson<S>(subject: Subject<S>, updates: SpIncidentUpdate[], context: EventContext) {
  const ids = new Set(subject.componentIds);
  return {
    id: subject.id,
    name: subject.name,
    status: subject.status,
    created_at: iso(subject.publishedAt),
    updated_at: updates[0]?.created_at ?? iso(subject.publishedAt),
    monitoring_at: subject.monitoringAt && iso(subject.monitoringAt),
    resolved_at: subject.resolvedAt && iso(subject.resolvedAt),
    impact: subject.impact,
    shortlink: context.pageUrl,
    started_at: iso(subject.publishedAt),
    page_id: context.pageId,
    incident_updates: updates,
    components: [...context.components.values()].filter((c) => ids.has(c.id)),
  };
}

export function incidentJson(incident: SpSourceIncident, context: EventContext): SpIncident {
  const steps = incident.updates.map((u) => ({
    ...u,
    status: STATUSPAGE_INCIDENT_STATUS[u.status],
    // Resolving an incident ends its effect on every component it names.
    levels: u.impacts.map((i) => ({ ...i, status: u.status === "RESOLVED" ? "OPERATIONAL" : impactComponentStatus(i.impact) })),
  }));
  const subject = {
    ...incident,
    status: STATUSPAGE_INCIDENT_STATUS[incident.status],
    monitoringAt: incident.updates.find((u) => u.status === "MONITORING")?.publishedAt ?? null,
    impact: impactIndicator(incident.updates.flatMap((u) => u.impacts.map((i) => i.impact))),
    componentIds: incident.updates.flatMap((u) => u.impacts.map((i) => i.componentId)),
  };
  return { ...eventJson(subject, updatesJson(incident.id, steps, context), context), reminder_intervals: null };
}

export function maintenanceJson(maintenance: SpSourceMaintenance, context: EventContext): SpMaintenance {
  const steps = maintenance.updates.map((u) => ({
    ...u,
    status: STATUSPAGE_MAINTENANCE_STATUS[u.status],
    levels: maintenance.components.map((c) => ({ ...c, status: u.status === "IN_PROGRESS" ? impactComponentStatus(c.impact) : ("OPERATIONAL" as const) })),
  }));
  const subject = {
    ...maintenance,
    status: STATUSPAGE_MAINTENANCE_STATUS[maintenance.status],
    monitoringAt: null,
    resolvedAt: maintenance.updates.find((u) => u.status === "COMPLETE")?.publishedAt ?? null,
    impact: impactIndicator(maintenance.components.map((c) => c.impact)),
    componentIds: maintenance.components.map((c) => c.componentId),
  };
  return {
    ...eventJson(subject, updatesJson(maintenance.id, steps, context), context),
    scheduled_for: iso(maintenance.startsAt),
    scheduled_until: iso(maintenance.endsAt),
  };
}
