import { graphql, type ResultOf } from "../graphql.js";

/** What an incident card shows: the incident and its whole timeline. */
export const INCIDENT_FIELDS = graphql(`
  fragment IncidentFields on Incident {
    id name status publishedAt resolvedAt
    currentImpacts { componentId name impact }
    updates { id status messageHtml publishedAt }
  }
`);

/** An incident as its card shows it; updates newest first. */
export type Incident = ResultOf<typeof INCIDENT_FIELDS>;
export type ComponentImpact = Incident["currentImpacts"][number];
