import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { createApiKey, revokeApiKey } from "../../server/auth/api-keys.js";
import { createKeyCommand, setupNotes } from "../../server/auth/first-run.js";
import { DEFAULT_DATABASE_URL, describeDatabase, parseDatabaseUrl } from "../../server/db/url.js";
import { openTestDatabase } from "../helpers/database.js";
import { REPO, startMain, type MainProcess } from "../helpers/main-process.js";

let database: Database;
beforeAll(async () => void (database = await openTestDatabase()));
afterAll(() => database.close());

it("tells how to create the first key while no usable one exists, and to set PUBLIC_URL", async () => {
  const fresh = await setupNotes(database.db, database.target, {});
  expect(fresh.join("\n")).toContain("npm run keys -- create --name admin --scope admin");
  expect(fresh.join("\n")).toContain("PUBLIC_URL is not set");

  const now = new Date();
  const { key } = await createApiKey(database.db, { name: "first", scope: "ADMIN" }, now);
  expect(await setupNotes(database.db, database.target, { PUBLIC_URL: "https://status.example.com" })).toEqual([]);
  await revokeApiKey(database.db, key.id, now);
  expect((await setupNotes(database.db, database.target, { PUBLIC_URL: "https://status.example.com" })).join("\n")).toContain("npm run keys");
});

describe("the command that creates the first key", () => {
  const create = "npm run keys -- create --name admin --scope admin";

  it("is plain on the default database, which does not depend on the working directory", () => {
    expect(parseDatabaseUrl(undefined)).toMatchObject({ provider: "sqlite", file: join(REPO, "data/statusgraph.db") });
    expect(parseDatabaseUrl("").url).toBe(DEFAULT_DATABASE_URL);
    expect(createKeyCommand(parseDatabaseUrl(undefined)).command).toBe(create);
    expect(createKeyCommand(parseDatabaseUrl(DEFAULT_DATABASE_URL)).command).toBe(create);
  });

  it("names any other database, SQLite by its absolute path", () => {
    expect(createKeyCommand(parseDatabaseUrl("file:/srv/status/sg.db")).command).toBe(`DATABASE_URL=file:/srv/status/sg.db ${create}`);
    const dir = mkdtempSync(join(tmpdir(), "sg first run "));
    try {
      // Quoted for the shell: the path has spaces.
      expect(createKeyCommand(parseDatabaseUrl(`file:${dir}/it's.db`)).command).toBe(`DATABASE_URL='file:${dir}/it'\\''s.db' ${create}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a PostgreSQL database, never showing its password", () => {
    const plain = createKeyCommand(parseDatabaseUrl("postgresql://postgres@127.0.0.1:5432/status?schema=ops"));
    expect(plain).toEqual({ command: `DATABASE_URL='postgresql://postgres@127.0.0.1:5432/status?schema=ops' ${create}`, hidesPassword: false });
    const secret = createKeyCommand(parseDatabaseUrl("postgresql://ops:s3cr3t@db.internal/status"));
    expect(secret).toEqual({ command: `DATABASE_URL=postgresql://ops:PASSWORD@db.internal/status ${create}`, hidesPassword: true });
  });

  it("is paired with a description of the database that names host and database, never a password", () => {
    expect(describeDatabase(parseDatabaseUrl("postgresql://ops:s3cr3t@db.internal:5433/status?schema=ops"))).toBe(
      "PostgreSQL database status on db.internal:5433, schema ops",
    );
    expect(describeDatabase(parseDatabaseUrl("file:/srv/status/sg.db"))).toBe("SQLite file /srv/status/sg.db");
  });
});

// A process of its own: tsx, Prisma and the migrations take seconds on a busy machine.
describe("npm start", { timeout: 120_000 }, () => {
  let main: MainProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sg-first-run-"));
    main = await startMain({ DATABASE_URL: `file:${dir}/status.db` });
    await main.waitFor(/PUBLIC_URL is not set/);
  });
  afterAll(async () => {
    await main?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints each status page's address, GraphiQL and the health endpoints, and each of them answers", async () => {
    const o = main.origin;
    const printed = main.output();
    const lines = [
      `Customer Support Operations (customer page)  ${o}/cust-support-ops`,
      `Main                                       ${o}/cust-support-ops/main`,
      `Statusgraph Demo                             ${o}/demo`,
      `GraphQL + GraphiQL                           ${o}/graphql`,
      `Health (live)                                ${o}/health/live`,
      `Health (ready)                               ${o}/health/ready`,
    ];
    for (const line of lines) expect(printed).toContain(line);
    expect(printed).toContain(`Database: SQLite file ${dir}/status.db (demo created; SEED_DEMO=false starts without it)`);
    for (const path of ["/cust-support-ops", "/cust-support-ops/main", "/demo", "/graphql", "/health/live", "/health/ready"]) {
      const res = await fetch(`${o}${path}`, { headers: { accept: "text/html" } });
      expect(res.status, path).toBe(200);
    }
  });

  it("does not build the web client when the build is up to date", () => {
    expect(main.output()).not.toContain("Building the web client");
  });

  it("prints the key command with the server's database", () => {
    expect(main.output()).toContain(`  DATABASE_URL=file:${dir}/status.db npm run keys -- create --name admin --scope admin\n`);
  });
});
