// A stand-in for one more server instance starting: waits for "go" on stdin so
// several start together, migrates `url` from `dir`, and prints what it applied
// (or the error). Run with `node --import tsx`.
import { createInterface } from "node:readline";
import { migrate } from "../../server/db/migrate.js";
import { parseDatabaseUrl } from "../../server/db/url.js";

const [url, dir] = process.argv.slice(2) as [string, string];
console.log("ready");
for await (const _line of createInterface({ input: process.stdin })) break;
try {
  console.log(JSON.stringify({ applied: await migrate(parseDatabaseUrl(url), dir) }));
} catch (error) {
  console.log(JSON.stringify({ error: (error as Error).message }));
}
