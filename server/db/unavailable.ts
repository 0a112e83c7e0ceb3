// Whether a failure means "the database is not answering right now" (worth a retry
// later, and a reason to serve the last known state) rather than a fault in the
// request or the code. One rule for both adapters and every wrapping Prisma adds:
// the client's own error (PrismaClientKnownRequestError with a P1xxx/P2028 code,
// or the driver's code copied onto it), a DriverAdapterError whose `cause` holds
// the driver's error, the error in `meta.driverAdapterError` (raw queries), or the
// driver's error itself (better-sqlite3's SqliteError, pg's errors) thrown through.

/** Prisma's codes for a database that cannot be reached or did not answer in time. */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1008", // operation timed out (SQLITE_BUSY after its timeout comes out as this)
  "P1017", // server closed the connection
  "P1018", // transaction already closed
  "P2024", // timed out fetching a connection from the pool
  "P2028", // interactive transaction API error: timed out, or closed before it finished
  "P2037", // too many database connections
]);

/** Driver adapter error kinds (DriverAdapterError.cause.kind) that say the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);

/** SQLSTATEs of a server going away, refusing connections, or a statement cut off by a timeout. */
const POSTGRES_CODES = new Set([
  "57P01", // admin_shutdown (also what pg_terminate_backend sends)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "53300", // too_many_connections
  "53400", // configuration_limit_exceeded
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "08000",
  "08001",
  "08003",
  "08004",
  "08006", // connection exceptions
]);

/** Node socket errors on the way to the server. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * SQLite result codes (extended codes start with these): the file cannot be opened or
 * read, is not a database any more, or stayed locked past the busy timeout.
 */
const SQLITE_PREFIXES = ["SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_NOTADB", "SQLITE_READONLY_DBMOVED"];

/** Messages of errors that carry no code: pg's own connection handling, and better-sqlite3 on a closed handle. */
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
  /^The database connection is not open/,
  /not currently accepting connections/,
];

const MAX_DEPTH = 5;

function codeOf(value: Record<string, unknown>, key: string): string | null {
  const code = value[key];
  return typeof code === "string" ? code : null;
}

function matches(value: Record<string, unknown>): boolean {
  for (const key of ["code", "originalCode"]) {
    const code = codeOf(value, key);
    if (!code) continue;
    if (PRISMA_CODES.has(code) || POSTGRES_CODES.has(code) || SOCKET_CODES.has(code)) return true;
    if (SQLITE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  const kind = codeOf(value, "kind");
  if (kind && ADAPTER_KINDS.has(kind)) return true;
  const message = codeOf(value, "message");
  return message !== null && MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `error` (or what it wraps) says the database is unreachable, refusing, or timed out. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > MAX_DEPTH) return false;
  const value = error as Record<string, unknown>;
  if (matches(value)) return true;
  const meta = value.meta as Record<string, unknown> | undefined;
  return isDatabaseUnavailable(value.cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}
