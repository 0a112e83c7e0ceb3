import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { findOperatorByEmail } from "../../server/auth/operators.js";
import { freshDatabaseUrl, openTestDatabase } from "../helpers/database.js";
import { REPO } from "../helpers/main-process.js";

const databaseUrl = freshDatabaseUrl();
let database: Database;
beforeAll(async () => void (database = await openTestDatabase(databaseUrl)));
afterAll(() => database.close());

/** Runs the CLI as an operator would, against this file's database. */
function operators(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/operators.ts", ...args], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// Each run starts npx, tsx and Prisma: seconds apiece on a busy machine.
describe("npm run operators", { timeout: 180_000 }, () => {
  it("adds the first admin on a fresh database, lists, changes roles and disables", async () => {
    const added = await operators("add", "--email", "Ada@Example.com", "--name", "Ada", "--role", "admin");
    expect(added.code, added.stderr).toBe(0);
    expect(await findOperatorByEmail(database.db, "ada@example.com")).toMatchObject({ name: "Ada", role: "ADMIN", disabledAt: null });
    expect((await operators("add", "--email", "pat@example.com", "--name", "Pat", "--role", "publisher")).code).toBe(0);
    const list = await operators("list");
    expect(list.stdout).toMatch(/^EMAIL\s+NAME\s+ROLE\s+CREATED\s+LAST SEEN\s+DISABLED\s+ID$/m);
    expect(list.stdout).toMatch(/^ada@example\.com\s+Ada\s+admin\s/m);
    expect((await operators("set-role", "pat@example.com", "editor")).code).toBe(0);
    expect((await findOperatorByEmail(database.db, "pat@example.com"))!.role).toBe("EDITOR");
    expect((await operators("disable", "pat@example.com")).code).toBe(0);
    expect((await findOperatorByEmail(database.db, "pat@example.com"))!.disabledAt).not.toBeNull();
  });

  it("refuses to disable or demote the last admin, and bad input, changing nothing", async () => {
    const last = await operators("disable", "ada@example.com");
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last active admin/);
    expect((await operators("set-role", "ada@example.com", "viewer")).code).toBe(1);
    expect(await findOperatorByEmail(database.db, "ada@example.com")).toMatchObject({ role: "ADMIN", disabledAt: null });
    const duplicate = await operators("add", "--email", "ada@example.com", "--name", "Again", "--role", "viewer");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    expect((await operators("add", "--email", "x@example.com", "--name", "X", "--role", "owner")).code).toBe(2);
  });
});
