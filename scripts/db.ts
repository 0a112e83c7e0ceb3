// One data model, two databases. `prisma/schema.prisma` (SQLite) is the source;
// this script derives its PostgreSQL twin, generates both clients, and writes
// each migration for both providers from the same model diff, so they cannot drift.
//
//   tsx scripts/db.ts generate          write the twin, generate both clients
//   tsx scripts/db.ts migration <name>  add a migration for both providers
//   tsx scripts/db.ts check             fail when the model has changes no migration covers
//
// `--root <dir>` (before or after the command) works on the model and migrations of
// another checkout of this layout, e.g. a copy a test changes; the Prisma CLI and
// its config still come from this repository.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const rootAt = argv.indexOf("--root");
const ROOT = rootAt >= 0 ? resolve(argv.splice(rootAt, 2)[1] ?? ".") : process.cwd();

const SOURCE = join(ROOT, "prisma/schema.prisma");
const TWIN = join(ROOT, "server/generated/postgresql.prisma");
const SNAPSHOT = join(ROOT, "prisma/migrations/schema.snapshot.prisma");
const MIGRATIONS = join(ROOT, "prisma/migrations");
const PROVIDERS = ["sqlite", "postgresql"] as const;
type Provider = (typeof PROVIDERS)[number];

function prisma(args: string[], schema?: string): string {
  return execFileSync("npx", ["prisma", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, ...(schema ? { PRISMA_SCHEMA: schema } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The model text for a provider: only the datasource and client output differ. */
function forProvider(model: string, provider: Provider): string {
  if (provider === "sqlite") return model;
  return model
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/statusgraph"')
    .replace(/output(\s*)= "\.\.\/server\/generated\/sqlite"/, 'output$1= "./postgresql"')
    .replace(/generator pothos \{[^}]*\}\n/, "");
}

function write(path: string, text: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const scratch = (name: string) => join(tmpdir(), `statusgraph-${process.pid}-${name}`);

function generate(): void {
  write(TWIN, forProvider(readFileSync(SOURCE, "utf8"), "postgresql"));
  prisma(["generate"], SOURCE);
  prisma(["generate"], TWIN);
  console.log("Generated the SQLite and PostgreSQL clients.");
}

function diff(provider: Provider, from: string | null, to: string): string {
  const toPath = write(scratch(`to.${provider}.prisma`), forProvider(to, provider));
  const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", write(scratch(`from.${provider}.prisma`), forProvider(from, provider))];
  return prisma(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", toPath, "--script"]);
}

function isEmptyScript(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.startsWith("--"));
}

function migration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name a migration with [a-z0-9_], e.g. add_api_keys");
  const current = readFileSync(SOURCE, "utf8");
  const previous = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scripts = PROVIDERS.map((p) => [p, diff(p, previous, current)] as const);
  if (scripts.every(([, sql]) => isEmptyScript(sql))) {
    console.log("The model has no changes: no migration written.");
    return;
  }
  for (const [provider, sql] of scripts) {
    const dir = join(MIGRATIONS, provider, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    console.log(`Wrote ${relative(process.cwd(), dir)}/migration.sql`);
  }
  writeFileSync(SNAPSHOT, current);
}

function check(): void {
  const problems: string[] = [];
  const current = readFileSync(SOURCE, "utf8");
  const snapshot = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
  for (const provider of PROVIDERS) {
    if (!isEmptyScript(diff(provider, snapshot, current))) {
      problems.push(`${provider}: the model changed since the last migration (run npm run db:migration -- <name>)`);
    }
  }
  const [sqlite, postgresql] = PROVIDERS.map((p) => {
    const dir = join(MIGRATIONS, p);
    return existsSync(dir) ? readdirSync(dir).sort().join(",") : "";
  });
  if (sqlite !== postgresql) problems.push("the SQLite and PostgreSQL migration folders differ");
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log("Migrations match the model for SQLite and PostgreSQL.");
}

const [command, arg] = argv;
if (command === "generate") generate();
else if (command === "migration" && arg) migration(arg);
else if (command === "check") check();
else {
  console.error("usage: tsx scripts/db.ts [--root <dir>] generate | migration <name> | check");
  process.exit(2);
}
