// Operations and checks for catalog tests: every mutation with its typed errors,
// and a snapshot of everything a catalog mutation may write, to prove a refusal
// changed nothing.
import { expect } from "vitest";
import type { TestApp } from "./app.js";
import { mutate } from "./pages.js";

export const TYPE_FIELDS = "id name description categories ranked referenceByName attributes { id name kind multiple referencedType { name } }";
export const ENTRY_FIELDS = "id name rank type { name } values { attribute { name } texts entries { name } }";
const ERRORS = "... on ValidationError { issues { field rule } } ... on InUseError { usedBy } ... on NotFoundError { resource key } ... on Error { message }";

const mutation = (name: string, args: string, pass: string, fields: string) => /* GraphQL */ `
  mutation (${args}) { ${name}(${pass}) { __typename ... on ${name.endsWith("Type") ? "CatalogType" : "CatalogEntry"} { ${fields} } ${ERRORS} } }
`;

export const CREATE_TYPE = mutation("createCatalogType", "$input: CreateCatalogTypeInput!", "input: $input", TYPE_FIELDS);
export const UPDATE_TYPE = mutation("updateCatalogType", "$input: UpdateCatalogTypeInput!", "input: $input", TYPE_FIELDS);
export const DELETE_TYPE = mutation("deleteCatalogType", "$id: ID!", "id: $id", TYPE_FIELDS);
export const CREATE_ENTRY = mutation("createCatalogEntry", "$input: CreateCatalogEntryInput!", "input: $input", ENTRY_FIELDS);
export const UPDATE_ENTRY = mutation("updateCatalogEntry", "$input: UpdateCatalogEntryInput!", "input: $input", ENTRY_FIELDS);
export const DELETE_ENTRY = mutation("deleteCatalogEntry", "$id: ID!", "id: $id", ENTRY_FIELDS);
export const RANK_ENTRIES = /* GraphQL */ `
  mutation ($typeId: ID!, $entryIds: [ID!]!) {
    rankCatalogEntries(typeId: $typeId, entryIds: $entryIds) {
      __typename ... on MutationRankCatalogEntriesSuccess { data { name rank } } ${ERRORS}
    }
  }
`;

/** Everything catalog mutations write: types, attributes, entries with values, and the sub-pages of customer pages. */
const EVERYTHING = /* GraphQL */ `{
  catalogTypes { ${TYPE_FIELDS} entries { ${ENTRY_FIELDS} } }
  statusPages { slug subPages { name slug components { name } } }
}`;

export const snapshot = (t: TestApp) => t.ok(EVERYTHING);

/** Runs a mutation that must be refused and checks that nothing changed; returns the error. */
export async function refused(t: TestApp, query: string, variables: Record<string, unknown>) {
  const before = await snapshot(t);
  const result = await mutate(t, query, variables);
  expect(result.__typename).not.toMatch(/^Catalog|Success$/);
  expect(await snapshot(t)).toEqual(before);
  return result;
}

/** Runs a mutation that must succeed; returns the type or entry. */
export async function accepted(t: TestApp, query: string, variables: Record<string, unknown>) {
  const result = await mutate(t, query, variables);
  if (!/^Catalog|Success$/.test(result.__typename)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}

export const names = (list: { name: string }[]) => list.map((e) => e.name);
