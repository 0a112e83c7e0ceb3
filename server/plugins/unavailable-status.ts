// HTTP 503 with Retry-After when a whole GraphQL operation failed because the
// database is unavailable: every root mutation field returned ServiceUnavailableError,
// or a query has nothing to show but SERVICE_UNAVAILABLE errors (and no last known
// answer stood in: that plugin runs first). A partial answer stays 200, as GraphQL
// over HTTP wants for results with data.
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { DATABASE_RETRY_AFTER_SECONDS } from "../errors.js";
import { mutationOutcome } from "./unavailable-mutations.js";

type HttpExtensions = { http?: { status?: number; headers?: Record<string, string> } };

const isUnavailable = (error: { extensions?: Record<string, unknown> }) => error.extensions?.code === "SERVICE_UNAVAILABLE";

function nothingAnswered(result: ExecutionResult): boolean {
  const data = result.data as Record<string, unknown> | null | undefined;
  return data == null || Object.values(data).every((value) => value === null);
}

/** Whether the operation failed as a whole for want of a database, and the retry hint to send. */
function unavailableAsAWhole(result: ExecutionResult, context: object): number | null {
  const outcome = mutationOutcome(context);
  if (outcome && outcome.unavailable > 0 && outcome.succeeded === 0 && outcome.failed === 0) return DATABASE_RETRY_AFTER_SECONDS;
  const errors = result.errors ?? [];
  if (errors.length === 0 || !errors.every(isUnavailable) || !nothingAnswered(result)) return null;
  const hinted = errors.map((e) => Number(e.extensions?.retryAfterSeconds)).filter((n) => Number.isFinite(n) && n > 0);
  return hinted.length > 0 ? Math.max(...hinted) : DATABASE_RETRY_AFTER_SECONDS;
}

export function useServiceUnavailableStatus(): Plugin {
  return {
    onExecutionResult({ result, setResult, context }) {
      if (!result || Array.isArray(result) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult;
      const retryAfter = unavailableAsAWhole(single, context as object);
      if (retryAfter === null) return;
      const extensions = (single.extensions ?? {}) as HttpExtensions & Record<string, unknown>;
      const http = extensions.http ?? {};
      setResult({
        ...single,
        extensions: { ...extensions, http: { ...http, status: 503, headers: { ...http.headers, "Retry-After": String(retryAfter) } } },
      });
    },
  };
}
