// Small builders for the rows incident and maintenance tests start from.
import type { TestApp } from "./app.js";

/** Whoever runs operations with the admin key: a test app in process, or a service instance over HTTP (test/helpers/scale.ts). */
export type Operator = Pick<TestApp, "ok">;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

/** A catalog type with one entry per name; returns the entries' ids in order. */
export async function createComponents(t: Operator, names: string[], typeName = unique("Components")): Promise<string[]> {
  const { createCatalogType: type } = await t.ok<{ createCatalogType: { id: string } }>(
    `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { ... on CatalogType { id } } }`,
    { input: { name: typeName, ranked: true, referenceByName: true } },
  );
  const ids: string[] = [];
  for (const name of names) {
    const { createCatalogEntry: entry } = await t.ok<{ createCatalogEntry: { id: string } }>(
      `mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { ... on CatalogEntry { id } } }`,
      { input: { typeId: type.id, name } },
    );
    ids.push(entry.id);
  }
  return ids;
}

export interface PageRef {
  id: string;
  slug: string;
}

/** A public page listing these components. */
export async function createPage(t: Operator, componentIds: string[], title = unique("Status")): Promise<PageRef> {
  const { createStatusPage: page } = await t.ok<{ createStatusPage: { __typename: string } & PageRef }>(
    `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename ... on StatusPage { id slug } } }`,
    { input: { title, kind: "PUBLIC", components: componentIds } },
  );
  if (page.__typename !== "StatusPage") throw new Error(`createStatusPage returned ${page.__typename}`);
  return { id: page.id, slug: page.slug };
}

export interface ImpactArg {
  componentId: string;
  impact: string;
}

export const PUBLISH_INCIDENT = /* GraphQL */ `
  mutation ($input: PublishIncidentInput!) {
    publishIncident(input: $input) {
      __typename
      ... on IncidentPublication {
        preview
        incident { id name status publishedAt resolvedAt currentImpacts { componentId name impact } }
        draft { name status message impacts { componentId name impact } }
        componentChanges { componentId name previous next }
      }
      ... on ValidationError { issues { field rule } }
      ... on NotFoundError { resource key }
      ... on InvalidStateError { state }
    }
  }
`;

/** Publishes an incident (no preview); returns its id. */
export async function publishIncident(
  t: Operator,
  pageId: string,
  impacts: ImpactArg[],
  fields: { name?: string; status?: string; message?: string } = {},
): Promise<string> {
  const input = { pageId, name: "Sign-in failures", status: "INVESTIGATING", message: "We are looking into it.", impacts, ...fields };
  const { publishIncident: result } = await t.ok<{ publishIncident: { __typename: string; incident: { id: string } } }>(PUBLISH_INCIDENT, { input });
  if (result.__typename !== "IncidentPublication") throw new Error(`publishIncident returned ${JSON.stringify(result)}`);
  return result.incident.id;
}

export const SCHEDULE_MAINTENANCE = /* GraphQL */ `
  mutation ($input: ScheduleMaintenanceInput!) {
    scheduleMaintenance(input: $input) {
      __typename
      ... on MaintenancePublication {
        preview
        maintenance { id name status startsAt endsAt autoUpdate message components { componentId name impact } }
        draft { name status message startsAt endsAt autoUpdate components { componentId name impact } }
        componentChanges { componentId name previous next }
      }
      ... on ValidationError { issues { field rule } }
      ... on NotFoundError { resource key }
      ... on InvalidStateError { state }
    }
  }
`;

export const UPDATE_MAINTENANCE = /* GraphQL */ `
  mutation ($input: PublishMaintenanceUpdateInput!) {
    publishMaintenanceUpdate(input: $input) {
      __typename
      ... on MaintenancePublication {
        preview
        maintenance { id status startsAt endsAt message updates { status message } components { name impact } }
        draft { status message startsAt endsAt components { name impact } }
        componentChanges { name previous next }
      }
      ... on ValidationError { issues { field rule } }
      ... on NotFoundError { resource key }
      ... on InvalidStateError { state }
    }
  }
`;

/** Schedules maintenance (no preview); returns its id. */
export async function scheduleMaintenance(
  t: Operator,
  pageId: string,
  window: { startsAt: string; endsAt: string },
  components: ImpactArg[],
  fields: { name?: string; message?: string; autoUpdate?: boolean } = {},
): Promise<string> {
  const input = { pageId, name: "Database upgrade", message: "Upgrading the database.", components, ...window, ...fields };
  const { scheduleMaintenance: result } = await t.ok<{ scheduleMaintenance: { __typename: string; maintenance: { id: string } } }>(SCHEDULE_MAINTENANCE, {
    input,
  });
  if (result.__typename !== "MaintenancePublication") throw new Error(`scheduleMaintenance returned ${JSON.stringify(result)}`);
  return result.maintenance.id;
}

export const PUBLISH_INCIDENT_UPDATE = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) {
    publishIncidentUpdate(input: $input) {
      __typename
      ... on IncidentPublication { preview componentChanges { componentId name previous next } }
      ... on Error { message }
    }
  }
`;

/** Publishes an update to an incident (no preview). */
export async function publishIncidentUpdate(
  t: Operator,
  incidentId: string,
  fields: { status?: string; message?: string; impacts?: ImpactArg[] } = {},
): Promise<void> {
  const input = { incidentId, status: "IDENTIFIED", message: "We found the cause.", ...fields };
  const { publishIncidentUpdate: result } = await t.ok<{ publishIncidentUpdate: { __typename: string } }>(PUBLISH_INCIDENT_UPDATE, { input });
  if (result.__typename !== "IncidentPublication") throw new Error(`publishIncidentUpdate returned ${JSON.stringify(result)}`);
}
