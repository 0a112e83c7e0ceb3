// Applies prisma/migrations/<provider>/*/migration.sql in order, once each.
// The Prisma CLI's own `migrate deploy` is not used at run time: on PostgreSQL
// through @prisma/adapter-pg 6.19 it fails ("Column type 'name' could not be
// deserialized"), and a server should not spawn a CLI to start. Both paths take
// a lock so that several instances starting together migrate once.
import Database from "better-sqlite3";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { DatabaseTarget } from "./url.js";

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
const TABLE = "_statusgraph_migrations";

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(provider: DatabaseTarget["provider"]): Migration[] {
  const dir = join(MIGRATIONS, provider);
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

/** Brings the database up to date; returns the names of the migrations it applied. */
export async function migrate(target: DatabaseTarget): Promise<string[]> {
  const migrations = readMigrations(target.provider);
  return target.provider === "sqlite"
    ? migrateSqlite(target.file, migrations)
    : migratePostgres(target.url, target.schema, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const applied = new Set<string>();
    const run = db.transaction(() => {
      const done = new Set(db.prepare(`SELECT name FROM ${TABLE}`).pluck().all() as string[]);
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        db.exec(m.sql);
        db.prepare(`INSERT INTO ${TABLE} (name, applied_at) VALUES (?, ?)`).run(m.name, new Date().toISOString());
        applied.add(m.name);
      }
    });
    run.immediate();
    return [...applied];
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, schema: string | null, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
    }
    // One lock for every instance starting at once; the key is arbitrary but fixed.
    await client.query("SELECT pg_advisory_lock(727274001)");
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const done = new Set((await client.query<{ name: string }>(`SELECT name FROM ${TABLE}`)).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, applied_at) VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(m.name);
    }
    await client.query("SELECT pg_advisory_unlock(727274001)");
    return applied;
  } finally {
    await client.end();
  }
}
