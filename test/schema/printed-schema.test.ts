import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { printSchema } from "graphql";
import { expect, it } from "vitest";
import { schema } from "../../server/schema/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

it("schema.graphql matches the code (run `npm run schema:print` after changing the API)", async () => {
  const committed = await readFile(join(ROOT, "schema.graphql"), "utf8");
  expect(committed).toBe(`${printSchema(schema)}\n`);
});

it("web/src/graphql-env.d.ts matches schema.graphql (run `npm run web:types` after printing the schema)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "statusgraph-types-"));
  try {
    // What `npm run web:types` runs, with tsconfig.json's settings, written elsewhere to compare.
    const output = join(dir, "graphql-env.d.ts");
    await promisify(execFile)(join(ROOT, "node_modules/.bin/gql-tada"), ["generate-output", "--output", output], { cwd: ROOT });
    const committed = await readFile(join(ROOT, "web/src/graphql-env.d.ts"), "utf8");
    expect(committed).toBe(await readFile(output, "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
