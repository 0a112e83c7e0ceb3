// The sub-page's documents, in a module without React so the entry can start
// fetching them while React is still loading (main.ts, prefetch.ts). Who is
// asking comes from the viewer query (viewer.ts), not from here: without it,
// this answer is the same for every viewer of the sub-page, and the server
// computes it once for all of them.
import { graphql, type ResultOf } from "../graphql.js";
import { STATUS_SUMMARY_FIELDS } from "./Banner.graphql.js";
import { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";
import { PAGE_SHELL_FIELDS } from "./PublicPage.graphql.js";

/** The activity selection is the public page's (PageQuery); see there why it is not a fragment. */
export const SubPageQuery = graphql(
  `
  query SubPage($page: String!, $slug: String!) {
    statusPage(slug: $page) { ...PageShellFields }
    subPage(pageSlug: $page, slug: $slug) {
      id name
      summary { ...StatusSummaryFields }
      components { id name status }
      incidents { ...IncidentFields }
      upcoming: maintenances(state: UPCOMING) { ...MaintenanceFields }
      inProgress: maintenances(state: IN_PROGRESS) { ...MaintenanceFields }
    }
  }
`,
  [PAGE_SHELL_FIELDS, STATUS_SUMMARY_FIELDS, INCIDENT_FIELDS, MAINTENANCE_FIELDS],
);

export type SubPageData = ResultOf<typeof SubPageQuery>;
