// The migrations folder and the record of what was applied, for both databases.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseTarget } from "./url.js";

/** The repository's folder: one subfolder per provider, one folder per migration in each. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
export const MIGRATIONS_TABLE = "_statusgraph_migrations";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** A migration as the bookkeeping table has it; `checksum` is null for rows written before checksums were kept. */
export interface AppliedMigration {
  name: string;
  checksum: string | null;
}

/** SHA-256 of a migration's SQL; line endings are normalised so a checkout with CRLF does not count as an edit. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export function readMigrations(provider: DatabaseTarget["provider"], dir = MIGRATIONS_DIR): Migration[] {
  const folder = join(dir, provider);
  return readdirSync(folder)
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

export class MigrationChangedError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was changed after it was applied to this database. ` +
        `Restore its migration.sql as it was and put the change in a new migration.`,
    );
    this.name = "MigrationChangedError";
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${reason}`, options);
    this.name = "MigrationFailedError";
  }
}

export interface MigrationPlan {
  /** Applied before checksums were kept: their checksum is recorded from the file as it is now. */
  backfill: Migration[];
  pending: Migration[];
}

/** What to do with `migrations` given what was `applied`; throws when an applied migration's file changed. */
export function planMigrations(migrations: Migration[], applied: AppliedMigration[]): MigrationPlan {
  const recorded = new Map(applied.map((a) => [a.name, a.checksum]));
  const backfill: Migration[] = [];
  const pending: Migration[] = [];
  for (const m of migrations) {
    if (!recorded.has(m.name)) pending.push(m);
    else if (recorded.get(m.name) === null) backfill.push(m);
    else if (recorded.get(m.name) !== m.checksum) throw new MigrationChangedError(m.name);
  }
  return { backfill, pending };
}

/** Wraps whatever a migration's SQL threw, naming the migration. */
export function migrationFailed(migration: string, error: unknown): MigrationFailedError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MigrationFailedError(migration, reason, { cause: error });
}
