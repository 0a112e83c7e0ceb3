// The maintenance screens' documents: a page's maintenance by state, one
// maintenance with its timeline, scheduling, updating and deleting.
import { MAINTENANCE_FIELDS } from "../../src/components/MaintenanceCard.graphql.js";
import { graphql } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

/** A page's maintenance in its three lists, and its components for the schedule form. */
export const PageMaintenanceQuery = graphql(
  `
  query ConsolePageMaintenance($id: ID!) {
    statusPageById(id: $id) {
      id slug title
      components { id name }
      upcoming: maintenances(state: UPCOMING) { ...MaintenanceFields }
      inProgress: maintenances(state: IN_PROGRESS) { ...MaintenanceFields }
      past: maintenances(state: PAST) { ...MaintenanceFields }
    }
  }
`,
  [MAINTENANCE_FIELDS],
);

/** One maintenance with its updates, newest first. */
export const MaintenanceQuery = graphql(
  `
  query ConsoleMaintenance($id: ID!) {
    maintenance(id: $id) {
      ...MaintenanceFields
      version autoUpdate message publishedBy
      page { id slug title components { id name } }
      updates { id sequence status messageHtml publishedAt publishedBy }
    }
  }
`,
  [MAINTENANCE_FIELDS],
);

/** Schedules (or, with preview, reviews) a maintenance. */
export const ScheduleMaintenanceMutation = graphql(
  `
  mutation ConsoleScheduleMaintenance($input: ScheduleMaintenanceInput!) {
    scheduleMaintenance(input: $input) { __typename ... on MaintenancePublication {   preview notifiedSubscribers notifiedWebhookEndpoints   maintenance { id }   draft { name status messageHtml startsAt endsAt components { componentId name impact } }   componentChanges { componentId name previous next } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

/** Publishes (or, with preview, reviews) an update. */
export const PublishMaintenanceUpdateMutation = graphql(
  `
  mutation ConsolePublishMaintenanceUpdate($input: PublishMaintenanceUpdateInput!) {
    publishMaintenanceUpdate(input: $input) { __typename ... on MaintenancePublication {   preview notifiedSubscribers notifiedWebhookEndpoints   maintenance { id }   draft { name status messageHtml startsAt endsAt components { componentId name impact } }   componentChanges { componentId name previous next } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

/** Deletes a maintenance from its page. */
export const DeleteMaintenanceMutation = graphql(
  `
  mutation ConsoleDeleteMaintenance($id: ID!, $expectedVersion: Int) {
    deleteMaintenance(id: $id, expectedVersion: $expectedVersion) { __typename ... on Maintenance { id } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
