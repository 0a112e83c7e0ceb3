// The sub-page's documents, in a module without React so the entry can start
// fetching them while React is still loading (main.ts, prefetch.ts). Who is
// asking comes from the viewer query (viewer.ts), not from here: without it,
// this answer is the same for every viewer of the sub-page, and the server
// computes it once for all of them.
import { gql } from "@urql/core";
import type { Incident, Maintenance, PageComponent, PageShell, StatusSummary } from "../types.js";
import { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";
import { PAGE_BODY_ACTIVITY } from "./PageBody.graphql.js";
import { PAGE_SHELL_FIELDS } from "./PublicPage.graphql.js";

export interface SubPageData {
  statusPage: PageShell | null;
  subPage: {
    id: string;
    name: string;
    summary: StatusSummary;
    components: PageComponent[];
    incidents: Incident[];
    upcoming: Maintenance[];
    inProgress: Maintenance[];
  } | null;
}

export const SubPageQuery = gql<SubPageData, { page: string; slug: string }>`
  query SubPage($page: String!, $slug: String!) {
    statusPage(slug: $page) { ...PageShellFields }
    subPage(pageSlug: $page, slug: $slug) {
      id name
      summary { status sentence }
      components { id name status }
      ${PAGE_BODY_ACTIVITY}
    }
  }
  ${PAGE_SHELL_FIELDS}
  ${INCIDENT_FIELDS}
  ${MAINTENANCE_FIELDS}
`;
