// What the incident page reads: the public card's fields, the version edits are
// made from, the impacts to start an update from and the page's components.
import { INCIDENT_FIELDS } from "../../src/components/IncidentCard.graphql.js";
import { graphql, type ResultOf } from "../../src/graphql.js";

export const ConsoleIncidentQuery = graphql(
  `
  query ConsoleIncident($id: ID!) {
    incident(id: $id) {
      ...IncidentFields
      version updatedAt updatedBy publishedBy
      affectedComponents { componentId name impact }
      page { id slug title components { id name } }
    }
  }
`,
  [INCIDENT_FIELDS],
);

export type ConsoleIncident = NonNullable<ResultOf<typeof ConsoleIncidentQuery>["incident"]>;
