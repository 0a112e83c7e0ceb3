// A migration, once applied, is history: editing its file would leave databases
// migrated before and after the edit different while both count as up to date.
// The server refuses to start instead, naming the migration.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/client.js";
import { checksumOf } from "../../server/db/migrations.js";
import { dropDatabase, ensurePostgresDatabase, freshDatabaseUrl } from "../helpers/database.js";
import { addMigration, fixtureMigration, INIT, initOnlyMigrations, runSql } from "../helpers/migrations.js";

const url = freshDatabaseUrl();
const provider = url.startsWith("postgres") ? "postgresql" : "sqlite";
const folder = initOnlyMigrations();
const NEXT = "20261126224638_add_reviewed_at";
const file = join(folder.dir, provider, NEXT, "migration.sql");
let original: string;

const start = async () => (await openDatabase({ url, migrationsDir: folder.dir })).close();
const initChecksum = () => checksumOf(readFileSync(join(folder.dir, provider, INIT, "migration.sql"), "utf8"));
const recorded = () => runSql<{ name: string; checksum: string | null }>(url, "SELECT name, checksum FROM _statusgraph_migrations ORDER BY name");

beforeAll(async () => {
  if (provider === "postgresql") await ensurePostgresDatabase(url);
  addMigration(folder.dir, NEXT, fixtureMigration("add_reviewed_at"));
  original = readFileSync(file, "utf8");
  await start();
});

afterAll(async () => {
  await dropDatabase(url);
  folder.remove();
});

describe("an applied migration", () => {
  it("is recorded with the SHA-256 of its SQL", async () => {
    expect(await recorded()).toEqual([
      { name: INIT, checksum: initChecksum() },
      { name: NEXT, checksum: checksumOf(original) },
    ]);
  });

  it("stops start-up, named, once its file is edited; starts again once the file is restored", async () => {
    writeFileSync(file, `${original}CREATE INDEX "StatusPage_reviewedAt_idx" ON "StatusPage"("reviewedAt");\n`);
    await expect(start()).rejects.toThrow(`Migration ${NEXT} was changed after it was applied to this database`);
    writeFileSync(file, original);
    await expect(start()).resolves.toBeUndefined();
  });

  it("still counts as unchanged with CRLF line endings", async () => {
    writeFileSync(file, original.replace(/\n/g, "\r\n"));
    await expect(start()).resolves.toBeUndefined();
    writeFileSync(file, original);
  });
});

describe("a database migrated before checksums were kept", () => {
  beforeAll(() => runSql(url, "ALTER TABLE _statusgraph_migrations DROP COLUMN checksum"));

  it("gets the checksums of its applied migrations on the next start", async () => {
    await start();
    expect(await recorded()).toEqual([
      { name: INIT, checksum: initChecksum() },
      { name: NEXT, checksum: checksumOf(original) },
    ]);
  });

  it("then refuses an edited migration like any other", async () => {
    writeFileSync(file, original.replace("DEFAULT CURRENT_TIMESTAMP", "DEFAULT '2026-01-01'"));
    try {
      await expect(start()).rejects.toThrow(`Migration ${NEXT} was changed after it was applied`);
    } finally {
      writeFileSync(file, original);
    }
  });
});
