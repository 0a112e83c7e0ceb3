// The operations the demo seed runs; the README shows the same ones.
export const DEMO_OPERATIONS = {
  createType: /* GraphQL */ `
    mutation CreateCatalogType($input: CreateCatalogTypeInput!) {
      createCatalogType(input: $input) {
        __typename
        ... on CatalogType { id }
        ... on Error { message }
        ... on ValidationError { issues { field rule } }
      }
    }`,
  createEntry: /* GraphQL */ `
    mutation CreateCatalogEntry($input: CreateCatalogEntryInput!) {
      createCatalogEntry(input: $input) { __typename ... on CatalogEntry { id } ... on Error { message } }
    }`,
  createPage: /* GraphQL */ `
    mutation CreateStatusPage($input: CreateStatusPageInput!) {
      createStatusPage(input: $input) { __typename ... on StatusPage { id } ... on Error { message } }
    }`,
  publishIncident: /* GraphQL */ `
    mutation PublishIncident($input: PublishIncidentInput!) {
      publishIncident(input: $input) { __typename ... on IncidentPublication { incident { id } } ... on Error { message } }
    }`,
  publishIncidentUpdate: /* GraphQL */ `
    mutation PublishIncidentUpdate($input: PublishIncidentUpdateInput!) {
      publishIncidentUpdate(input: $input) { __typename ... on IncidentPublication { incident { id } } ... on Error { message } }
    }`,
  scheduleMaintenance: /* GraphQL */ `
    mutation ScheduleMaintenance($input: ScheduleMaintenanceInput!) {
      scheduleMaintenance(input: $input) { __typename ... on MaintenancePublication { maintenance { id } } ... on Error { message } }
    }`,
} as const;
