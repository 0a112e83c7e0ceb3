// Fixtures for status-page tests: the runbook's catalog, and pages built on it.
import type { TestApp } from "./app.js";

/** A test app in process, or a service instance over HTTP (test/helpers/scale.ts). */
type Operator = Pick<TestApp, "ok">;

export const CREATE_PAGE = /* GraphQL */ `
  mutation ($input: CreateStatusPageInput!) {
    createStatusPage(input: $input) {
      __typename
      ... on StatusPage { id slug title kind theme logoUrl faviconUrl subPages { id name slug url } }
      ... on ValidationError { issues { field rule message } }
      ... on Error { message }
    }
  }
`;

export const UPDATE_PAGE = /* GraphQL */ `
  mutation ($input: UpdateStatusPageInput!) {
    updateStatusPage(input: $input) {
      __typename
      ... on StatusPage { id slug title theme logoUrl faviconUrl groups { name components { name } } }
      ... on ValidationError { issues { field rule message } }
      ... on InUseError { message usedBy }
      ... on Error { message }
    }
  }
`;

type Result = { __typename: string; id?: string; issues?: { field: string; rule: string }[] } & Record<string, unknown>;

/** Runs a mutation and returns its single result, failing on GraphQL errors. */
export async function mutate(t: Operator, query: string, variables: Record<string, unknown>): Promise<Result> {
  const data = await t.ok<Record<string, Result>>(query, variables);
  return Object.values(data)[0]!;
}

export async function createType(t: Operator, input: Record<string, unknown>): Promise<{ id: string }> {
  const result = await mutate(
    t,
    `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { __typename ... on CatalogType { id } ... on Error { message } } }`,
    { input },
  );
  if (result.__typename !== "CatalogType") throw new Error(`createCatalogType: ${JSON.stringify(result)}`);
  return result as { id: string };
}

export async function createEntry(t: Operator, input: Record<string, unknown>): Promise<{ id: string }> {
  const result = await mutate(
    t,
    `mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { __typename ... on CatalogEntry { id } ... on Error { message } } }`,
    { input },
  );
  if (result.__typename !== "CatalogEntry") throw new Error(`createCatalogEntry: ${JSON.stringify(result)}`);
  return result as { id: string };
}

export interface RunbookCatalog {
  componentsTypeId: string;
  groupsTypeId: string;
  /** Component entry ids by name. */
  components: Record<string, string>;
  mainGroupId: string;
}

/** The runbook's Components type (ranked, referenced by name) with `names`, and Groups with an entry "main" holding them and gitlab.com. */
export async function createRunbookCatalog(t: Operator, names = ["Zendesk", "Chat", "Forms"], suffix = ""): Promise<RunbookCatalog> {
  const services = { categories: ["Services"], ranked: true, referenceByName: true };
  const componentsType = await createType(t, { name: `Components${suffix}`, description: "Things we report outages on", ...services });
  const components: Record<string, string> = {};
  for (const name of names) components[name] = (await createEntry(t, { typeId: componentsType.id, name })).id;
  const groupsType = await createType(t, {
    name: `Groups${suffix}`,
    description: "Who sees which components",
    ...services,
    attributes: [
      { name: "Components", kind: "REFERENCE", multiple: true, referencedType: `Components${suffix}` },
      { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
    ],
  });
  const main = await createEntry(t, {
    typeId: groupsType.id,
    name: "main",
    values: [
      { attribute: "Components", values: names },
      { attribute: "Email domains", values: ["gitlab.com"] },
    ],
  });
  return { componentsTypeId: componentsType.id, groupsTypeId: groupsType.id, components, mainGroupId: main.id };
}
