// The audit log screen's documents: one page of entries, and who may be picked as the actor.
import { graphql, type ResultOf, type VariablesOf } from "../../src/graphql.js";

export const AuditEntryFields = graphql(`
  fragment AdminAuditEntry on AuditEntry {
    id
    at
    actorKind
    actorId
    actorName
    operation
    objectType
    objectId
    summary
    before
    after
    address
    outcome
  }
`);

/** One entry as the table shows it. */
export type AdminAuditEntry = ResultOf<typeof AuditEntryFields>;

export const AuditLogQuery = graphql(
  `
  query AdminAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...AdminAuditEntry } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [AuditEntryFields],
);

/** The filter as the API takes it. */
export type AuditLogFilter = NonNullable<VariablesOf<typeof AuditLogQuery>["filter"]>;

export const AuditActorsQuery = graphql(`
  query AdminAuditActors {
    operators(first: 100) {
      edges { node { id name email } }
    }
    apiKeys { id name revokedAt }
  }
`);
