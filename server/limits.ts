// What one instance accepts before it refuses: operation shape (depth, cost,
// aliases, tokens, directives), request size, mutation rate and WebSocket
// connections. Each has a default sized for a status page and an environment
// variable (README "Limits"); tests and benchmarks pass overrides to buildApp.

export interface Limits {
  /** Deepest nesting of selections in an operation. */
  maxDepth: number;
  /**
   * Operation cost (plugins/query-cost.ts): 1 per field, a list's selections counted once
   * per item — `uptime(days:)`, `first`/`last`, else 10. The web client's page query
   * costs 1,845, its uptime query for a page 5,423; 15 aliases of every page's 90-day
   * uptime (pages and components counted as 10 each) 1,081,665.
   */
  maxCost: number;
  /** The same limit for callers with an API key: trusted, counted per key, and whose set-up and audit scripts read a lot at once. */
  operatorMaxCost: number;
  /** Operations costing more count against the per-address budget below (callers without an API key). */
  expensiveQueryCost: number;
  /** Operations over `expensiveQueryCost` per minute per client address, for callers without an API key. */
  expensiveQueriesPerMinute: number;
  /** Aliases per operation. */
  maxAliases: number;
  /** Lexical tokens per document (checked while parsing, so a huge document costs little to refuse). */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Largest answer the response cache keeps; larger ones are served but computed anew each time. */
  responseCacheMaxBytes: number;
  /** Largest request body; larger ones get 413. */
  maxRequestBodyBytes: number;
  /**
   * Largest multipart request body (file uploads: a page's logo or favicon); larger ones get
   * 413 before they are read. Room for the largest image (512 KiB) and the operation.
   */
  maxUploadBodyBytes: number;
  /** Answer `__schema` / `__type` (and serve GraphiQL, which needs them). */
  introspection: boolean;
  /** "Did you mean …?" hints in validation errors; they reveal the schema field by field. */
  fieldSuggestions: boolean;
  /** Mutations per minute per client address, for callers without an API key. */
  mutationsPerMinute: number;
  /** Mutations per minute per API key (setup scripts legitimately send hundreds). */
  keyMutationsPerMinute: number;
  /** Open WebSocket connections per instance (fan-out is benchmarked at 10,000). */
  webSocketConnections: number;
  /** Open WebSocket connections per client address; an office behind one NAT address needs room. */
  webSocketConnectionsPerClient: number;
}

type Env = Record<string, string | undefined>;

const NUMERIC: [keyof Limits, string, number][] = [
  ["maxDepth", "GRAPHQL_MAX_DEPTH", 12],
  ["maxCost", "GRAPHQL_MAX_COST", 20_000],
  ["operatorMaxCost", "GRAPHQL_OPERATOR_MAX_COST", 200_000],
  ["expensiveQueryCost", "GRAPHQL_EXPENSIVE_COST", 6_000],
  ["expensiveQueriesPerMinute", "EXPENSIVE_QUERIES_PER_MINUTE", 20],
  ["maxAliases", "GRAPHQL_MAX_ALIASES", 15],
  ["maxTokens", "GRAPHQL_MAX_TOKENS", 1_000],
  ["maxDirectives", "GRAPHQL_MAX_DIRECTIVES", 50],
  ["maxRequestBodyBytes", "MAX_REQUEST_BODY_BYTES", 100 * 1024],
  ["maxUploadBodyBytes", "MAX_UPLOAD_BODY_BYTES", 576 * 1024],
  ["responseCacheMaxBytes", "RESPONSE_CACHE_MAX_BYTES", 1024 * 1024],
  ["mutationsPerMinute", "MUTATIONS_PER_MINUTE", 60],
  ["keyMutationsPerMinute", "KEY_MUTATIONS_PER_MINUTE", 600],
  ["webSocketConnections", "WS_MAX_CONNECTIONS", 20_000],
  ["webSocketConnectionsPerClient", "WS_MAX_CONNECTIONS_PER_CLIENT", 5_000],
];

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** A `true`/`false` (or `1`/`0`) switch; unset takes `fallback`, anything else throws naming the variable. */
export function envFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** The limits the environment asks for; unset variables take their defaults. Throws on malformed values. */
export function limitsFromEnv(env: Env = process.env): Limits {
  const numbers = Object.fromEntries(NUMERIC.map(([key, name, fallback]) => [key, positiveInteger(env, name, fallback)]));
  // Production hides the schema unless told otherwise; suggestions would leak it anyway, so they follow.
  const introspection = envFlag(env, "GRAPHQL_INTROSPECTION", env.NODE_ENV !== "production");
  const fieldSuggestions = envFlag(env, "GRAPHQL_FIELD_SUGGESTIONS", introspection);
  return { ...(numbers as Omit<Limits, "introspection" | "fieldSuggestions">), introspection, fieldSuggestions };
}

/** The environment's limits with `overrides` on top. */
export function resolveLimits(overrides: Partial<Limits> = {}, env: Env = process.env): Limits {
  return { ...limitsFromEnv(env), ...overrides };
}
