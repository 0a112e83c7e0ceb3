import { gql } from "@urql/core";

/** What a maintenance card shows. */
export const MAINTENANCE_FIELDS = gql`
  fragment MaintenanceFields on Maintenance {
    id name status startsAt endsAt messageHtml
    components { componentId name impact }
  }
`;
