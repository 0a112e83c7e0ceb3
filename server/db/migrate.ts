// Applies prisma/migrations/<provider>/*/migration.sql in order, once each, and
// refuses to start when an applied migration's file was changed since.
// The Prisma CLI's own `migrate deploy` is not used at run time: on PostgreSQL
// through @prisma/adapter-pg 6.19 it fails ("Column type 'name' could not be
// deserialized"), and a server should not spawn a CLI to start.
import { migratePostgres } from "./migrate-postgres.js";
import { migrateSqlite } from "./migrate-sqlite.js";
import { MIGRATIONS_DIR, readMigrations } from "./migrations.js";
import type { DatabaseTarget } from "./url.js";

/**
 * Brings the database up to date from `dir` (holding `sqlite/` and `postgresql/`,
 * the repository's prisma/migrations by default); returns the names of the migrations it applied.
 */
export async function migrate(target: DatabaseTarget, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(target.provider, dir);
  return target.provider === "sqlite" ? migrateSqlite(target.file, migrations) : migratePostgres(target.url, target.schema, migrations);
}
