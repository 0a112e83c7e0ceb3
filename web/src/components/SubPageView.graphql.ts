// The sub-page's documents, in a module without React so the entry can start
// fetching them while React is still loading (main.ts, prefetch.ts).
import { gql } from "@urql/core";
import type { Incident, Maintenance, PageComponent, PageShell, StatusSummary } from "../types.js";
import type { Viewer } from "../viewer.js";
import { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";
import { PAGE_BODY_ACTIVITY } from "./PageBody.graphql.js";
import { PAGE_SHELL_FIELDS } from "./PublicPage.graphql.js";

export interface SubPageData {
  statusPage: PageShell | null;
  viewer: Pick<Viewer, "kind" | "email"> | null;
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
    viewer { kind email }
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
