// Writes docs/webhooks/event.schema.json from the code (`npm run webhooks:schema`), in the
// project's JSON format; a test fails when it is stale.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { webhookEventJsonSchema } from "../server/notifications/payloads/event.js";

const file = fileURLToPath(new URL("../docs/webhooks/event.schema.json", import.meta.url));
mkdirSync(new URL("../docs/webhooks/", import.meta.url), { recursive: true });
writeFileSync(file, `${JSON.stringify(webhookEventJsonSchema(), null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
console.log("Wrote docs/webhooks/event.schema.json");
