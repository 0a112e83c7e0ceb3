// Hand-written TypeScript shapes of the parts of schema.graphql the client
// selects. Keep them in step with the documents beside each component.

export type ComponentStatus = "OPERATIONAL" | "UNDER_MAINTENANCE" | "DEGRADED_PERFORMANCE" | "PARTIAL_OUTAGE" | "FULL_OUTAGE";
export type IncidentStatus = "INVESTIGATING" | "IDENTIFIED" | "MONITORING" | "RESOLVED";
export type IncidentImpactLevel = "NO_IMPACT" | "DEGRADED_PERFORMANCE" | "PARTIAL_OUTAGE" | "FULL_OUTAGE";
export type MaintenanceStatus = "SCHEDULED" | "IN_PROGRESS" | "COMPLETE";
export type MaintenanceImpactLevel = "NO_IMPACT" | "UNDER_MAINTENANCE";
export type Theme = "DARK" | "LIGHT";
export type PageKind = "PUBLIC" | "CUSTOMER";

export interface StatusSummary {
  status: ComponentStatus;
  sentence: string;
}

export interface UptimeDay {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  uptime: number | null;
  worst: ComponentStatus;
  incidentIds: string[];
}

export interface Uptime {
  percentage: number | null;
  days: UptimeDay[];
}

export interface ComponentImpact {
  componentId: string;
  name: string;
  impact: IncidentImpactLevel;
}

export interface IncidentUpdate {
  id: string;
  status: IncidentStatus;
  /** The message, rendered to safe HTML by the server. */
  messageHtml: string;
  publishedAt: string;
}

export interface Incident {
  id: string;
  name: string;
  status: IncidentStatus;
  publishedAt: string;
  resolvedAt: string | null;
  currentImpacts: ComponentImpact[];
  /** Newest first. */
  updates: IncidentUpdate[];
}

export interface MaintenanceComponentImpact {
  componentId: string;
  name: string;
  impact: MaintenanceImpactLevel;
}

export interface Maintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  startsAt: string;
  endsAt: string;
  /** The latest update's message, rendered to safe HTML by the server. */
  messageHtml: string;
  components: MaintenanceComponentImpact[];
}

/** A component as a page shows it; uptime is absent where only live data is known. */
export interface PageComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  uptime?: Uptime;
}

export interface ComponentGroup {
  name: string | null;
  components: PageComponent[];
}

/** What the page body renders, whether it came from a public page or a customer sub-page. */
export interface PageBodyData {
  summary: StatusSummary;
  groups: ComponentGroup[];
  incidents: Incident[];
  inProgress: Maintenance[];
  upcoming: Maintenance[];
}

/** A page's identity and theme. */
export interface PageShell {
  id: string;
  slug: string;
  title: string;
  kind: PageKind;
  theme: Theme;
  logoUrl: string | null;
  faviconUrl: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** An incident as the history lists it. */
export interface IncidentSummary {
  id: string;
  name: string;
  status: IncidentStatus;
  publishedAt: string;
  resolvedAt: string | null;
}
