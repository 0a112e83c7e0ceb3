// The operators screen's documents.
import { graphql, type ResultOf } from "../../src/graphql.js";
import { MutationErrorFields } from "../ui/mutation-errors.js";

export const OperatorFields = graphql(`
  fragment AdminOperatorFields on Operator {
    id
    email
    name
    role
    createdAt
    lastSeenAt
    disabledAt
  }
`);

/** One operator as the list shows it. */
export type AdminOperator = ResultOf<typeof OperatorFields>;

export const OperatorsQuery = graphql(
  `
  query AdminOperators {
    operators(first: 100) {
      edges { node { ...AdminOperatorFields } }
    }
  }
`,
  [OperatorFields],
);

export const InviteOperatorMutation = graphql(
  `
  mutation AdminInviteOperator($input: OperatorInput!) {
    inviteOperator(input: $input) {
      __typename
      ... on Operator { ...AdminOperatorFields }
      ...MutationErrorFields
    }
  }
`,
  [OperatorFields, MutationErrorFields],
);

export const SetOperatorRoleMutation = graphql(
  `
  mutation AdminSetOperatorRole($id: ID!, $role: Role!) {
    setOperatorRole(id: $id, role: $role) {
      __typename
      ... on Operator { ...AdminOperatorFields }
      ...MutationErrorFields
    }
  }
`,
  [OperatorFields, MutationErrorFields],
);

export const DisableOperatorMutation = graphql(
  `
  mutation AdminDisableOperator($id: ID!) {
    disableOperator(id: $id) {
      __typename
      ... on Operator { ...AdminOperatorFields }
      ...MutationErrorFields
    }
  }
`,
  [OperatorFields, MutationErrorFields],
);

export const EnableOperatorMutation = graphql(
  `
  mutation AdminEnableOperator($id: ID!) {
    enableOperator(id: $id) {
      __typename
      ... on Operator { ...AdminOperatorFields }
      ...MutationErrorFields
    }
  }
`,
  [OperatorFields, MutationErrorFields],
);
