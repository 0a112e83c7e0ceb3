// Migration folders a test can change: a temporary copy holding the repository's
// first migration only, to which a test adds migrations of its own.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { MIGRATIONS_DIR } from "../../server/db/migrations.js";
import { parseDatabaseUrl } from "../../server/db/url.js";

export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];
export type MigrationSql = Record<Provider, string>;

const FIXTURES = new URL("../db/fixtures/", import.meta.url).pathname;

/** The repository's first (init) migration's folder name. */
export const INIT = readdirSync(join(MIGRATIONS_DIR, "sqlite"))
  .filter((n) => !n.startsWith("."))
  .sort()[0]!;

/** A temporary migrations folder with the init migration only; `remove()` deletes it. */
export function initOnlyMigrations(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "statusgraph-migrations-"));
  for (const provider of PROVIDERS) cpSync(join(MIGRATIONS_DIR, provider, INIT), join(dir, provider, INIT), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary migrations folder with every migration of the repository (the model the code writes); `remove()` deletes it. */
export function repositoryMigrations(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "statusgraph-migrations-"));
  for (const provider of PROVIDERS) cpSync(join(MIGRATIONS_DIR, provider), join(dir, provider), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes migration `name` for both providers into `dir`. */
export function addMigration(dir: string, name: string, sql: MigrationSql): void {
  for (const provider of PROVIDERS) {
    mkdirSync(join(dir, provider, name), { recursive: true });
    writeFileSync(join(dir, provider, name, "migration.sql"), sql[provider]);
  }
}

/** A migration's SQL as `scripts/db.ts migration` wrote it, kept under test/db/fixtures/<name>/. */
export function fixtureMigration(name: string): MigrationSql {
  const read = (provider: Provider) => readFileSync(join(FIXTURES, name, `${provider}.sql`), "utf8");
  return { sqlite: read("sqlite"), postgresql: read("postgresql") };
}

/** The tables the init migration creates. */
export function initTables(): string[] {
  const sql = readFileSync(join(MIGRATIONS_DIR, "sqlite", INIT, "migration.sql"), "utf8");
  return [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]!);
}

/** Every row's id, table by table (tables of the init migration). */
export async function rowIds(url: string): Promise<Record<string, string[]>> {
  const ids: Record<string, string[]> = {};
  for (const table of initTables()) {
    const rows = await runSql<{ id: string }>(url, `SELECT "id" FROM "${table}" ORDER BY "id"`);
    ids[table] = rows.map((r) => r.id);
  }
  return ids;
}

/** Runs one SQL statement on `url`'s database beside the app (PostgreSQL: in the URL's schema); returns its rows. */
export async function runSql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const db = new Database(target.file);
    try {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all() as T[];
      statement.run();
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    if (target.schema) await client.query(`SET search_path TO "${target.schema}"`);
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
