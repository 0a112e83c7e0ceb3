// A stand-in for one more server instance: opens its own connection, waits for
// "go" on stdin so several start the race together, then makes one due transition
// and prints whether it won. Run with `node --import tsx`.
import { createInterface } from "node:readline";
import { openDatabase } from "../../server/db/client.js";
import { systemScope } from "../../server/services/change.js";
import { applyDueTransition, type AutomaticStatus } from "../../server/services/maintenance-schedule.js";

const [url, maintenanceId, to, now] = process.argv.slice(2) as [string, string, AutomaticStatus, string];
const database = await openDatabase({ url });
console.log("ready");
for await (const _line of createInterface({ input: process.stdin })) break;
// An instance of its own, with nothing to record and no one of its own to tell.
const changes = { recorders: [], afterCommit: [] };
const won = await applyDueTransition(
  systemScope(database.db, () => new Date(now), changes),
  maintenanceId,
  to,
  new Date(now),
);
console.log(JSON.stringify({ won }));
await database.close();
