// The PostgreSQL readiness probe. It reads a table on a connection of its own, so it
// never waits in the app's pool, with server-side statement and lock timeouts and a
// client-side deadline (a server that stops answering altogether sends no error).
// Beside it, it asks the app's pool for a connection under the same deadline: a pool
// whose connections are all stuck is an instance that cannot serve, even while the
// database itself answers.
import pg from "pg";
import { PROBED_TABLE, withDeadline, type DatabaseProbe, type ProbeResult } from "./probe.js";

type Target = { url: string; schema: string | null };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** query_canceled (statement_timeout) and lock_not_available (lock_timeout): the server answered, but only to give up. */
const TIMED_OUT_CODES = new Set(["57014", "55P03"]);

/** The probe's own connection: opened on first use, dropped once broken or stuck so the next check opens another. */
interface OwnConnection {
  get(): Promise<pg.Client>;
  discard(c: pg.Client): void;
  close(): Promise<void>;
}

function ownConnection(target: Target, timeoutMs: number): OwnConnection {
  let client: pg.Client | null = null;

  function discard(c: pg.Client): void {
    if (client === c) client = null;
    c.end().catch(() => undefined);
  }

  return {
    discard,
    async get() {
      if (client) return client;
      const c = new pg.Client({
        connectionString: target.url,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        lock_timeout: timeoutMs,
        application_name: "statusgraph readiness",
      });
      // A broken connection is replaced at the next check; unhandled, its error would end the process.
      c.on("error", () => discard(c));
      try {
        await c.connect();
      } catch (error) {
        discard(c);
        throw error;
      }
      client = c;
      return c;
    },
    async close() {
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** Reads the probed table on the probe's own connection: up, slow (timed out or past the deadline) or down. */
async function tableAnswers(connection: OwnConnection, table: string, slow: ProbeResult, timeoutMs: number): Promise<ProbeResult> {
  const connecting = connection.get();
  const answered = connecting
    .then((c) => c.query(`SELECT 1 FROM ${table} LIMIT 1`))
    .then(
      (): ProbeResult => ({ state: "up" }),
      (error: unknown): ProbeResult => {
        const code = (error as { code?: string }).code;
        return code && TIMED_OUT_CODES.has(code) ? slow : { state: "down", detail: message(error) };
      },
    );
  const outcome = await withDeadline(answered, timeoutMs);
  if (outcome !== "late") return outcome;
  // Still waiting: this connection may never answer again (pg destroys the socket of
  // one ended mid-query), so the next check opens another.
  connecting.then(connection.discard, () => undefined);
  return slow;
}

/** Whether the app's pool hands out a connection within the deadline, with one request for it at a time. */
function poolRoomCheck(timeoutMs: number): (p: pg.Pool) => Promise<ProbeResult> {
  let acquiring: Promise<void> | null = null;
  return async (p) => {
    // One request for a connection at a time: a stuck pool gets no pile of probes on top.
    acquiring ??= p
      .connect()
      .then(
        (c) => c.release(),
        () => undefined,
      )
      .finally(() => (acquiring = null));
    const outcome = await withDeadline(acquiring, timeoutMs);
    if (outcome !== "late") return { state: "up" };
    return { state: "slow", detail: `no free connection in the pool within ${timeoutMs} ms (${p.waitingCount} requests waiting)` };
  };
}

/** The PostgreSQL readiness probe: the probed table on a connection of its own, and room in the app's pool. */
export function createPostgresProbe(target: Target, pool: pg.Pool | null, timeoutMs: number): DatabaseProbe {
  const table = `${target.schema ? `${pg.escapeIdentifier(target.schema)}.` : ""}${pg.escapeIdentifier(PROBED_TABLE)}`;
  const slow: ProbeResult = { state: "slow", detail: `no answer within ${timeoutMs} ms` };
  const connection = ownConnection(target, timeoutMs);
  const poolHasRoom = poolRoomCheck(timeoutMs);

  return {
    async check() {
      const [own, room] = await Promise.all([
        tableAnswers(connection, table, slow, timeoutMs),
        pool ? poolHasRoom(pool) : Promise.resolve<ProbeResult>({ state: "up" }),
      ]);
      return own.state !== "up" ? own : room;
    },
    close: () => connection.close(),
  };
}
