// The page overview's documents: the page as viewers see it now, and the live
// summary whose every change means something on it moved.
import { STATUS_SUMMARY_FIELDS } from "../../src/components/Banner.graphql.js";
import { INCIDENT_FIELDS } from "../../src/components/IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "../../src/components/MaintenanceCard.graphql.js";
import { graphql, type ResultOf } from "../../src/graphql.js";

/** The same selection as the public page's (web/src/components/PublicPage.graphql.ts), by id. */
export const PageOverviewQuery = graphql(
  `
  query ConsolePageOverview($id: ID!) {
    statusPageById(id: $id) {
      id slug title kind
      summary { ...StatusSummaryFields }
      groups { name components { id name status } }
      incidents { ...IncidentFields }
      upcoming: maintenances(state: UPCOMING) { ...MaintenanceFields }
      inProgress: maintenances(state: IN_PROGRESS) { ...MaintenanceFields }
    }
  }
`,
  [STATUS_SUMMARY_FIELDS, INCIDENT_FIELDS, MAINTENANCE_FIELDS],
);

export type OverviewPage = NonNullable<ResultOf<typeof PageOverviewQuery>["statusPageById"]>;

/** Only its arrival matters: the overview reloads on every summary after the first. */
export const PageOverviewLive = graphql(`
  subscription ConsolePageOverviewLive($slug: String!) {
    pageStatus(pageSlug: $slug) { status sentence stale incidents { id sequence } maintenances { id status } components { id status } }
  }
`);
