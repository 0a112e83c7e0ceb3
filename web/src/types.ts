// The page body's view model: what PageBody renders, whether it came from a
// public page, a customer sub-page or the live summary laid over either. Not an
// operation's result, so it is assembled here from the generated types.
import type { StatusSummary } from "./components/Banner.graphql.js";
import type { Incident } from "./components/IncidentCard.graphql.js";
import type { Maintenance } from "./components/MaintenanceCard.graphql.js";
import type { Uptime } from "./components/UptimeBar.graphql.js";
import type { ComponentStatus } from "./graphql.js";

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

/** What the page body renders. */
export interface PageBodyData {
  summary: StatusSummary;
  groups: ComponentGroup[];
  incidents: Incident[];
  inProgress: Maintenance[];
  upcoming: Maintenance[];
}
