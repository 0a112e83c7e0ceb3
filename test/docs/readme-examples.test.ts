// Every `graphql` block in the README is a real operation of the current schema.
import { readFileSync } from "node:fs";
import { parse, validate } from "graphql";
import { expect, it } from "vitest";
import { resolveLimits } from "../../server/limits.js";
import { operationCost } from "../../server/plugins/query-cost.js";
import { schema } from "../../server/schema/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

it("has examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(12);
});

it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i validates against the schema", (_i, source) => {
  expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
});

it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i costs well under the limit", (_i, source) => {
  // Examples whose variables are not given cost nothing to check here: their cost depends on them.
  const cost = operationCost({ schema, document: parse(source), variableValues: {}, contextValue: {} });
  expect(cost ?? 0).toBeLessThanOrEqual(resolveLimits({}, {}).maxCost / 3);
});
