// How HTTP answers say they are the last known state, served while the database
// is unavailable (RFC 9111 obsoleted Warning, but caches and people still read
// it), and how they say there is nothing to serve.
import { DATABASE_RETRY_AFTER_SECONDS } from "../errors.js";

/** Headers of a last known answer computed at `asOf`; caches must not keep it as if it were current. */
export function staleHeaders(asOf: Date): Record<string, string> {
  return {
    warning: '110 - "Response is Stale"',
    "x-statusgraph-stale": "true",
    "x-statusgraph-as-of": asOf.toISOString(),
    "cache-control": "no-cache",
  };
}

/** The 503 of a route with no last known answer to give. */
export const UNAVAILABLE = {
  status: 503,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
  body: `The database is unavailable right now; try again in ${DATABASE_RETRY_AFTER_SECONDS} s.`,
} as const;
