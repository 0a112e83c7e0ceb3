// The webhook endpoints screen's documents: a page's endpoints, one endpoint's
// delivery log by pages, and the mutations (create and rotate answer the secret once).
import { graphql, type ResultOf } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

export const AttemptFields = graphql(`
  fragment WebhookAttemptFields on WebhookAttempt {
    id webhookId attempt status responseCode error at event nextAttemptAt durationMs
  }
`);

export const EndpointFields = graphql(
  `
  fragment WebhookEndpointFields on WebhookEndpoint {
    id url kind description enabled events disabledReason disabledAt createdAt
    subPage { id name }
    lastDelivery { ...WebhookAttemptFields }
  }
`,
  [AttemptFields],
);

/** One endpoint as the list shows it. */
export type Endpoint = ResultOf<typeof EndpointFields>;
/** One attempt in a delivery log. */
export type Attempt = ResultOf<typeof AttemptFields>;

export const WebhookEndpointsQuery = graphql(
  `
  query ConsoleWebhookEndpoints($pageId: ID!) {
    statusPageById(id: $pageId) { id title kind subPages { id name } }
    webhookEndpoints(pageId: $pageId) { ...WebhookEndpointFields }
  }
`,
  [EndpointFields],
);

/** The page the endpoints belong to. */
export type WebhookPage = NonNullable<ResultOf<typeof WebhookEndpointsQuery>["statusPageById"]>;

export const DeliveryLogQuery = graphql(
  `
  query ConsoleWebhookDeliveries($id: ID!, $first: Int!, $after: String) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...WebhookAttemptFields } }
      }
    }
  }
`,
  [AttemptFields],
);

export const CreateEndpointMutation = graphql(
  `
  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointWithSecret { secret endpoint { ...WebhookEndpointFields } }
      ...MutationErrorFields
    }
  }
`,
  [EndpointFields, MutationErrorFields],
);

export const UpdateEndpointMutation = graphql(
  `
  mutation ConsoleUpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpoint { ...WebhookEndpointFields }
      ...MutationErrorFields
    }
  }
`,
  [EndpointFields, MutationErrorFields],
);

export const RotateSecretMutation = graphql(
  `
  mutation ConsoleRotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      __typename
      ... on WebhookEndpointWithSecret { secret endpoint { ...WebhookEndpointFields } }
      ...MutationErrorFields
    }
  }
`,
  [EndpointFields, MutationErrorFields],
);

export const DeleteEndpointMutation = graphql(
  `
  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      __typename
      ... on WebhookEndpoint { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);
