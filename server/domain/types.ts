// The domain vocabulary. The arrays are the single source of truth so that
// GraphQL enums and validation can be generated from them in the listed order.

export const COMPONENT_STATUSES = ["OPERATIONAL", "UNDER_MAINTENANCE", "DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "FULL_OUTAGE"] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const INCIDENT_IMPACTS = ["NO_IMPACT", "DEGRADED_PERFORMANCE", "PARTIAL_OUTAGE", "FULL_OUTAGE"] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

export const MAINTENANCE_IMPACTS = ["NO_IMPACT", "UNDER_MAINTENANCE"] as const;
export type MaintenanceImpact = (typeof MAINTENANCE_IMPACTS)[number];

export const INCIDENT_STATUSES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MAINTENANCE_STATUSES = ["SCHEDULED", "IN_PROGRESS", "COMPLETE"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
