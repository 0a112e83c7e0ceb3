// What a public page's Statuspage-compatible documents are built from: plain data,
// read by the service layer in a fixed number of statements.
import type { IncidentImpact, IncidentStatus, MaintenanceImpact, MaintenanceStatus } from "./types.js";

export interface SpSourceComponent {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A run of the page's components: under a group heading, or (group null) without one. */
export interface SpSourceSection {
  group: { id: string; name: string } | null;
  components: SpSourceComponent[];
}

export interface SpSourceIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  publishedAt: Date;
  resolvedAt: Date | null;
  /** Oldest first (by sequence). */
  updates: {
    id: string;
    status: IncidentStatus;
    message: string;
    publishedAt: Date;
    impacts: { componentId: string; name: string; impact: IncidentImpact }[];
  }[];
}

export interface SpSourceMaintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  startsAt: Date;
  endsAt: Date;
  publishedAt: Date;
  components: { componentId: string; name: string; impact: MaintenanceImpact }[];
  /** Oldest first (by sequence). */
  updates: { id: string; status: MaintenanceStatus; message: string; publishedAt: Date }[];
}

export interface StatuspageSource {
  page: { id: string; slug: string; title: string; createdAt: Date; updatedAt: Date };
  sections: SpSourceSection[];
  /** Every unresolved incident and the most recent others, newest first. */
  incidents: SpSourceIncident[];
  /** Every scheduled or in-progress maintenance and the most recent others, latest start first. */
  maintenances: SpSourceMaintenance[];
}
