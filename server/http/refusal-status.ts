// A subscription refused before it starts has no data at all, only its error, and
// Yoga answers any such result whose error is not its own GraphQLError with 500, as
// if the server had failed. A refusal or bad input is the client's to fix: over
// HTTP (SSE included) it gets 401, 403 or 400 with the same body. Results with
// data keep their status; so does everything on the WebSocket.
import type { Plugin } from "graphql-yoga";

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

type Result = { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };

/** The status a data-less result of typed errors only deserves, or null. */
function statusOf(result: Result): number | null {
  if ("data" in result || !result.errors?.length) return null;
  const statuses = result.errors.map((e) => STATUS[String(e.extensions?.code)]);
  if (statuses.some((s) => s === undefined)) return null;
  return Math.max(...(statuses as number[]));
}

export function useRefusalStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const status = statusOf(result as Result);
      if (status === null) return;
      const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": "Bearer" } : {};
      const extensions = (result as Result).extensions ?? {};
      setResult({ ...(result as Result), extensions: { ...extensions, http: { status, headers } } } as never);
    },
  };
}
