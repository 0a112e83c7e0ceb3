// Writes schema.graphql from the code (`npm run schema:print`); a test fails when it is stale.
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../server/schema/index.js";

writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
console.log("Wrote schema.graphql");
