// The set-up screens' documents: the catalog types a customer page is built on,
// and creating a page (uploads go in the same multipart request).
import { graphql } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

/** Catalog types with their attributes and entries, for the customer page's selects and sub-pages. */
export const SetupCatalogQuery = graphql(`
  query ConsoleSetupCatalog {
    catalogTypes { id name attributes { id name kind } entries { id name } }
  }
`);

/** Creates a public or customer page; `logo` / `favicon` may be Files (multipart request). */
export const CreateStatusPageMutation = graphql(
  `
  mutation ConsoleCreateStatusPage($input: CreateStatusPageInput!) {
    createStatusPage(input: $input) {
      __typename
      ... on StatusPage { id slug }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Mutations sent as multipart bodies need the header a cross-site form cannot set (server/plugins/csrf.ts). */
export const UPLOAD_CONTEXT = {
  fetchOptions: { credentials: "include", headers: { "x-graphql-yoga-csrf": "1" } },
} as const satisfies { fetchOptions: RequestInit };
