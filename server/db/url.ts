// Which database DATABASE_URL names. The server and `npm run keys` both resolve it
// here, so a key the CLI creates lands in the database the server reads.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project directory: the default database lives under it, whatever the working directory. */
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const DEFAULT_DATABASE_URL = `file:${resolve(PROJECT_ROOT, "data/statusgraph.db")}`;

export type DatabaseTarget = { provider: "sqlite"; url: string; file: string } | { provider: "postgresql"; url: string; schema: string | null };

/**
 * Reads DATABASE_URL (unset or empty: `data/statusgraph.db` in the project directory):
 * `file:<path>` is SQLite (a relative path is relative to the working directory),
 * `postgres(ql)://` is PostgreSQL.
 */
export function parseDatabaseUrl(url: string | undefined = undefined): DatabaseTarget {
  const given = url?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(given)) {
    const schema = new URL(given).searchParams.get("schema");
    return { provider: "postgresql", url: given, schema };
  }
  if (given.startsWith("file:")) {
    const file = resolve(given.slice("file:".length));
    mkdirSync(dirname(file), { recursive: true });
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${given}"`);
}

/** Whether `target` is the database used when DATABASE_URL is not set. */
export function isDefaultDatabase(target: DatabaseTarget): boolean {
  return target.url === parseDatabaseUrl().url;
}

/** Where the data is, for people: the file, or host/database — never a password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return `SQLite file ${target.file}`;
  const url = new URL(target.url);
  const name = decodeURIComponent(url.pathname.slice(1)) || "(default database)";
  return `PostgreSQL database ${name} on ${url.host}${target.schema ? `, schema ${target.schema}` : ""}`;
}

/**
 * DATABASE_URL as a shell-ready assignment that names `target` from any working
 * directory (SQLite paths are absolute). A password is replaced by PASSWORD, so the
 * console never shows it; the operator puts it back.
 */
export function databaseUrlAssignment(target: DatabaseTarget): { assignment: string; hidesPassword: boolean } {
  let value = target.url;
  let hidesPassword = false;
  if (target.provider === "postgresql") {
    const url = new URL(target.url);
    if (url.password) {
      url.password = "PASSWORD";
      value = url.toString();
      hidesPassword = true;
    }
  }
  return { assignment: `DATABASE_URL=${shellQuote(value)}`, hidesPassword };
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
