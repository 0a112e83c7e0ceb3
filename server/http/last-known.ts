// The last good answer to each query, per caller, as a fallback for while the
// database is unavailable: a status page must stay up when its database does not.
// Every query answered without errors (computed or from the response cache) is
// kept, keyed by its text, operation name and variables and by who asked
// (anonymous callers share one answer; a viewer's are their session's own). When
// a later run of the same query fails for want of a database (SERVICE_UNAVAILABLE,
// see mask-errors.ts), its last good answer is served instead, marked stale:
// `extensions.stale`/`asOf`, the `stale`/`asOf` fields it selected (stale-answer.ts),
// and the Warning and x-statusgraph-stale headers. Operators are not served from
// here: their keys cannot be checked without the database.
import { createHash } from "node:crypto";
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { Context } from "../context.js";
import type { OutageWatch } from "./outage-watch.js";
import { staleHeaders } from "./stale.js";
import { markStale } from "./stale-answer.js";

export const LAST_KNOWN_ANSWERS = {
  /** Answers kept at most (least recently used go first). */
  maxEntries: 1_000,
} as const;

interface Known {
  data: Record<string, unknown>;
  at: Date;
}

interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
}

/** Who an answer is for; null for callers it is not kept for. */
function callerKey(context: Context): string | null {
  const { actor } = context;
  if (actor.kind === "anonymous") return "anonymous";
  if (actor.kind === "viewer") return `viewer:${actor.sessionId}`;
  return null;
}

const isUnavailable = (error: { extensions?: Record<string, unknown> }) => error.extensions?.code === "SERVICE_UNAVAILABLE";

const SERVED_FROM_CACHE = Symbol.for("servedFromResponseCache");

export function useLastKnownAnswers(options: { max?: number; outage?: OutageWatch } = {}): Plugin {
  const known = new LRUCache<string, Known>({ max: options.max ?? LAST_KNOWN_ANSWERS.maxEntries });
  /** Request → digest of the operation it asked for. */
  const asked = new WeakMap<Request, string>();
  /** Context → the query it runs (mutations and subscriptions are not kept). */
  const queries = new WeakMap<object, Operation>();

  return {
    onParams({ request, params }) {
      const text = JSON.stringify([params.query ?? null, params.operationName ?? null, params.variables ?? null]);
      asked.set(request, createHash("sha256").update(text).digest("base64url"));
    },
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "query") return;
      queries.set(args.contextValue as object, { schema: args.schema, document: args.document, operationName: args.operationName });
    },
    onExecutionResult({ request, result, context, setResult }) {
      if (!result || Array.isArray(result) || Symbol.asyncIterator in result) return;
      // Only queries that reached execution (a refused document has no caller yet).
      const operation = queries.get(context as object);
      const digest = asked.get(request);
      if (!operation || !digest) return;
      const caller = callerKey(context as unknown as Context);
      if (!caller) return;
      const key = `${caller}\n${digest}`;
      const single = result as ExecutionResult & { [SERVED_FROM_CACHE]?: boolean };
      if (!single.errors?.length) {
        if (!single[SERVED_FROM_CACHE]) options.outage?.answered();
        if (single.data) known.set(key, { data: single.data, at: new Date() });
        return;
      }
      if (!single.errors.some(isUnavailable)) return;
      options.outage?.failed();
      const last = known.get(key);
      if (!last) return;
      const asOf = last.at.toISOString();
      const data = structuredClone(last.data);
      markStale(operation.schema, operation.document, operation.operationName, data, asOf);
      setResult({ data, extensions: { stale: true, asOf, http: { headers: staleHeaders(last.at) } } });
    },
  };
}
