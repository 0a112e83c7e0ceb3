import { graphql, type ResultOf } from "../graphql.js";

/** What a maintenance card shows. */
export const MAINTENANCE_FIELDS = graphql(`
  fragment MaintenanceFields on Maintenance {
    id name status startsAt endsAt messageHtml
    components { componentId name impact }
  }
`);

/** A maintenance as its card shows it. */
export type Maintenance = ResultOf<typeof MAINTENANCE_FIELDS>;
