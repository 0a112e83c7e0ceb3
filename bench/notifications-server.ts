// The app for the notifications row of `npm run bench`, in its own process: a fresh
// SQLite file with the demo, its public page given `<subscribers>` confirmed email
// subscribers and `<endpoints>` webhook endpoints at `<webhookUrl>/e<n>` (written straight
// into the tables), a second page with the same components and none, mail sent to
// `<smtpUrl>`. Samples its own memory every 50 ms. Run with
// `node --import tsx bench/notifications-server.ts <databaseUrl> <smtpUrl> <subscribers> <webhookUrl> <endpoints>`.
import { createApiKey } from "../server/auth/api-keys.js";
import { buildApp } from "../server/app.js";
import { createLogger } from "../server/logger.js";
import { createMailTransport } from "../server/notifications/transport.js";
import { seedDemo } from "../server/seed/demo.js";
import { newWebhookSecret } from "../server/services/webhook-endpoints.js";
import type { FromNotificationsServer, ToNotificationsServer } from "./notifications-protocol.js";

const CREATE_PAGE = `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename ... on StatusPage { id } ... on Error { message } } }`;
const CHUNK = 1000;

const [databaseUrl, smtpUrl, count, webhookUrl, endpoints] = process.argv.slice(2) as [string, string, string, string, string];
const send = (message: FromNotificationsServer) => process.send!(message);
const log = createLogger({ level: "warn" });
const mailer = { sendSignInLink: async () => {}, close: () => {} };
const mailTransport = createMailTransport({ smtpUrl, from: "Status <status@example.com>", log });
const app = await buildApp({
  databaseUrl,
  mailer,
  mailTransport,
  redisUrl: null,
  logger: log,
  publicUrl: "https://status.example.com",
  schedulerTimers: false,
  notifications: { timers: true },
  // The receiver listens on loopback.
  webhooks: { allowHttp: true, allowPrivateAddresses: true },
});
const db = app.database.db;
await seedDemo(app);
const { secret } = await createApiKey(db, { name: "bench", scope: "ADMIN" }, app.now());
const loaded = await db.statusPage.findFirstOrThrow({ where: { kind: "PUBLIC" }, select: { id: true, components: { select: { componentId: true } } } });
const componentIds = loaded.components.map((c) => c.componentId);
const created = await app.executeAsSystem(CREATE_PAGE, { input: { title: "Quiet page", slug: "quiet", kind: "PUBLIC", components: componentIds } });
const empty = (created.data as { createStatusPage: { __typename: string; id?: string } } | null)?.createStatusPage;
if (!empty?.id) throw new Error(`createStatusPage failed: ${JSON.stringify(created)}`);

// The demo's own incident and maintenance go out first, to nobody: the sink then counts only the bench's.
await app.notifications.tick();
const now = app.now();
for (let from = 0; from < Number(count); from += CHUNK) {
  await db.emailSubscriber.createMany({
    data: Array.from({ length: Math.min(CHUNK, Number(count) - from) }, (_, k) => ({
      pageId: loaded.id,
      scope: "",
      email: `subscriber${from + k}@example.com`,
      linkSecret: `sg_sub_${String(from + k).padStart(43, "0")}`,
      createdAt: now,
      confirmedAt: now,
    })),
  });
}
await db.webhookEndpoint.createMany({
  data: Array.from({ length: Number(endpoints) }, (_, k) => ({
    pageId: loaded.id,
    url: `${webhookUrl}/e${k}`,
    kind: "JSON" as const,
    events: JSON.stringify(["INCIDENT"]),
    secret: newWebhookSecret(),
    createdAt: now,
    updatedAt: now,
  })),
});

let baseline = process.memoryUsage();
let peak = { rss: 0, heapUsed: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
};
setInterval(sample, 50).unref();

process.on("message", async (message: ToNotificationsServer) => {
  if (message.type === "reset") {
    baseline = process.memoryUsage();
    peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
  } else if (message.type === "memory") {
    sample();
    send({ type: "memory", ...peak, baselineRss: baseline.rss, baselineHeapUsed: baseline.heapUsed });
  } else {
    await app.stop();
    process.exit(0);
  }
});
const url = await app.start(0, "127.0.0.1");
send({ type: "ready", url, apiKey: secret, loadedPageId: loaded.id, emptyPageId: empty.id, componentId: componentIds[0]! });
