// The app under test, in its own process: a fresh SQLite file with a public page
// of a few components and an ongoing incident; reports its URL, its memory on
// request (after a full GC) and the instant each change is announced.
// Run with `node --expose-gc --import tsx bench/fanout-server.ts <databaseUrl> <subscribers> [on|off]`.
import { createApiKey } from "../server/auth/api-keys.js";
import { buildApp } from "../server/app.js";
import { Connection } from "../server/realtime/ws-connection.js";
import { clock, type FromServer, type ToServer } from "./fanout-protocol.js";

const [databaseUrl, subscribers, share] = process.argv.slice(2) as [string, string, string | undefined];
const send = (message: FromServer) => process.send!(message);
const mailer = { sendSignInLink: async () => {}, close: () => {} };
const app = await buildApp({ databaseUrl, schedulerTimers: false, mailer, redisUrl: null, shareLiveResults: share !== "off" });

async function system<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await app.executeAsSystem(query, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data!)[0] as T;
}

const type = await system<{ id: string }>(`mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { ... on CatalogType { id } } }`, {
  input: { name: "Components", ranked: true, referenceByName: true },
});
const components: string[] = [];
for (const name of ["API", "Dashboard", "Webhooks", "Email", "Search"]) {
  const entry = await system<{ id: string }>(
    `mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { ... on CatalogEntry { id } } }`,
    { input: { typeId: type.id, name } },
  );
  components.push(entry.id);
}
const page = await system<{ id: string; slug: string }>(
  `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { ... on StatusPage { id slug } } }`,
  { input: { title: "Bench", kind: "PUBLIC", components } },
);
const incident = await system<{ incident: { id: string } }>(
  `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { ... on IncidentPublication { incident { id } } } }`,
  {
    input: {
      pageId: page.id,
      name: "Elevated API error rates",
      status: "INVESTIGATING",
      message: "We are investigating elevated error rates on the API.",
      impacts: [{ componentId: components[0], impact: "PARTIAL_OUTAGE" }],
    },
  },
);
const { secret } = await createApiKey(app.database.db, { name: "bench", scope: "PUBLISHER" }, app.now());

// Instrumentation: the server's own share of a fan-out, from the announcement to the
// last subscriber's message handed to its socket, in CPU time and in wall time.
let fanout: { at: number; cpu: NodeJS.CpuUsage; sends: number } | null = null;
function counted<A extends unknown[]>(method: (this: Connection, ...args: A) => void) {
  return function (this: Connection, ...args: A): void {
    method.apply(this, args);
    if (fanout && ++fanout.sends === Number(subscribers)) {
      const { user, system } = process.cpuUsage(fanout.cpu);
      send({ type: "fanout", wallMs: clock() - fanout.at, cpuMs: (user + system) / 1000 });
      fanout = null;
    }
  };
}
// Every message of a subscription leaves through one of these two.
Connection.prototype.write = counted(Connection.prototype.write);
Connection.prototype.writeText = counted(Connection.prototype.writeText);

void (async () => {
  for await (const _change of app.events.subscribe("page:changed", page.id)) {
    fanout = { at: clock(), cpu: process.cpuUsage(), sends: 0 };
    send({ type: "announced", at: fanout.at });
  }
})();

const gc = (globalThis as { gc?: () => void }).gc;
process.on("message", async (message: ToServer) => {
  if (message.type === "memory") {
    for (let i = 0; i < 3; i++) gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: "memory", memory: { rss, heapUsed } });
  } else {
    await app.stop();
    process.exit(0);
  }
});

const url = await app.start(0, "127.0.0.1");
send({ type: "ready", url, pageSlug: page.slug, incidentId: incident.incident.id, apiKey: secret });
