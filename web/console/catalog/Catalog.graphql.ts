// The catalog screens' documents: the types, one type with its entries, and the
// type and entry mutations (create, update, delete, rank).
import { graphql, type ResultOf } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

/** A type's settings and attributes, as the type form edits them. */
export const CatalogTypeFields = graphql(`
  fragment CatalogTypeFields on CatalogType {
    id version name description categories ranked referenceByName
    attributes { id name kind multiple referencedType { id name } }
  }
`);

/** Every custom type with its entry count. */
export const CatalogTypesQuery = graphql(
  `
  query ConsoleCatalogTypes {
    catalogTypes { ...CatalogTypeFields entries { id } }
  }
`,
  [CatalogTypeFields],
);

/** One type with its entries in order and their values. */
export const CatalogTypeQuery = graphql(
  `
  query ConsoleCatalogType($id: ID!) {
    catalogType(id: $id) {
      ...CatalogTypeFields
      entries {
        id version name rank
        values { attribute { id } texts entries { id name } }
      }
    }
  }
`,
  [CatalogTypeFields],
);

/** The entries the form offers for a REFERENCE attribute. */
export const CatalogEntryChoicesQuery = graphql(`
  query ConsoleCatalogEntryChoices($id: ID!) {
    catalogType(id: $id) { id entries { id name } }
  }
`);

export type CatalogTypeData = ResultOf<typeof CatalogTypeFields>;
export type CatalogEntryData = NonNullable<ResultOf<typeof CatalogTypeQuery>["catalogType"]>["entries"][number];

export const CreateCatalogTypeMutation = graphql(
  `
  mutation ConsoleCreateCatalogType($input: CreateCatalogTypeInput!) {
    createCatalogType(input: $input) { __typename ...MutationErrorFields ... on CatalogType { id } }
  }
`,
  [MutationErrorFields],
);

export const UpdateCatalogTypeMutation = graphql(
  `
  mutation ConsoleUpdateCatalogType($input: UpdateCatalogTypeInput!) {
    updateCatalogType(input: $input) { __typename ...MutationErrorFields ... on CatalogType { id version } }
  }
`,
  [MutationErrorFields],
);

export const DeleteCatalogTypeMutation = graphql(
  `
  mutation ConsoleDeleteCatalogType($id: ID!, $expectedVersion: Int) {
    deleteCatalogType(id: $id, expectedVersion: $expectedVersion) { __typename ...MutationErrorFields ... on CatalogType { id } }
  }
`,
  [MutationErrorFields],
);

export const CreateCatalogEntryMutation = graphql(
  `
  mutation ConsoleCreateCatalogEntry($input: CreateCatalogEntryInput!) {
    createCatalogEntry(input: $input) { __typename ...MutationErrorFields ... on CatalogEntry { id } }
  }
`,
  [MutationErrorFields],
);

export const UpdateCatalogEntryMutation = graphql(
  `
  mutation ConsoleUpdateCatalogEntry($input: UpdateCatalogEntryInput!) {
    updateCatalogEntry(input: $input) { __typename ...MutationErrorFields ... on CatalogEntry { id version } }
  }
`,
  [MutationErrorFields],
);

export const DeleteCatalogEntryMutation = graphql(
  `
  mutation ConsoleDeleteCatalogEntry($id: ID!, $expectedVersion: Int) {
    deleteCatalogEntry(id: $id, expectedVersion: $expectedVersion) { __typename ...MutationErrorFields ... on CatalogEntry { id } }
  }
`,
  [MutationErrorFields],
);

export const RankCatalogEntriesMutation = graphql(
  `
  mutation ConsoleRankCatalogEntries($typeId: ID!, $entryIds: [ID!]!) {
    rankCatalogEntries(typeId: $typeId, entryIds: $entryIds) {
      __typename ...MutationErrorFields
      ... on MutationRankCatalogEntriesSuccess { data { id rank } }
    }
  }
`,
  [MutationErrorFields],
);
