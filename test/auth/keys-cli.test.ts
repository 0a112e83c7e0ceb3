import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { describeDatabase, parseDatabaseUrl } from "../../server/db/url.js";
import { authenticateApiKey } from "../../server/auth/api-keys.js";
import { freshDatabaseUrl, openTestDatabase } from "../helpers/database.js";
import { REPO, startMain } from "../helpers/main-process.js";

const databaseUrl = freshDatabaseUrl();
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase(databaseUrl);
});
afterAll(() => database.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args` from `cwd`, with `env` on top of this process's environment. */
function runCommand(command: string, args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI as an operator would, against this file's database. */
const keys = (...args: string[]) => runCommand("npx", ["tsx", "scripts/keys.ts", ...args], { env: { DATABASE_URL: databaseUrl } });

// Each run starts npx, tsx and Prisma: seconds apiece on a busy machine.
describe("npm run keys", { timeout: 180_000 }, () => {
  let secret = "";

  it("creates a key and prints its secret once, with a warning", async () => {
    const run = await keys("create", "--name", "first admin", "--scope", "admin");
    expect(run.code, run.stderr).toBe(0);
    secret = run.stdout.trim();
    expect(secret).toMatch(/^sg_key_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).toMatch(/will not be shown again/);
    // Which database it wrote to, on stderr: stdout stays the secret alone.
    expect(run.stderr).toContain(`in ${describeDatabase(parseDatabaseUrl(databaseUrl))}.`);
    expect(await authenticateApiKey(database.db, secret, new Date())).toMatchObject({ name: "first admin", scope: "ADMIN" });
  });

  it("lists keys with their scope and prefix, never their secret", async () => {
    const run = await keys("list");
    expect(run.code, run.stderr).toBe(0);
    const [header, row] = run.stdout.trim().split("\n");
    expect(header).toMatch(/^NAME\s+SCOPE\s+PREFIX\s+CREATED\s+LAST USED\s+REVOKED\s+ID$/);
    expect(row).toMatch(new RegExp(`^first admin\\s+admin\\s+${secret.slice(0, 12)}…\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+\\S+\\s+-\\s`));
    expect(run.stdout).not.toContain(secret);
  });

  it("revokes a key by name, after which it no longer authenticates", async () => {
    const run = await keys("revoke", "first admin");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Revoked API key "first admin"/);
    expect(await authenticateApiKey(database.db, secret, new Date())).toBeNull();
    expect((await keys("list")).stdout).toMatch(/first admin\s+admin\s+\S+\s+\S+\s+\S+\s+\d{4}-/);
  });

  it("fails with a clear message (exit 1) on bad input", async () => {
    const duplicate = await keys("create", "--name", "first admin", "--scope", "read");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const missing = await keys("revoke", "nobody");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no API key with id or name "nobody"/);
  });

  it("prints usage (exit 2) for malformed commands", async () => {
    const cases = [[], ["create", "--name", "x"], ["create", "--name", "x", "--scope", "owner"], ["revoke"], ["frobnicate"], ["list", "--bogus"]];
    const runs = await Promise.all(cases.map((args) => keys(...args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]!.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/Usage:/);
    });
    expect(runs[2]!.stderr).toMatch(/--scope viewer, publisher, editor or admin/);
  });
});

describe("the key command npm start prints", { timeout: 120_000 }, () => {
  it("works as printed from another directory, and its key authenticates against that server", async () => {
    const serverDir = mkdtempSync(join(tmpdir(), "sg-keys-server-"));
    // Relative, so it names a different file from any other working directory.
    const main = await startMain({ DATABASE_URL: "file:./status.db" }, serverDir);
    try {
      await main.waitFor(/npm run keys -- create/);
      const command = /^ {2}(.*npm run keys -- create --name admin --scope admin)$/m.exec(main.output())![1]!;
      expect(command).toBe(`DATABASE_URL=file:${serverDir}/status.db npm run keys -- create --name admin --scope admin`);

      const run = await runCommand("sh", ["-c", command], { cwd: join(REPO, "web"), env: { DATABASE_URL: undefined } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`in SQLite file ${serverDir}/status.db.`);
      const secret = /sg_key_[A-Za-z0-9_-]{43}/.exec(run.stdout)![0];

      const res = await fetch(`${main.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: "{ viewer { kind name scope } }" }),
      });
      expect(await res.json()).toEqual({ data: { viewer: { kind: "OPERATOR", name: "admin", scope: "ADMIN" } } });
    } finally {
      await main.stop();
      rmSync(serverDir, { recursive: true, force: true });
    }
  });
});
