// Statuses of incidents and maintenance as people read them, in feeds, mail and chat.
import type { IncidentStatus, MaintenanceStatus } from "./types.js";

export const STATUS_WORDS: Record<IncidentStatus | MaintenanceStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETE: "Completed",
};
