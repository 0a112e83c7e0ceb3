// The public page's documents, in a module without React so the entry can
// start fetching them while React is still loading (main.ts, prefetch.ts).
import { gql } from "@urql/core";
import type { ComponentGroup, Incident, Maintenance, PageShell, StatusSummary } from "../types.js";
import { INCIDENT_FIELDS } from "./IncidentCard.graphql.js";
import { MAINTENANCE_FIELDS } from "./MaintenanceCard.graphql.js";
import { PAGE_BODY_ACTIVITY } from "./PageBody.graphql.js";

export const PAGE_SHELL_FIELDS = gql`
  fragment PageShellFields on StatusPage { id slug title kind theme logoUrl faviconUrl }
`;

export interface PageData {
  statusPage:
    | (PageShell & {
        /** Null on a customer page for a caller who may see none of it. */
        summary: StatusSummary | null;
        groups: ComponentGroup[];
        incidents: Incident[];
        upcoming: Maintenance[];
        inProgress: Maintenance[];
      })
    | null;
}

/**
 * The whole first screen in one request: /:page does not know whether the page
 * is public before asking, and on a customer page the server filters these
 * fields to what the caller may see, so asking costs nothing there.
 */
export const PageQuery = gql<PageData, { slug: string }>`
  query Page($slug: String!) {
    statusPage(slug: $slug) {
      ...PageShellFields
      summary { status sentence }
      groups { name components { id name status } }
      ${PAGE_BODY_ACTIVITY}
    }
  }
  ${PAGE_SHELL_FIELDS}
  ${INCIDENT_FIELDS}
  ${MAINTENANCE_FIELDS}
`;
