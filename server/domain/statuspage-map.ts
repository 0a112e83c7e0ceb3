// How Statusgraph's vocabulary reads in Atlassian Statuspage's public v2 API, in
// one table (README "Statuspage-compatible JSON" repeats it), so a client written
// for a Statuspage page works against a Statusgraph page unchanged.
import { worstStatus } from "./status.js";
import type { ComponentStatus, IncidentImpact, IncidentStatus, MaintenanceImpact, MaintenanceStatus } from "./types.js";

export type SpComponentStatus = "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
export type SpIndicator = "none" | "minor" | "major" | "critical" | "maintenance";
export type SpIncidentStatus = "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";
export type SpMaintenanceStatus = "scheduled" | "in_progress" | "verifying" | "completed";

/** Our status → Statuspage component status, page indicator and the page description Statuspage shows with it. */
export const STATUSPAGE_STATUS: Readonly<Record<ComponentStatus, { component: SpComponentStatus; indicator: SpIndicator; description: string }>> = {
  OPERATIONAL: { component: "operational", indicator: "none", description: "All Systems Operational" },
  UNDER_MAINTENANCE: { component: "under_maintenance", indicator: "maintenance", description: "Service Under Maintenance" },
  DEGRADED_PERFORMANCE: { component: "degraded_performance", indicator: "minor", description: "Partially Degraded Service" },
  PARTIAL_OUTAGE: { component: "partial_outage", indicator: "major", description: "Partial System Outage" },
  FULL_OUTAGE: { component: "major_outage", indicator: "critical", description: "Major System Outage" },
};

export const STATUSPAGE_INCIDENT_STATUS: Readonly<Record<IncidentStatus, SpIncidentStatus>> = {
  INVESTIGATING: "investigating",
  IDENTIFIED: "identified",
  MONITORING: "monitoring",
  RESOLVED: "resolved",
};

export const STATUSPAGE_MAINTENANCE_STATUS: Readonly<Record<MaintenanceStatus, SpMaintenanceStatus>> = {
  SCHEDULED: "scheduled",
  IN_PROGRESS: "in_progress",
  COMPLETE: "completed",
};

/** The component status an impact causes while its incident or maintenance is on; NO_IMPACT leaves it operational. */
export function impactComponentStatus(impact: IncidentImpact | MaintenanceImpact): ComponentStatus {
  return impact === "NO_IMPACT" ? "OPERATIONAL" : impact;
}

export const componentStatus = (status: ComponentStatus): SpComponentStatus => STATUSPAGE_STATUS[status].component;

/** Statuspage's `status` object of a page whose worst component status is `worst`. */
export function pageIndicator(worst: ComponentStatus): { indicator: SpIndicator; description: string } {
  const { indicator, description } = STATUSPAGE_STATUS[worst];
  return { indicator, description };
}

/** An incident's or maintenance's `impact`: its worst impact, as the page indicator would show it (`none` for none). */
export function impactIndicator(impacts: Iterable<IncidentImpact | MaintenanceImpact>): SpIndicator {
  return STATUSPAGE_STATUS[worstStatus(Array.from(impacts, impactComponentStatus))].indicator;
}
