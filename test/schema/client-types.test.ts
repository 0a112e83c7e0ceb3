// A schema change that breaks the web client fails `tsc`: the client's types come
// from schema.graphql (gql.tada), not from hand-written shapes kept in step.
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

/** A scratch project inside the checkout (so node_modules resolves): web/src, a schema, a tsconfig for only those. */
async function scratchClient(dir: string, schemaText: string): Promise<void> {
  await cp(join(ROOT, "web/src"), join(dir, "web/src"), { recursive: true });
  await writeFile(join(dir, "schema.graphql"), schemaText);
  const base = JSON.parse(await readFile(join(ROOT, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  const tsconfig = { compilerOptions: { ...base.compilerOptions, types: [] }, include: ["web/src"] };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  await run(join(ROOT, "node_modules/.bin/gql-tada"), ["generate-output"], { cwd: dir });
}

/** tsc's diagnostics for the scratch project; empty when it compiles. */
async function typeErrors(dir: string): Promise<string> {
  try {
    await run(join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: dir });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

it("renaming a field the client selects fails tsc where the client reads it", async () => {
  const dir = join(ROOT, "test/artifacts/client-types");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    const schema = await readFile(join(ROOT, "schema.graphql"), "utf8");
    // Incident.currentImpacts becomes Incident.activeImpacts; nothing in web/src changes.
    const renamed = schema.replace(/(type Incident\b[^{]*\{[^}]*?)\bcurrentImpacts\b/, "$1activeImpacts");
    expect(renamed).not.toBe(schema);
    await scratchClient(dir, renamed);
    const errors = await typeErrors(dir);
    // gql.tada types a field the schema lacks as unknown, so every read of it is an error.
    expect(errors).toMatch(/web\/src\/components\/IncidentCard\.tsx\(\d+,\d+\): error TS18046: 'incident\.currentImpacts' is of type 'unknown'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 300_000);
