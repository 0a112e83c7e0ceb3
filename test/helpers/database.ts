import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A fresh database for one test file: a new SQLite file, or, when
 * TEST_POSTGRES_URL is set, a new schema in that PostgreSQL database.
 */
export function freshDatabaseUrl(): string {
  const pg = process.env.TEST_POSTGRES_URL;
  if (pg) {
    const url = new URL(pg);
    url.searchParams.set("schema", `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`);
    return url.toString();
  }
  return `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-test-")), "test.db")}`;
}
