/**
 * The client's `graphql` tag, typed from `schema.graphql` through the introspection
 * output in `graphql-env.d.ts` (`npm run web:types` writes it; a test fails when it is
 * stale). Every document's result and variables follow from the schema, so a schema
 * change that breaks the client fails `tsc`. Fragments are unmasked: a component
 * receives plain data, and its props are the fragment's result type.
 */
import { initGraphQLTada, type ResultOf, type VariablesOf } from "gql.tada";
import type { introspection } from "./graphql-env.js";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf };

/** The TypeScript type of a schema enum or scalar, by its GraphQL name. */
export type SchemaType<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

export type ComponentStatus = SchemaType<"ComponentStatus">;
export type IncidentStatus = SchemaType<"IncidentStatus">;
export type MaintenanceStatus = SchemaType<"MaintenanceStatus">;
export type PageKind = SchemaType<"PageKind">;
export type Theme = SchemaType<"Theme">;
