import type { ComponentStatus, IncidentImpact, IncidentStatus, MaintenanceImpact, MaintenanceStatus } from "./types.js";

/** Worst first. */
export const STATUS_SEVERITY = [
  "FULL_OUTAGE",
  "PARTIAL_OUTAGE",
  "DEGRADED_PERFORMANCE",
  "UNDER_MAINTENANCE",
  "OPERATIONAL",
] as const satisfies readonly ComponentStatus[];

const RANK: Record<ComponentStatus, number> = {
  OPERATIONAL: 0,
  UNDER_MAINTENANCE: 1,
  DEGRADED_PERFORMANCE: 2,
  PARTIAL_OUTAGE: 3,
  FULL_OUTAGE: 4,
};

/** Comparator: positive when `a` is worse than `b`; sorting with it puts the worst last. */
export function compareStatus(a: ComponentStatus, b: ComponentStatus): number {
  return RANK[a] - RANK[b];
}

/** The worst of the given statuses; OPERATIONAL when there are none. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = "OPERATIONAL";
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/** The component status an incident impact causes; null for NO_IMPACT. */
export function impactStatus(impact: IncidentImpact): ComponentStatus | null {
  return impact === "NO_IMPACT" ? null : impact;
}

export interface ActiveIncident {
  id: string;
  status: IncidentStatus;
  /** The impacts of the incident's latest update. */
  impacts: { componentId: string; impact: IncidentImpact }[];
}

export interface ActiveMaintenance {
  id: string;
  status: MaintenanceStatus;
  components: { componentId: string; impact: MaintenanceImpact }[];
}

/**
 * Current status of each listed component (README "Component and page status"). Resolved
 * incidents and maintenance that is not IN_PROGRESS are ignored, so callers may pass
 * unfiltered lists.
 */
export function deriveComponentStatuses(
  componentIds: readonly string[],
  incidents: readonly ActiveIncident[],
  maintenances: readonly ActiveMaintenance[],
): Map<string, ComponentStatus> {
  const result = new Map<string, ComponentStatus>();
  for (const id of componentIds) result.set(id, "OPERATIONAL");
  const raise = (componentId: string, status: ComponentStatus): void => {
    const current = result.get(componentId);
    // Components outside the requested set stay out of the result.
    if (current !== undefined && RANK[status] > RANK[current]) result.set(componentId, status);
  };
  for (const incident of incidents) {
    if (incident.status === "RESOLVED") continue;
    for (const { componentId, impact } of incident.impacts) {
      const status = impactStatus(impact);
      if (status) raise(componentId, status);
    }
  }
  for (const maintenance of maintenances) {
    if (maintenance.status !== "IN_PROGRESS") continue;
    for (const { componentId, impact } of maintenance.components) {
      if (impact === "UNDER_MAINTENANCE") raise(componentId, "UNDER_MAINTENANCE");
    }
  }
  return result;
}

export interface ComponentChange {
  componentId: string;
  previous: ComponentStatus;
  next: ComponentStatus;
}

/**
 * Components whose status differs, in `after`'s key order, then those only in
 * `before`. A component missing from one side counts as OPERATIONAL there.
 */
export function describeComponentChanges(before: Map<string, ComponentStatus>, after: Map<string, ComponentStatus>): ComponentChange[] {
  const changes: ComponentChange[] = [];
  for (const [componentId, next] of after) {
    const previous = before.get(componentId) ?? "OPERATIONAL";
    if (previous !== next) changes.push({ componentId, previous, next });
  }
  for (const [componentId, previous] of before) {
    if (after.has(componentId) || previous === "OPERATIONAL") continue;
    changes.push({ componentId, previous, next: "OPERATIONAL" });
  }
  return changes;
}

export const STATUS_SENTENCES: Readonly<Record<ComponentStatus, string>> = {
  OPERATIONAL: "All systems operational",
  UNDER_MAINTENANCE: "Under maintenance",
  DEGRADED_PERFORMANCE: "Degraded performance",
  PARTIAL_OUTAGE: "Partial outage",
  FULL_OUTAGE: "Full outage",
};

/** Status of a page or sub-page: the worst of its components, with its sentence. */
export function pageStatus(statuses: Iterable<ComponentStatus>): {
  status: ComponentStatus;
  sentence: string;
} {
  const status = worstStatus(statuses);
  return { status, sentence: STATUS_SENTENCES[status] };
}

/**
 * True when any affected component is visible; "affected" means listed in any update
 * with any impact, NO_IMPACT included, so an incident never vanishes from a sub-page
 * when its impact is downgraded.
 */
export function affectsAny(affectedComponentIds: Iterable<string>, visibleComponentIds: ReadonlySet<string>): boolean {
  for (const id of affectedComponentIds) if (visibleComponentIds.has(id)) return true;
  return false;
}
