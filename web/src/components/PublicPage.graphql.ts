// The public page's documents, in a module without React so the entry can
// start fetching them while React is still loading (main.ts, prefetch.ts).
import { graphql, type ResultOf } from "../graphql.js";
import { STATUS_SUMMARY_FIELDS } from "./Banner.graphql.js";
import { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";

export const PAGE_SHELL_FIELDS = graphql(`
  fragment PageShellFields on StatusPage { id slug title kind theme logoUrl faviconUrl }
`);

/** A page's identity and theme. */
export type PageShell = ResultOf<typeof PAGE_SHELL_FIELDS>;

/**
 * The whole first screen in one request: /:page does not know whether the page
 * is public before asking, and on a customer page the server filters these
 * fields to what the caller may see, so asking costs nothing there. The
 * activity selection (incidents, upcoming, inProgress) is the same as the
 * sub-page's; StatusPage and SubPage share no interface to put it in a fragment.
 */
export const PageQuery = graphql(
  `
  query Page($slug: String!) {
    statusPage(slug: $slug) {
      ...PageShellFields
      summary { ...StatusSummaryFields }
      groups { name components { id name status } }
      incidents { ...IncidentFields }
      upcoming: maintenances(state: UPCOMING) { ...MaintenanceFields }
      inProgress: maintenances(state: IN_PROGRESS) { ...MaintenanceFields }
    }
  }
`,
  [PAGE_SHELL_FIELDS, STATUS_SUMMARY_FIELDS, INCIDENT_FIELDS, MAINTENANCE_FIELDS],
);

export type PageData = ResultOf<typeof PageQuery>;
