// Which failures mean "the database is unavailable right now": real errors from
// both adapters, as Prisma wraps them (its own codes, DriverAdapterError with a
// cause, the driver's error thrown through an interactive transaction), and the
// timeouts that call for a retry too. Anything else is not one.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { isDatabaseUnavailable } from "../../server/db/unavailable.js";
import { NotFoundError, ValidationError } from "../../server/errors.js";
import { PrismaClient as PostgresClient } from "../../server/generated/postgresql/client.js";
import { PrismaClient as SqliteClient } from "../../server/generated/sqlite/client.js";
import { freshSchemaUrl, openTestDatabase } from "../helpers/database.js";

/** What `run` rejects with. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** An interactive transaction that outlives its timeout: it keeps querying (polling) until a query fails. */
function outlivedTransaction(db: Database["db"]): Promise<unknown> {
  return failure(() =>
    db.$transaction(
      async (tx) => {
        for (;;) {
          await tx.statusPage.count();
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
      { timeout: 50 },
    ),
  );
}

describe("SQLite", () => {
  let database: Database;
  let file: string;

  beforeAll(async () => {
    database = await openTestDatabase(`file:${join(mkdtempSync(join(tmpdir(), "statusgraph-test-")), "test.db")}`);
    file = (database.target as { file: string }).file;
  });
  afterAll(() => database.close());

  it("a database file that cannot be opened (SQLITE_CANTOPEN), through models, raw queries and transactions", async () => {
    const db = database.db;
    await db.$disconnect();
    const folder = dirname(file);
    renameSync(folder, `${folder}.away`);
    writeFileSync(folder, "not a folder");
    try {
      expect(isDatabaseUnavailable(await failure(() => db.statusPage.count()))).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => db.$queryRawUnsafe("SELECT 1")))).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => db.$transaction(async (tx) => void (await tx.statusPage.count()))))).toBe(true);
    } finally {
      rmSync(folder);
      renameSync(`${folder}.away`, folder);
    }
    expect(await db.statusPage.count()).toBe(0);
  });

  it("a lock held past the busy timeout (SQLITE_BUSY)", async () => {
    const holder = new BetterSqlite3(file);
    const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 20 }) });
    try {
      holder.exec("BEGIN IMMEDIATE");
      const error = await failure(() => client.$executeRawUnsafe(`DELETE FROM "ApiKey"`));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      await client.$disconnect();
    }
  });

  it("a transaction that ran past its timeout (P2028)", async () => {
    const error = await outlivedTransaction(database.db);
    expect(error).toMatchObject({ code: "P2028" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("but not a broken rule, a missing record or our own errors", async () => {
    const db = database.db;
    const type = { name: "Dup", ranked: false, referenceByName: false };
    await db.catalogType.create({ data: type });
    const duplicate = await failure(() => db.catalogType.create({ data: type }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(await failure(() => db.catalogType.findUniqueOrThrow({ where: { id: "nope" } })))).toBe(false);
    expect(isDatabaseUnavailable(new NotFoundError("page", "x"))).toBe(false);
    expect(isDatabaseUnavailable(ValidationError.of("input.name", "too_long", "too long"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});

const postgresUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!postgresUrl)("PostgreSQL", () => {
  let database: Database;
  let schema: string;

  beforeAll(async () => {
    database = await openTestDatabase(freshSchemaUrl(postgresUrl!));
    schema = (database.target as { schema: string }).schema;
  });
  afterAll(() => database?.close());

  it("a server nobody listens on (ECONNREFUSED, P1001)", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: `postgresql://postgres@127.0.0.1:${port}/nothing` }) });
    try {
      const error = await failure(() => client.statusPage.count());
      expect(error).toMatchObject({ code: "P1001" });
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => client.$queryRawUnsafe("SELECT 1")))).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });

  it("a transaction that ran past its timeout (P2028)", async () => {
    const error = await outlivedTransaction(database.db);
    expect(error).toMatchObject({ code: "P2028" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a statement cut off by statement_timeout (57014)", async () => {
    const error = await failure(() =>
      database.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 10");
        await tx.$queryRawUnsafe("SELECT pg_sleep(1)");
      }),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a lock not granted within lock_timeout (55P03)", async () => {
    const holder = new pg.Client({ connectionString: postgresUrl });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`LOCK TABLE "${schema}"."StatusPage" IN ACCESS EXCLUSIVE MODE`);
      const error = await failure(() =>
        database.db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL lock_timeout = 10");
          await tx.statusPage.count();
        }),
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  });

  it("but not a broken rule", async () => {
    const type = { name: "Dup", ranked: false, referenceByName: false };
    await database.db.catalogType.create({ data: type });
    const duplicate = await failure(() => database.db.catalogType.create({ data: type }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
  });
});
