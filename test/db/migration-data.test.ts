// A database in use gets its next migration when the server starts, and keeps every
// row. On SQLite Prisma changes a table by redefining it (create a copy, copy the
// rows, drop the old one, rename the copy): dropping StatusPage must not take its
// pages' components, incidents, updates and impacts with it through ON DELETE CASCADE.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.js";
import { openDatabase } from "../../server/db/client.js";
import { createTestApp } from "../helpers/app.js";
import { dropDatabase, ensurePostgresDatabase, freshDatabaseUrl } from "../helpers/database.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, scheduleMaintenance } from "../helpers/fixtures.js";
import { addMigration, fixtureMigration, repositoryMigrations, rowIds, runSql } from "../helpers/migrations.js";

const url = freshDatabaseUrl();
// The data is written by today's code, so by today's model: the repository's migrations, then one more.
const folder = repositoryMigrations();
let before: Record<string, string[]>;

beforeAll(async () => {
  if (url.startsWith("postgres")) await ensurePostgresDatabase(url);
  const t = await createTestApp({ databaseUrl: url, migrationsDir: folder.dir });
  try {
    const [api, web] = await createComponents(t, ["API", "Web"]);
    const page = await createPage(t, [api!, web!]);
    const incident = await publishIncident(t, page.id, [{ componentId: api!, impact: "PARTIAL_OUTAGE" }]);
    await publishIncidentUpdate(t, incident, { impacts: [{ componentId: web!, impact: "DEGRADED_PERFORMANCE" }] });
    await scheduleMaintenance(t, page.id, { startsAt: "2026-03-11T10:00:00Z", endsAt: "2026-03-11T11:00:00Z" }, [
      { componentId: api!, impact: "UNDER_MAINTENANCE" },
    ]);
  } finally {
    await t.close();
  }
  before = await rowIds(url);
});

afterAll(async () => {
  await dropDatabase(url);
  folder.remove();
});

describe("a database with data at the latest migration", () => {
  it("has rows in the tables that cascade from a status page", () => {
    for (const table of ["StatusPage", "PageComponent", "Incident", "IncidentUpdate", "IncidentImpact", "Maintenance"]) {
      expect(before[table], table).not.toEqual([]);
    }
  });

  it("keeps every row when the server starts with a migration that redefines StatusPage", async () => {
    // `scripts/db.ts migration` output for a new `reviewedAt DateTime @default(now())` on StatusPage.
    addMigration(folder.dir, "20991231000000_add_reviewed_at", fixtureMigration("add_reviewed_at"));
    const app = await buildApp({ databaseUrl: url, migrationsDir: folder.dir, schedulerTimers: false, redisUrl: null });
    try {
      const pages = await runSql<{ reviewedAt: unknown }>(url, `SELECT "reviewedAt" FROM "StatusPage"`);
      expect(pages).toHaveLength(before.StatusPage!.length);
      expect(await rowIds(url)).toEqual(before);
    } finally {
      await app.stop();
    }
  });

  it("refuses to start, keeping nothing of it, when a migration leaves references to missing rows", async () => {
    const name = "20991231000001_orphan_group";
    const insert = `INSERT INTO "PageGroup" ("id", "pageId", "name", "position") VALUES ('orphan', 'no-such-page', 'Orphans', 0);\n`;
    addMigration(folder.dir, name, { sqlite: insert, postgresql: insert });
    try {
      await expect(openDatabase({ url, migrationsDir: folder.dir })).rejects.toThrow(`Migration ${name} failed and was rolled back`);
      expect(await runSql(url, `SELECT "id" FROM "PageGroup" WHERE "id" = 'orphan'`)).toEqual([]);
      expect(await runSql(url, `SELECT name FROM _statusgraph_migrations WHERE name = '${name}'`)).toEqual([]);
      expect(await rowIds(url)).toEqual(before);
    } finally {
      for (const provider of ["sqlite", "postgresql"]) rmSync(join(folder.dir, provider, name), { recursive: true });
    }
  });
});
