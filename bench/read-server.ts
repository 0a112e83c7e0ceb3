// The app under test for `npm run bench`, in its own process: a fresh SQLite
// file seeded with the demo, an admin key for the mutations, and (with
// `--count-sql`) a running count of SQL statements, reported on request.
// Run with `node --import tsx bench/read-server.ts <databaseUrl> [--count-sql]`.
import { createApiKey } from "../server/auth/api-keys.js";
import { buildApp } from "../server/app.js";
import { seedDemo } from "../server/seed/demo.js";
import type { FromServer, ToServer } from "./read-protocol.js";

const [databaseUrl, flag] = process.argv.slice(2) as [string, string | undefined];
const send = (message: FromServer) => process.send!(message);
let statements = 0;
const mailer = { sendSignInLink: async () => {}, close: () => {} };
const app = await buildApp({
  databaseUrl,
  mailer,
  redisUrl: null,
  schedulerTimers: false,
  // Prisma's query events cost a little per statement: only the counting run pays for them.
  onQuery: flag === "--count-sql" ? () => void (statements += 1) : undefined,
});
await seedDemo(app);
const { secret } = await createApiKey(app.database.db, { name: "bench", scope: "ADMIN" }, app.now());
const demo = await app.database.db.statusPage.findUniqueOrThrow({ where: { slug: "demo" }, select: { incidents: { where: { resolvedAt: null }, select: { id: true }, take: 1 } } });

process.on("message", async (message: ToServer) => {
  if (message.type === "statements") return send({ type: "statements", count: statements });
  await app.stop();
  process.exit(0);
});

const url = await app.start(0, "127.0.0.1");
send({ type: "ready", url, apiKey: secret, incidentId: demo.incidents[0]!.id });
