import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../server/db/client.js";
import { parseDatabaseUrl } from "../../server/db/url.js";

const SQLITE_DIR_PREFIX = "statusgraph-test-";
/** Only schemas named like this are ever dropped, so a mistaken URL cannot drop real data. */
const FRESH_SCHEMA = /^t_[0-9a-f]{16}$/;

/** `base` (a PostgreSQL URL) with a new, unused schema name. */
export function freshSchemaUrl(base: string): string {
  const url = new URL(base);
  url.searchParams.set("schema", `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`);
  return url.toString();
}

/**
 * A fresh database for one test file: a new SQLite file, or, when
 * TEST_POSTGRES_URL is set, a new schema in that PostgreSQL database.
 * Drop it with `dropDatabase` when done.
 */
export function freshDatabaseUrl(): string {
  const pgUrl = process.env.TEST_POSTGRES_URL;
  if (pgUrl) return freshSchemaUrl(pgUrl);
  return `file:${join(mkdtempSync(join(tmpdir(), SQLITE_DIR_PREFIX)), "test.db")}`;
}

const ensured = new Map<string, Promise<void>>();

/** Creates the database `url` names when it does not exist yet (once per process). */
export function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const key = `${target.host}/${name}`;
  let done = ensured.get(key);
  if (!done) ensured.set(key, (done = createIfMissing(target, name)));
  return done;
}

async function createIfMissing(target: URL, name: string): Promise<void> {
  const admin = new URL(target);
  admin.pathname = "/postgres";
  admin.search = "";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another test process created it at the same moment: that is what we wanted.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await client.end();
  }
}

/**
 * Removes a database `freshDatabaseUrl` or `freshSchemaUrl` made: its PostgreSQL
 * schema (so CI does not pile them up) or its SQLite directory. Anything else is left alone.
 */
export async function dropDatabase(url: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const dir = dirname(target.file);
    if (dirname(dir) === tmpdir() && basename(dir).startsWith(SQLITE_DIR_PREFIX)) rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (!target.schema || !FRESH_SCHEMA.test(target.schema)) return;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Opens (and migrates) a fresh database, or `url`; its `close` also drops it. */
export async function openTestDatabase(url = freshDatabaseUrl()): Promise<Database> {
  if (url.startsWith("postgres")) await ensurePostgresDatabase(url);
  const database = await openDatabase({ url });
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(url);
    },
  };
}
