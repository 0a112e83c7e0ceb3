// The API keys screen's documents.
import { graphql, type ResultOf } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

export const ApiKeyFields = graphql(`
  fragment AdminApiKeyFields on ApiKey {
    id
    name
    scope
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** One key as the list shows it. */
export type AdminApiKey = ResultOf<typeof ApiKeyFields>;

/** The keys, and the audit entries that say who created each (keys made outside the API have none). */
export const ApiKeysQuery = graphql(
  `
  query AdminApiKeys {
    apiKeys { ...AdminApiKeyFields }
    auditLog(filter: { objectType: ApiKey }, first: 100) {
      edges { node { objectId actorName operation outcome } }
    }
  }
`,
  [ApiKeyFields],
);

/**
 * The secret is selected here and nowhere else: this answer is the only time it exists outside the service.
 * `key` is aliased: NotFoundError (in MutationErrorFields) has a `key` of another type, which GraphQL refuses to merge.
 */
export const CreateApiKeyMutation = graphql(
  `
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreatedApiKey { secret apiKey: key { ...AdminApiKeyFields } }
      ...MutationErrorFields
    }
  }
`,
  [ApiKeyFields, MutationErrorFields],
);

/** What the create form shows once the key exists. */
export type CreatedKey = Extract<NonNullable<ResultOf<typeof CreateApiKeyMutation>["createApiKey"]>, { __typename: "CreatedApiKey" }>;

export const RevokeApiKeyMutation = graphql(
  `
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey { ...AdminApiKeyFields }
      ...MutationErrorFields
    }
  }
`,
  [ApiKeyFields, MutationErrorFields],
);
