// One more service instance on a test's database, in its own process as real
// instances are: builds the whole app with its clock at `now`, waits for "go" on
// stdin so the race starts together, runs the scheduler once, and prints how many
// transitions it made and how many STARTED events its own event bus carried.
// Run with `node --import tsx live-instance.ts <databaseUrl> <pageId> <now>`.
import { createInterface } from "node:readline";
import { buildApp } from "../../server/app.js";
import type { PageChange } from "../../server/events.js";

const [databaseUrl, pageId, now] = process.argv.slice(2) as [string, string, string];
const mailer = { sendSignInLink: async () => {}, close: () => {} };
// No Redis: each instance counts what its own bus carries.
const app = await buildApp({ databaseUrl, now: () => new Date(now), schedulerTimers: false, mailer, redisUrl: null });
const announced: PageChange[] = [];
void (async () => {
  for await (const change of app.events.subscribe("page:changed", pageId)) announced.push(change);
})();
console.log("ready");
for await (const _line of createInterface({ input: process.stdin })) break;
const performed = await app.scheduler.tick();
// Announcements are dispatched synchronously; one turn lets the collector take them.
await new Promise((resolve) => setImmediate(resolve));
console.log(JSON.stringify({ performed, started: announced.filter((c) => c.kind === "STARTED").length }));
await app.stop();
