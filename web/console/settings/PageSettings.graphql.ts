// The page settings screen's documents: the page as it is now (with its version,
// for refusing edits made from a stale copy), and the four changes it makes.
import { graphql, type ResultOf, type VariablesOf } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

/** Everything the settings form shows and sends back, by the page's id. */
export const PageSettingsQuery = graphql(`
  query ConsolePageSettings($id: ID!) {
    statusPageById(id: $id) {
      id version slug title kind theme logoUrl faviconUrl
      groups { name components { id name } }
      customerType { id name }
      componentsAttribute { id name }
      emailDomainsAttribute { id name }
      subPages { id version name slug url entry { id name } }
    }
  }
`);

export type SettingsPage = NonNullable<ResultOf<typeof PageSettingsQuery>["statusPageById"]>;
export type SettingsSubPage = SettingsPage["subPages"][number];

export const UpdateStatusPageMutation = graphql(
  `
  mutation ConsoleUpdateStatusPage($input: UpdateStatusPageInput!) {
    updateStatusPage(input: $input) {
      __typename
      ... on StatusPage { id version slug title }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** What updateStatusPage may change: everything but the page's id and the version it is made from. */
export type StatusPagePatch = Omit<VariablesOf<typeof UpdateStatusPageMutation>["input"], "id" | "expectedVersion">;

/** A logo or favicon file for an existing page; sent as a multipart request (UPLOAD_CONTEXT). */
export const UploadPageAssetMutation = graphql(
  `
  mutation ConsoleUploadPageAsset($pageId: ID!, $kind: PageAssetKind!, $file: File!, $expectedVersion: Int) {
    uploadPageAsset(pageId: $pageId, kind: $kind, file: $file, expectedVersion: $expectedVersion) {
      __typename
      ... on StatusPage { id version logoUrl faviconUrl }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const UpdateSubPageMutation = graphql(
  `
  mutation ConsoleUpdateSubPage($input: UpdateSubPageInput!) {
    updateSubPage(input: $input) {
      __typename
      ... on SubPage { id version name slug url }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const DeleteStatusPageMutation = graphql(
  `
  mutation ConsoleDeleteStatusPage($id: ID!, $expectedVersion: Int) {
    deleteStatusPage(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ... on StatusPage { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);
