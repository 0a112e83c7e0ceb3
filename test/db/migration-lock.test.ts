// Several instances of the server starting at once on a new database: one applies
// the migrations, the others wait for it and find nothing left to do.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_LOCK_KEY } from "../../server/db/migrate-postgres.js";
import { migrate } from "../../server/db/migrate.js";
import { parseDatabaseUrl } from "../../server/db/url.js";
import { dropDatabase, ensurePostgresDatabase, freshDatabaseUrl } from "../helpers/database.js";
import { addMigration, fixtureMigration, INIT, initOnlyMigrations, runSql } from "../helpers/migrations.js";

const NEXT = "20261126224638_add_reviewed_at";
const postgres = Boolean(process.env.TEST_POSTGRES_URL);
const folder = initOnlyMigrations();
addMigration(folder.dir, NEXT, fixtureMigration("add_reviewed_at"));
const urls: string[] = [];

async function freshUrl(): Promise<string> {
  const url = freshDatabaseUrl();
  if (postgres) await ensurePostgresDatabase(url);
  urls.push(url);
  return url;
}

afterAll(async () => {
  for (const url of urls) await dropDatabase(url);
  folder.remove();
});

type Outcome = { applied: string[] } | { error: string };

/** Migrates `url` from `n` separate processes, released together, as instances starting at once would. */
async function startTogether(n: number, url: string): Promise<Outcome[]> {
  const script = new URL("../helpers/migrate-instance.ts", import.meta.url).pathname;
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--import", "tsx", script, url, folder.dir], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const outputs = children.map((c) => createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
  for (const out of outputs) expect((await out.next()).value).toBe("ready");
  for (const c of children) c.stdin!.end("go\n");
  const outcomes = await Promise.all(outputs.map(async (out) => JSON.parse((await out.next()).value as string) as Outcome));
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit") : null)));
  return outcomes;
}

describe("instances starting together on a new database", () => {
  it("apply each migration once, and all start", async () => {
    const url = await freshUrl();
    const outcomes = await startTogether(2, url);
    expect(outcomes.filter((o) => "error" in o)).toEqual([]);
    const applied = outcomes.flatMap((o) => ("applied" in o ? o.applied : []));
    expect(applied.sort()).toEqual([INIT, NEXT]);
    expect(await runSql(url, "SELECT name FROM _statusgraph_migrations ORDER BY name")).toEqual([{ name: INIT }, { name: NEXT }]);
  }, 60_000);
});

describe.runIf(postgres)("on PostgreSQL, an instance starting while another migrates", () => {
  let holder: pg.Client;
  beforeAll(async () => {
    holder = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await holder.connect();
  });
  afterAll(() => holder.end());

  it("waits for the migration lock before it creates its schema", async () => {
    const url = new URL(await freshUrl());
    const schema = url.searchParams.get("schema")!;
    const name = `statusgraph-${schema}`;
    url.searchParams.set("application_name", name);
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    let migrating: Promise<string[]>;
    try {
      migrating = migrate(parseDatabaseUrl(url.toString()), folder.dir);
      migrating.catch(() => undefined);
      const waiting = async () =>
        (
          await holder.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
             WHERE a.application_name = $1 AND l.locktype = 'advisory' AND NOT l.granted`,
            [name],
          )
        ).rows[0]!.n;
      await expect.poll(waiting, { timeout: 10_000 }).toBe(1);
      const schemas = await holder.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
      expect(schemas.rows).toEqual([]);
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
    expect(await migrating).toEqual([INIT, NEXT]);
  });
});
