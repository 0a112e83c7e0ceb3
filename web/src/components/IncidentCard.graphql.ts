import { gql } from "@urql/core";

/** What an incident card shows: the incident and its whole timeline. */
export const INCIDENT_FIELDS = gql`
  fragment IncidentFields on Incident {
    id name status publishedAt resolvedAt
    currentImpacts { componentId name impact }
    updates { id status messageHtml publishedAt }
  }
`;
