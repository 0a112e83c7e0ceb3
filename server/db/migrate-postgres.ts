import pg from "pg";
import { MIGRATIONS_TABLE as TABLE, migrationFailed, planMigrations, type AppliedMigration, type Migration } from "./migrations.js";

/** The advisory lock every instance takes before migrating; the number is arbitrary but fixed. */
export const MIGRATION_LOCK_KEY = 727274001;

/**
 * Applies the pending migrations, each in its own transaction, under a session
 * advisory lock: instances starting together migrate one after the other, and
 * the later ones find nothing left to do.
 */
export async function migratePostgres(url: string, schema: string | null, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // First of all: even `CREATE SCHEMA IF NOT EXISTS` fails when two sessions run it at once.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    if (schema) {
      const quoted = `"${schema.replace(/"/g, '""')}"`;
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(`SET search_path TO ${quoted}`);
    }
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL, checksum TEXT)`);
    await client.query(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS checksum TEXT`);

    const applied = (await client.query<AppliedMigration>(`SELECT name, checksum FROM ${TABLE}`)).rows;
    const plan = planMigrations(migrations, applied);
    for (const m of plan.backfill) {
      await client.query(`UPDATE ${TABLE} SET checksum = $1 WHERE name = $2`, [m.checksum, m.name]);
    }
    for (const m of plan.pending) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, applied_at, checksum) VALUES ($1, now(), $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw migrationFailed(m.name, error);
      }
    }
    return plan.pending.map((m) => m.name);
  } finally {
    // Ending the session releases its advisory lock, whether the migrations succeeded or not.
    await client.end();
  }
}
