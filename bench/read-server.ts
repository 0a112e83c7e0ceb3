// The app under test for `npm run bench`, in its own process: a fresh SQLite
// file seeded with the demo, an admin key for the mutations, and (with
// `--count-sql`) a running count of SQL statements, reported on request; with
// `--large-page`, also a page of 50 components with a quarter's incidents ("large").
// It signs viewers in to the demo customer page on request (as a sign-in link
// would) and, run with `--expose-gc`, reports its heap after a full collection.
// Run with `node --import tsx bench/read-server.ts <databaseUrl> [--count-sql] [--large-page]`.
import { createApiKey } from "../server/auth/api-keys.js";
import { SESSION_TTL_MS, newSecret } from "../server/auth/tokens.js";
import { buildApp } from "../server/app.js";
import { seedDemo } from "../server/seed/demo.js";
import { seedLargePage } from "../server/seed/large-page.js";
import type { FromServer, ToServer } from "./read-protocol.js";

const [databaseUrl, ...flags] = process.argv.slice(2) as [string, ...string[]];
const send = (message: FromServer) => process.send!(message);
let statements = 0;
const mailer = { sendSignInLink: async () => {}, close: () => {} };
const app = await buildApp({
  databaseUrl,
  mailer,
  redisUrl: null,
  schedulerTimers: false,
  // Prisma's query events cost a little per statement: only the counting run pays for them.
  // The liveness row runs the largest query back to back from one address: it measures the event loop, not the per-address budget.
  limits: flags.includes("--large-page") ? { expensiveQueriesPerMinute: 1_000_000 } : undefined,
  onQuery: flags.includes("--count-sql") ? () => void (statements += 1) : undefined,
});
await seedDemo(app);
if (flags.includes("--large-page")) await seedLargePage(app, { slug: "large", components: 50, incidents: 60 });
const { secret } = await createApiKey(app.database.db, { name: "bench", scope: "ADMIN" }, app.now());
const demo = await app.database.db.statusPage.findUniqueOrThrow({
  where: { slug: "demo" },
  select: { incidents: { where: { resolvedAt: null }, select: { id: true }, take: 1 } },
});

const customerPage = await app.database.db.statusPage.findUniqueOrThrow({ where: { slug: "cust-support-ops" }, select: { id: true } });
/** Sessions of viewers at example.com, the domain the demo customer page's sub-page "main" admits. */
async function signIn(count: number): Promise<string[]> {
  const secrets: string[] = [];
  const now = app.now();
  for (let i = 0; i < count; i++) {
    const { secret, hash } = newSecret("sg_session");
    await app.database.db.viewerSession.create({
      data: { hash, email: `viewer${i}@example.com`, pageId: customerPage.id, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
    secrets.push(secret);
  }
  return secrets;
}
const [session] = await signIn(1);

process.on("message", async (message: ToServer) => {
  if (message.type === "statements") return send({ type: "statements", count: statements });
  if (message.type === "sessions") return send({ type: "sessions", secrets: await signIn(message.count) });
  if (message.type === "heap") {
    globalThis.gc?.();
    return send({ type: "heap", usedBytes: process.memoryUsage().heapUsed });
  }
  await app.stop();
  process.exit(0);
});

const url = await app.start(0, "127.0.0.1");
send({ type: "ready", url, apiKey: secret, incidentId: demo.incidents[0]!.id, session: session! });
