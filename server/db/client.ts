import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import { PrismaClient } from "../generated/sqlite/client.js";
import { migrate } from "./migrate.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./url.js";

/**
 * Both generated clients come from one model (scripts/db.ts), so they share an
 * API; the SQLite client's type stands for both.
 */
export type Db = PrismaClient;
export type { DatabaseTarget };

export interface OpenDatabaseOptions {
  url?: string;
  /** The migrations folder (holding `sqlite/` and `postgresql/`); the repository's prisma/migrations by default. */
  migrationsDir?: string;
  /** Called with every SQL statement the client sends (used to pin statement counts). */
  onQuery?: (sql: string) => void;
}

export interface Database {
  db: Db;
  target: DatabaseTarget;
  /** PostgreSQL: the pool the client's queries run on (readiness watches it); null on SQLite. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

/** A schema name as a quoted identifier, escaped for libpq's startup `options` (space-separated, backslash escapes). */
function startupValue(schema: string): string {
  return `"${schema.replace(/"/g, '""')}"`.replace(/[\\\s]/g, "\\$&");
}

/** Connects to DATABASE_URL (SQLite file by default), applying any pending migrations first. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(options.url ?? process.env.DATABASE_URL);
  await migrate(target, options.migrationsDir);
  const log = options.onQuery ? ([{ emit: "event", level: "query" }] as const) : [];
  let pool: pg.Pool | null = null;
  let db: Db;
  if (target.provider === "sqlite") {
    db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: 10_000 }), log: [...log] });
  } else {
    // Made here rather than by the adapter, so that readiness can see when it is stuck. The schema is
    // also on the search path, so the few statements written as SQL (services/page-structure.ts) read it too.
    pool = new pg.Pool({ connectionString: target.url, ...(target.schema ? { options: `-c search_path=${startupValue(target.schema)}` } : {}) });
    const adapter = new PrismaPg(pool, target.schema ? { schema: target.schema } : {});
    db = new PostgresClient({ adapter, log: [...log] }) as unknown as Db;
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (db as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query));
  }
  await db.$connect();
  return {
    db,
    target,
    pool,
    async close() {
      await db.$disconnect();
      await pool?.end();
    },
  };
}
