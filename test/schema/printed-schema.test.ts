import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { expect, it } from "vitest";
import { schema } from "../../server/schema/index.js";

it("schema.graphql matches the code (run `npm run schema:print` after changing the API)", () => {
  const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
  expect(committed).toBe(`${printSchema(schema)}\n`);
});
