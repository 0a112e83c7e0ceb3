import Database from "better-sqlite3";
import { isSqliteBusy } from "./probe-sqlite.js";
import { MIGRATIONS_TABLE as TABLE, MigrationFailedError, migrationFailed, planMigrations, type AppliedMigration, type Migration } from "./migrations.js";

interface ForeignKeyViolation {
  table: string;
  parent: string;
}

/** How long an instance keeps trying while another holds the database. */
const BUSY_MS = 10_000;

/**
 * Applies the pending migrations in one IMMEDIATE transaction: it takes the write
 * lock before reading what was applied, so a second process starting at the same
 * time waits (busy_timeout), then finds nothing left to do. Some steps are refused at
 * once rather than waited for: switching a new file to WAL while another process does
 * the same, a lock that SQLite will not wait for because waiting could deadlock. Those
 * are tried again, from the start, until BUSY_MS have passed.
 */
export function migrateSqlite(file: string, migrations: Migration[]): string[] {
  const deadline = Date.now() + BUSY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return migrateOnce(file, migrations);
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
      // A synchronous pause (start-up does nothing else meanwhile), longer each time.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(25 * attempt, 250));
    }
  }
}

function migrateOnce(file: string, migrations: Migration[]): string[] {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 10000");
    db.pragma("journal_mode = WAL");
    // Prisma redefines a table by create, copy, drop, rename. With foreign keys on, the
    // DROP deletes every row first and the ON DELETE CASCADE rules empty the child
    // tables. The migration's own `PRAGMA foreign_keys=OFF` cannot help: SQLite ignores
    // that pragma inside a transaction. So it is set here, before the transaction, and
    // the references are checked at the end of each migration instead.
    db.pragma("foreign_keys = OFF");
    try {
      return db.transaction(() => applyPending(db, migrations)).immediate();
    } finally {
      db.pragma("foreign_keys = ON");
    }
  } finally {
    db.close();
  }
}

function applyPending(db: Database.Database, migrations: Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL, checksum TEXT)`);
  const columns = db.pragma(`table_info(${TABLE})`) as { name: string }[];
  if (!columns.some((c) => c.name === "checksum")) db.exec(`ALTER TABLE ${TABLE} ADD COLUMN checksum TEXT`);

  const applied = db.prepare(`SELECT name, checksum FROM ${TABLE}`).all() as AppliedMigration[];
  const plan = planMigrations(migrations, applied);
  const backfill = db.prepare(`UPDATE ${TABLE} SET checksum = ? WHERE name = ?`);
  for (const m of plan.backfill) backfill.run(m.checksum, m.name);

  const record = db.prepare(`INSERT INTO ${TABLE} (name, applied_at, checksum) VALUES (?, ?, ?)`);
  for (const m of plan.pending) {
    try {
      db.exec(m.sql);
    } catch (error) {
      throw migrationFailed(m.name, error);
    }
    const dangling = db.pragma("foreign_key_check") as ForeignKeyViolation[];
    if (dangling.length > 0) throw new MigrationFailedError(m.name, describe(dangling));
    record.run(m.name, new Date().toISOString(), m.checksum);
  }
  return plan.pending.map((m) => m.name);
}

function describe(dangling: ForeignKeyViolation[]): string {
  const counts = new Map<string, number>();
  for (const v of dangling) {
    const key = `${v.table} -> ${v.parent}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const list = [...counts].map(([key, n]) => `${key} (${n} row${n === 1 ? "" : "s"})`).join(", ");
  return `it leaves rows that reference missing rows: ${list}`;
}
