// What an operation costs, counted from its shape and arguments before it runs
// (field costs in the schema, @pothos/plugin-complexity): 1 per field, and a
// list's selections once per item it may hold — its size argument (`uptime(days:)`,
// `first`, `last`) where it has one, else an estimate. Over the limit, it is
// refused like any validation error (400, nothing runs). Without an API key, each
// operation over the "expensive" threshold also counts against a per-address
// budget: a client cannot make the server compute big answers back to back.
//
// Counted at execution rather than validation: the cost depends on the variables,
// and Yoga caches validation results per document, whatever the variables.
import { isOperator } from "../auth/actor.js";
import { createComplexityRule } from "@pothos/plugin-complexity";
import { getOperationAST, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { createSharedRateLimiter, type SharedCounterStore } from "../auth/shared-rate-limit.js";
import type { Context } from "../context.js";
import { ValidationError } from "../errors.js";
import type { Limits } from "../limits.js";

const MINUTE_MS = 60_000;

type CostLimits = Pick<Limits, "maxCost" | "operatorMaxCost" | "expensiveQueryCost" | "expensiveQueriesPerMinute">;

interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
  contextValue: unknown;
}

const costs = new WeakMap<object, number>();

/** The cost of the operation running with this context, once counted (before execution). */
export function operationCostOf(context: object): number | undefined {
  return costs.get(context);
}

/** The cost of the operation that will run (of the costliest, when the name is left to execution); null when its variables do not fit it. */
export function operationCost(op: Operation): number | null {
  let cost: number | null = null;
  const rule = createComplexityRule({
    context: op.contextValue as object,
    variableValues: op.variableValues ?? {},
    operationName: op.operationName ?? undefined,
    onResult: (state) => void (cost = Math.max(cost ?? 0, state.complexity)),
  });
  // Variable errors, unknown operation names: execution reports them in its own words.
  validate(op.schema, op.document, [rule]);
  return cost;
}

/** The refusal of an operation over the cost limit: a validation error, as the other shape limits give. */
export function costLimitExceeded(max: number, found: number) {
  return createGraphQLError(`Query Cost limit of ${max} exceeded, found ${found}.`, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { spec: true, status: 400 } },
  });
}

/** The refusal of an expensive operation over the client's budget: RATE_LIMITED, and over HTTP 429 with Retry-After. */
export function expensiveQueriesRateLimited(retryAfterSeconds: number, limits: CostLimits) {
  const message = `Too many expensive operations (cost over ${limits.expensiveQueryCost}): at most ${limits.expensiveQueriesPerMinute} per minute per client address. Try again in ${retryAfterSeconds} s.`;
  return createGraphQLError(message, {
    extensions: { code: "RATE_LIMITED", retryAfterSeconds, http: { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } } },
  });
}

export function useQueryCost(limits: CostLimits, store?: SharedCounterStore): Plugin {
  const perClient = createSharedRateLimiter("expensive-client", { limit: limits.expensiveQueriesPerMinute, windowMs: MINUTE_MS }, store);

  /** The error that stops this operation, if any. */
  async function refusal(op: Operation) {
    let cost: number | null;
    try {
      cost = operationCost(op);
    } catch (error) {
      // Counting reads the arguments, which checks them. A mutation returns such an error
      // in its result union; elsewhere it would only fail later, after other fields ran.
      if (!(error instanceof ValidationError)) throw error;
      if (getOperationAST(op.document, op.operationName)?.operation === "mutation") return null;
      return createGraphQLError(error.message, { extensions: { ...error.extensions, http: { spec: true, status: 400 } } });
    }
    if (cost === null) return null;
    costs.set(op.contextValue as object, cost);
    const ctx = op.contextValue as Context;
    // Operators (people and keys) are trusted callers; in-process callers (no socket) have no address to count.
    const trusted = isOperator(ctx.actor);
    const max = trusted ? limits.operatorMaxCost : limits.maxCost;
    if (cost > max) return costLimitExceeded(max, cost);
    if (cost <= limits.expensiveQueryCost || trusted || ctx.clientAddress === null) return null;
    const now = ctx.now();
    const { admitted, retryAt } = await perClient.take(ctx.clientAddress, now);
    if (admitted) return null;
    return expensiveQueriesRateLimited(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)), limits);
  }

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const error = await refusal(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const error = await refusal(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
