// Refuses operations too expensive to run, before they run: graphql-armor's
// depth, alias, token and directive limits (validation rules, so a refused
// operation never reaches a resolver), and, when switched off, introspection and
// field suggestions. Refusals are GraphQL errors; over HTTP, status 400. The cost
// limit depends on list sizes and variables: query-cost.ts checks it.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Limits } from "../limits.js";

type ShapeLimits = Pick<Limits, "maxDepth" | "maxAliases" | "maxTokens" | "maxDirectives" | "introspection" | "fieldSuggestions">;

const useNoIntrospection = (): Plugin => ({
  onValidate({ addValidationRule }) {
    // Rejects __schema and __type; __typename stays (clients and caches rely on it).
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
});

/**
 * Armor's validation rules throw on rejection, which ends validation with a bare
 * error (HTTP 200, no code). Reported instead, a refusal is an ordinary validation
 * error: 400 and GRAPHQL_VALIDATION_FAILED, without armor's misleading "Syntax Error:" prefix.
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")))],
};

export function useOperationLimits(limits: ShapeLimits): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ...asValidationError },
    // Armor's cost knows nothing of list sizes; query-cost.ts counts them instead.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...asValidationError },
    // Counted while parsing, where there is no validation context: its thrown error is a parse error (400) already.
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives, ...asValidationError },
    blockFieldSuggestion: { enabled: !limits.fieldSuggestions },
  }) as Plugin;
  return limits.introspection ? [armor] : [armor, useNoIntrospection()];
}
