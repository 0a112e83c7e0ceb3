// Words and symbols for every status, so no status is told by colour alone.
import type { ComponentStatus, IncidentStatus, MaintenanceStatus } from "./graphql.js";

interface StatusLook {
  label: string;
  /** A symbol shown beside the label; decorative, the label carries the meaning. */
  icon: string;
  /** Suffix of the CSS custom properties holding its colours. */
  tone: "ok" | "maintenance" | "degraded" | "partial" | "major";
}

export const COMPONENT_STATUS: Record<ComponentStatus, StatusLook> = {
  OPERATIONAL: { label: "Operational", icon: "✓", tone: "ok" },
  UNDER_MAINTENANCE: { label: "Under maintenance", icon: "⚙", tone: "maintenance" },
  DEGRADED_PERFORMANCE: { label: "Degraded performance", icon: "▲", tone: "degraded" },
  PARTIAL_OUTAGE: { label: "Partial outage", icon: "◆", tone: "partial" },
  FULL_OUTAGE: { label: "Full outage", icon: "✕", tone: "major" },
};

export const INCIDENT_STATUS: Record<IncidentStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};

export const MAINTENANCE_STATUS: Record<MaintenanceStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETE: "Completed",
};
