/**
 * What PageBody lists besides the summary and components: the selection a public
 * page's query and a sub-page's both make. StatusPage and SubPage share no interface,
 * so it is selection text rather than a fragment; a document that uses it includes
 * INCIDENT_FIELDS and MAINTENANCE_FIELDS.
 */
export const PAGE_BODY_ACTIVITY = /* GraphQL */ `
  incidents { ...IncidentFields }
  upcoming: maintenances(state: UPCOMING) { ...MaintenanceFields }
  inProgress: maintenances(state: IN_PROGRESS) { ...MaintenanceFields }
`;
