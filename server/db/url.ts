import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/statusgraph.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string; schema: string | null };

/** Reads DATABASE_URL: `file:<path>` is SQLite (relative to the working directory), `postgres(ql)://` is PostgreSQL. */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = new URL(url).searchParams.get("schema");
    return { provider: "postgresql", url, schema };
  }
  if (url.startsWith("file:")) {
    const file = resolve(url.slice("file:".length));
    mkdirSync(dirname(file), { recursive: true });
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url}"`);
}
