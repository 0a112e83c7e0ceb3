// Mutations per minute, counted per API key for operators and per client
// address for everyone else. Queries are counted only when expensive
// (query-cost.ts): public reads are served from the response cache, and
// subscriptions are bounded by connection limits.
// Like the sign-in limits, they hold across instances when Redis is configured.
import { getOperationAST } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { createSharedRateLimiter, type SharedCounterStore } from "../auth/shared-rate-limit.js";
import type { Context } from "../context.js";
import type { Limits } from "../limits.js";

const MINUTE_MS = 60_000;

/** The error an over-limit mutation gets: code RATE_LIMITED, `retryAfterSeconds`, and over HTTP 429 with Retry-After. */
export function mutationRateLimited(retryAfterSeconds: number, limit: number, per: "API key" | "client address") {
  return createGraphQLError(`Too many mutations: at most ${limit} per minute per ${per}. Try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: "RATE_LIMITED",
      retryAfterSeconds,
      http: { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
    },
  });
}

export function useMutationRateLimit(limits: Pick<Limits, "mutationsPerMinute" | "keyMutationsPerMinute">, store?: SharedCounterStore): Plugin {
  const perKey = createSharedRateLimiter("mutations-key", { limit: limits.keyMutationsPerMinute, windowMs: MINUTE_MS }, store);
  const perClient = createSharedRateLimiter("mutations-client", { limit: limits.mutationsPerMinute, windowMs: MINUTE_MS }, store);
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      const ctx = args.contextValue as unknown as Context;
      if (ctx.actor.kind === "system") return;
      // Operators are counted per credential holder (a key, a person), others per address.
      const holder = ctx.actor.kind === "operator" ? ctx.actor.keyId : ctx.actor.kind === "person" ? `operator:${ctx.actor.operatorId}` : null;
      const byKey = holder !== null;
      const key = holder ?? ctx.clientAddress;
      // In-process callers (yoga.fetch without a socket) have no address to count against.
      if (key === null) return;
      const limiter = byKey ? perKey : perClient;
      const now = ctx.now();
      const { admitted, retryAt } = await limiter.take(key, now);
      if (admitted) return;
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
      const limit = byKey ? limits.keyMutationsPerMinute : limits.mutationsPerMinute;
      setResultAndStopExecution({ errors: [mutationRateLimited(retryAfterSeconds, limit, byKey ? "API key" : "client address")] });
    },
  };
}
