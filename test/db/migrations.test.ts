// `npm run db:check` (run by CI) passes on the repository and fails once the model
// has a change no migration covers; `db:migration` then writes the migration for
// both providers, after which the check passes again. The drift is made in a copy
// of the model and migrations (scripts/db.ts --root), never in the repository.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const LIMIT_MS = 55_000;

/**
 * `tsx scripts/db.ts <args>`, asynchronously so the test's own timeout still works.
 * One run starts the Prisma CLI once per provider: about 15 s here, several times
 * that when the machine is saturated; a run cut off at LIMIT_MS says so in stderr.
 */
function db(...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/db.ts", ...args], { cwd: REPO, encoding: "utf8", timeout: LIMIT_MS }, (error, stdout, stderr) => {
      const cutOff = error?.killed ? `\n(killed after ${Date.now() - started} ms: the machine is too busy for scripts/db.ts to finish)` : "";
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr: stderr + cutOff });
    });
  });
}

it("passes on the repository's model and migrations", async () => {
  const run = await db("check");
  expect(run, run.stderr).toMatchObject({ code: 0 });
  expect(run.stdout).toContain("Migrations match the model for SQLite and PostgreSQL.");
}, 60_000);

describe("a model change without a migration", () => {
  const root = mkdtempSync(join(tmpdir(), "statusgraph-drift-"));
  cpSync(join(REPO, "prisma/schema.prisma"), join(root, "prisma/schema.prisma"));
  cpSync(join(REPO, "prisma/migrations"), join(root, "prisma/migrations"), { recursive: true });
  const schema = join(root, "prisma/schema.prisma");
  const model = readFileSync(schema, "utf8");
  if (!model.includes("model CatalogType {\n")) throw new Error("prisma/schema.prisma has no CatalogType model to change");
  writeFileSync(schema, model.replace("model CatalogType {\n", "model CatalogType {\n  driftProbe String?\n"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("fails the check, for both providers", async () => {
    const run = await db("check", "--root", root);
    expect(run, run.stderr).toMatchObject({ code: 1 });
    expect(run.stderr).toContain("sqlite: the model changed since the last migration");
    expect(run.stderr).toContain("postgresql: the model changed since the last migration");
  }, 60_000);

  // Each step runs the Prisma CLI twice (once per provider), 5-10 s a run on a busy
  // machine: one step per test keeps each well inside its timeout.
  it("gets a migration for both providers from db:migration", async () => {
    const written = await db("migration", "add_drift_probe", "--root", root);
    expect(written, written.stderr).toMatchObject({ code: 0 });
    for (const provider of ["sqlite", "postgresql"]) {
      const dirs = readdirSync(join(root, "prisma/migrations", provider)).filter((d) => d.endsWith("_add_drift_probe"));
      expect(dirs).toHaveLength(1);
      const sql = readFileSync(join(root, "prisma/migrations", provider, dirs[0]!, "migration.sql"), "utf8");
      expect(sql).toMatch(/ALTER TABLE "CatalogType" ADD COLUMN\s+"driftProbe" TEXT/);
    }
  }, 60_000);

  it("passes the check once that migration is there", async () => {
    const run = await db("check", "--root", root);
    expect(run, run.stderr).toMatchObject({ code: 0 });
  }, 60_000);
});
