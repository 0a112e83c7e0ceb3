// The app for the history row of `npm run bench`, in its own process: a fresh SQLite
// file with the demo, and on the demo page two open incidents, one with a single
// update and one with a long history (written straight into the tables, numbered
// as the app numbers them, so it takes seconds rather than minutes of publishing).
// Run with `node --import tsx bench/history-server.ts <databaseUrl> <updates>`.
import { createApiKey } from "../server/auth/api-keys.js";
import { buildApp } from "../server/app.js";
import { seedDemo } from "../server/seed/demo.js";
import type { FromHistoryServer } from "./history-protocol.js";

const PUBLISH = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { __typename ... on IncidentPublication { incident { id } } ... on Error { message } } }`;
const CHUNK = 500;

const [databaseUrl, updates] = process.argv.slice(2) as [string, string];
const history = Number(updates);
const send = (message: FromHistoryServer) => process.send!(message);
const mailer = { sendSignInLink: async () => {}, close: () => {} };
const app = await buildApp({ databaseUrl, mailer, redisUrl: null, schedulerTimers: false });
const db = app.database.db;
await seedDemo(app);
const { secret } = await createApiKey(db, { name: "bench", scope: "ADMIN" }, app.now());
const page = await db.statusPage.findUniqueOrThrow({ where: { slug: "demo" }, select: { id: true, components: { select: { componentId: true }, take: 2 } } });

async function publish(name: string, componentId: string): Promise<string> {
  const input = {
    pageId: page.id,
    name,
    status: "INVESTIGATING",
    message: "We are looking into it.",
    impacts: [{ componentId, impact: "DEGRADED_PERFORMANCE" }],
  };
  const result = await app.executeAsSystem(PUBLISH, { input });
  const data = result.data as { publishIncident: { __typename: string; incident?: { id: string }; message?: string } } | null;
  if (!data?.publishIncident.incident) throw new Error(`publishIncident failed: ${JSON.stringify(result)}`);
  return data.publishIncident.incident.id;
}

/** Updates 2..`last` of the incident, each with the first update's impacts, and its `lastSequence`. */
async function addHistory(incidentId: string, last: number): Promise<void> {
  const first = await db.incidentUpdate.findUniqueOrThrow({ where: { incidentId_sequence: { incidentId, sequence: 1 } }, include: { impacts: true } });
  for (let from = 2; from <= last; from += CHUNK) {
    const sequences = Array.from({ length: Math.min(CHUNK, last - from + 1) }, (_, i) => from + i);
    const rows = await db.incidentUpdate.createManyAndReturn({
      data: sequences.map((sequence) => ({
        incidentId,
        sequence,
        status: "MONITORING" as const,
        message: `Still watching (${sequence}).`,
        publishedAt: new Date(first.publishedAt.getTime() + sequence),
      })),
      select: { id: true },
    });
    await db.incidentImpact.createMany({
      data: rows.flatMap((r) => first.impacts.map(({ componentId, impact }) => ({ updateId: r.id, componentId, impact }))),
    });
  }
  await db.incident.update({ where: { id: incidentId }, data: { status: "MONITORING", lastSequence: last } });
}

const [a, b] = page.components.map((c) => c.componentId) as [string, string];
const shortId = await publish("Short history", a);
const longId = await publish("Long history", b);
if (history > 1) await addHistory(longId, history);

process.on("message", async () => {
  await app.stop();
  process.exit(0);
});
const url = await app.start(0, "127.0.0.1");
send({ type: "ready", url, apiKey: secret, pageSlug: "demo", shortId, longId });
