// A database that accepts connections but does not answer (a lock held elsewhere, a
// pool whose connections are all stuck) is an outage: /health/ready turns 503 within
// its timeout, naming the database as slow and why, logs the change once, and reports
// ready again as soon as the stall ends.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { dropDatabase, ensurePostgresDatabase, freshSchemaUrl } from "../helpers/database.js";
import { memoryLog, type MemoryLog } from "../helpers/logs.js";
import { POSTGRES_URL, checkPostgres, describeWith } from "../helpers/services.js";

const BOUND_MS = 1_000;

async function timed(origin: string, path: string) {
  const started = Date.now();
  const res = await fetch(`${origin}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

/** What the service logged about its database, level and message. */
const databaseLines = (log: MemoryLog) =>
  log
    .lines()
    .filter((line) => line.msg.startsWith("Database"))
    .map((line) => `${line.level} ${line.msg}`);

describe("on SQLite, a write lock held by another connection", () => {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-test-")), "test.db")}`;
  let t: TestApp;
  let origin: string;
  const log = memoryLog();

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: url, readyTimeoutMs: BOUND_MS, logger: log.logger });
    origin = new URL(await t.app.start(0)).origin;
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  });

  it("turns readiness to 503 naming the database slow within the bound, without blocking the process, and back once released", async () => {
    expect(await timed(origin, "/health/ready")).toMatchObject({ status: 200, body: { status: "ready", database: "up" } });
    const locker = new Database(url.slice("file:".length));
    try {
      locker.exec("BEGIN EXCLUSIVE");
      const probing = timed(origin, "/health/ready");
      // The probe waits between event-loop turns: the process keeps answering meanwhile.
      const live = await timed(origin, "/health/live");
      expect(live.status).toBe(200);
      expect(live.ms).toBeLessThan(BOUND_MS / 2);
      const stalled = await probing;
      expect(stalled.status).toBe(503);
      expect(stalled.body).toEqual({
        status: "unavailable",
        database: "slow",
        redis: "not configured",
        detail: { database: `the write lock was not free within ${BOUND_MS} ms` },
      });
      expect(stalled.ms).toBeLessThanOrEqual(BOUND_MS + 1_000);
      expect((await timed(origin, "/health/ready")).status).toBe(503);
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
    expect(await timed(origin, "/health/ready")).toMatchObject({ status: 200, body: { status: "ready", database: "up" } });
    // Two slow answers, one line; one more when it ends.
    expect(databaseLines(log)).toEqual([
      `warn Database is slow (the write lock was not free within ${BOUND_MS} ms): readiness reports unavailable`,
      "info Database answers again (it was slow): readiness reports ready",
    ]);
  }, 30_000);
});

describeWith([await checkPostgres()], "on PostgreSQL, a stalled database", () => {
  const url = freshSchemaUrl(POSTGRES_URL);
  const schema = new URL(url).searchParams.get("schema")!;
  let t: TestApp;
  let origin: string;
  let locker: pg.Client;
  const log = memoryLog();

  beforeAll(async () => {
    await ensurePostgresDatabase(url);
    t = await createTestApp({ databaseUrl: url, readyTimeoutMs: BOUND_MS, logger: log.logger });
    origin = new URL(await t.app.start(0)).origin;
    locker = new pg.Client({ connectionString: POSTGRES_URL });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.query("ROLLBACK").catch(() => undefined);
    await locker?.end();
    await t?.close();
    await dropDatabase(url);
  });

  const lock = async (table: string) => {
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "${schema}"."${table}" IN ACCESS EXCLUSIVE MODE`);
  };

  it("a table lock turns readiness to 503 naming the database slow within the bound, and 200 after release", async () => {
    expect((await timed(origin, "/health/ready")).status).toBe(200);
    await lock("StatusPage");
    const stalled = await timed(origin, "/health/ready");
    expect(stalled.status).toBe(503);
    expect(stalled.body).toEqual({
      status: "unavailable",
      database: "slow",
      redis: "not configured",
      detail: { database: `no answer within ${BOUND_MS} ms` },
    });
    expect(stalled.ms).toBeLessThanOrEqual(BOUND_MS + 1_000);
    await locker.query("ROLLBACK");
    expect(await timed(origin, "/health/ready")).toMatchObject({ status: 200, body: { status: "ready", database: "up" } });
    expect(databaseLines(log)).toEqual([
      `warn Database is slow (no answer within ${BOUND_MS} ms): readiness reports unavailable`,
      "info Database answers again (it was slow): readiness reports ready",
    ]);
  }, 30_000);

  it("a pool whose connections are all stuck turns readiness to 503 within the bound, though the database answers the probe", async () => {
    // Every authenticated request reads its API key: with that table locked, requests hold every pool connection.
    await lock("ApiKey");
    const stuck = Array.from({ length: 12 }, () => t.gql(`{ statusPages { id } }`));
    const pool = t.app.database.pool!;
    await expect.poll(() => pool.waitingCount, { timeout: 10_000 }).toBeGreaterThan(0);
    const stalled = await timed(origin, "/health/ready");
    expect(stalled.status).toBe(503);
    expect(stalled.body).toMatchObject({ status: "unavailable", database: "slow" });
    expect((stalled.body.detail as { database: string }).database).toMatch(
      new RegExp(`^no free connection in the pool within ${BOUND_MS} ms \\(\\d+ requests waiting\\)$`),
    );
    expect(stalled.ms).toBeLessThanOrEqual(BOUND_MS + 1_000);
    await locker.query("ROLLBACK");
    for (const answer of await Promise.all(stuck)) expect(answer.errors).toBeUndefined();
    expect(await timed(origin, "/health/ready")).toMatchObject({ status: 200, body: { status: "ready", database: "up" } });
  }, 30_000);
});
