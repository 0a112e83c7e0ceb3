// The SQLite readiness probe. better-sqlite3 waits for a lock synchronously (its busy
// timeout blocks the whole event loop), so the probe never waits inside SQLite: its
// own connection has no busy timeout, takes the write lock and gives it back at once,
// and retries between event-loop turns until the deadline. A write lock held elsewhere
// that long (an open write transaction) is a stall: every write of the service waits on it.
import Database from "better-sqlite3";
import { PROBED_TABLE, type DatabaseProbe, type ProbeResult } from "./probe.js";

const RETRY_MS = 25;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Whether SQLite refused for a lock another connection holds. */
export const isSqliteBusy = (error: unknown) => String((error as { code?: string }).code ?? "").startsWith("SQLITE_BUSY");

export function createSqliteProbe(file: string, timeoutMs: number): DatabaseProbe {
  let db: Database.Database | null = null;

  /** One attempt, over before it returns: "busy" while another connection holds the write lock. */
  function attempt(): ProbeResult | "busy" {
    try {
      db ??= new Database(file, { fileMustExist: true, timeout: 0 });
      db.exec("BEGIN IMMEDIATE");
      try {
        db.prepare(`SELECT 1 FROM "${PROBED_TABLE}" LIMIT 1`).get();
      } finally {
        db.exec("ROLLBACK");
      }
      return { state: "up" };
    } catch (error) {
      if (isSqliteBusy(error)) return "busy";
      db?.close();
      db = null;
      return { state: "down", detail: message(error) };
    }
  }

  return {
    async check() {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = attempt();
        if (result !== "busy") return result;
        if (Date.now() + RETRY_MS > deadline) return { state: "slow", detail: `the write lock was not free within ${timeoutMs} ms` };
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    },
    async close() {
      db?.close();
      db = null;
    },
  };
}
