// Fan-out benchmark (`tsx bench/fanout.ts [--subscribers 10000] [--clients 4]
// [--rounds 5] [--warmup 1] [--shared-execution off] [--profile]`): the app on a fresh
// SQLite file in a child process, N graphql-ws subscribers spread over client processes,
// an incident update published over HTTP (once per round); beside it a bare ws server
// sending the same bytes to as many sockets from the same kind of client processes.
// Rounds alternate between the two. The first `warmup` rounds are not counted (they
// also time JIT compilation of the send paths). The median round of each side is
// compared. Prints a table; writes bench/results/fanout.json.
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { clock, QUERY, type FromClients, type FromRaw, type FromServer, type Memory } from "./fanout-protocol.js";
import { latencies, table, type Report } from "./fanout-report.js";

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    clients: { type: "string", default: "4" },
    rounds: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    "shared-execution": { type: "string", default: "on" },
    profile: { type: "boolean", default: false },
  },
});
const N = Number(values.subscribers);
const K = Number(values.clients);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const shared = values["shared-execution"] !== "off";
const LOCAL_ADDRESSES = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"];
const here = new URL(".", import.meta.url).pathname;
const results = join(here, "results");
const children: ChildProcess[] = [];

const begun = clock();
const deadline = setTimeout(() => fail(new Error("timed out after 120 s")), 120_000);
/** Progress on stderr, so a slow phase shows. */
const progress = (what: string) => console.error(`[${((clock() - begun) / 1000).toFixed(1)} s] ${what}`);

function fail(error: unknown): never {
  console.error("fan-out benchmark failed:", error instanceof Error ? error.message : error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
}

function start(script: string, args: string[] = [], execArgv: string[] = []): ChildProcess {
  const child = fork(join(here, script), args, { execArgv: [...execArgv, "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  child.on("exit", (code) => code && code !== 0 && fail(new Error(`${script} exited with ${code}`)));
  children.push(child);
  return child;
}

/** The next IPC message of `type` from `child`; a client's "failed" fails the run. */
function next<M extends { type: string }, T extends M["type"]>(child: ChildProcess, type: T): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: M) => {
      if (message.type === "failed") fail(new Error((message as unknown as { error: string }).error));
      if (message.type !== type) return;
      child.off("message", listener);
      resolve(message as Extract<M, { type: T }>);
    };
    child.on("message", listener);
  });
}

const share = (i: number) => Math.floor(N / K) + (i < N % K ? 1 : 0);
const clientProcesses = () => Array.from({ length: K }, () => start("fanout-clients.ts"));
const all = <T extends FromClients["type"]>(procs: ChildProcess[], type: T) => Promise.all(procs.map((p) => next<FromClients, T>(p, type)));

async function closeAll(procs: ChildProcess[]): Promise<void> {
  const closed = all(procs, "closed");
  for (const p of procs) p.send({ type: "close" });
  await closed;
}

/** A server process's memory after a full GC (both servers answer `memory` alike). */
async function memoryOf(server: ChildProcess): Promise<Memory> {
  const reply = next<FromServer, "memory">(server, "memory");
  server.send({ type: "memory" });
  return (await reply).memory;
}

/** The app with N graphql-ws subscribers, and its memory before and after they subscribed. */
async function startGraphql() {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(results, "profiles")}`] : [];
  const server = start("fanout-server.ts", [databaseUrl, String(N), shared ? "on" : "off"], ["--expose-gc", ...profile]);
  const ready = await next<FromServer, "ready">(server, "ready");
  const before = await memoryOf(server);
  const procs = clientProcesses();
  const connected = all(procs, "ready");
  const variables = { page: ready.pageSlug };
  for (const [i, p] of procs.entries()) p.send({ type: "graphql", url: ready.url, count: share(i), localAddresses: LOCAL_ADDRESSES, query: QUERY, variables });
  await connected;
  progress(`${N} graphql-ws subscribers have the current summary`);
  const after = await memoryOf(server);
  return { server, ready, procs, before, after };
}

/** Publishes one incident update over HTTP; resolves once every subscriber has it. */
async function publishRound(g: Awaited<ReturnType<typeof startGraphql>>, round: number) {
  const { ready, procs, server } = g;
  const announced = next<FromServer, "announced">(server, "announced");
  const serverPart = next<FromServer, "fanout">(server, "fanout");
  const received = all(procs, "received");
  const publishAt = clock();
  const response = await fetch(ready.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ready.apiKey}` },
    body: JSON.stringify({
      query: `mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`,
      variables: {
        input: { incidentId: ready.incidentId, status: "IDENTIFIED", message: `Update ${round + 1}: we identified a faulty deploy and are rolling it back.` },
      },
    }),
  });
  const publishRoundTripMs = clock() - publishAt;
  const body = (await response.json()) as { data?: { publishIncidentUpdate: { __typename: string } } };
  if (body.data?.publishIncidentUpdate.__typename !== "IncidentPublication") fail(new Error(`publish failed: ${JSON.stringify(body)}`));
  const { at: announceAt } = await announced;
  const replies = await received;
  const { wallMs, cpuMs } = await serverPart;
  await settle();
  return {
    times: replies.flatMap((r) => r.times),
    announceAt,
    publishAt,
    publishRoundTripMs,
    serverWallMs: wallMs,
    serverCpuMs: cpuMs,
    sample: replies[0]!.sample!,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** The bare ws server with N sockets, and its memory before and after they connected. */
async function startRaw() {
  const server = start("fanout-raw.ts", [], ["--expose-gc"]);
  const { url } = await next<FromRaw, "ready">(server, "ready");
  const before = await memoryOf(server);
  const procs = clientProcesses();
  const connected = all(procs, "ready");
  for (const [i, p] of procs.entries()) p.send({ type: "raw", url, count: share(i), localAddresses: LOCAL_ADDRESSES });
  await connected;
  progress(`${N} raw sockets connected`);
  const after = await memoryOf(server);
  return { server, procs, before, after };
}

/** Sends `message` to every raw socket; resolves once every one has it. */
async function broadcastRound(r: Awaited<ReturnType<typeof startRaw>>, message: string) {
  const received = all(r.procs, "received");
  const sent = next<FromRaw, "sent">(r.server, "sent");
  r.server.send({ type: "broadcast", message });
  const { at, doneAt, cpuMs } = await sent;
  const times = (await received).flatMap((x) => x.times);
  await settle();
  return { times, at, sendLoopMs: doneAt - at, cpuMs };
}

/**
 * Both servers run side by side and their rounds alternate, so drift in the
 * machine's state (other load, kernel socket tables) falls on both alike.
 */
async function measure() {
  const g = await startGraphql();
  const r = await startRaw();
  // The forced collections leave V8 sweeping for a while; publishing at once would time that, not the fan-out.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const graphqlRounds = [];
  const rawRounds = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const published = await publishRound(g, round);
    // The bytes a subscriber received; the bare server sends the same.
    const broadcast = await broadcastRound(r, published.sample);
    if (round < WARMUP) continue;
    graphqlRounds.push(published);
    rawRounds.push(broadcast);
  }
  progress(`${WARMUP} + ${ROUNDS} rounds on each side`);
  await Promise.all([closeAll(g.procs), closeAll(r.procs)]);
  g.server.send({ type: "stop" });
  r.server.send({ type: "stop" });
  return { g: { ...g, rounds: graphqlRounds }, r: { ...r, rounds: rawRounds } };
}

/** The round whose time to last delivery is the median. */
function median<R>(rounds: R[], last: (round: R) => number): R {
  return [...rounds].sort((a, b) => last(a) - last(b))[Math.floor(rounds.length / 2)]!;
}

try {
  const { g, r } = await measure();
  const graphqlRounds = g.rounds.map((x) => ({ ...x, fromAnnounce: latencies(x.times, x.announceAt) }));
  const rawRounds = r.rounds.map((x) => ({ ...x, fromBroadcast: latencies(x.times, x.at) }));
  const gm = median(graphqlRounds, (x) => x.fromAnnounce.last);
  const rm = median(rawRounds, (x) => x.fromBroadcast.last);
  const perSubscriber = (m: { before: Memory; after: Memory }, key: keyof Memory) => (m.after[key] - m.before[key]) / N / 1024;
  const ratio = gm.fromAnnounce.last / rm.fromBroadcast.last;
  const report: Report = {
    subscribers: N,
    clientProcesses: K,
    rounds: ROUNDS,
    warmupRounds: WARMUP,
    sharedExecution: shared,
    machine: { cpus: availableParallelism(), node: process.version, loadAverage: loadavg() },
    messageBytes: Buffer.byteLength(g.rounds[0]!.sample),
    graphql: {
      fromAnnounce: gm.fromAnnounce,
      fromPublishRequest: latencies(gm.times, gm.publishAt),
      publishRoundTripMs: gm.publishRoundTripMs,
      server: { wallMs: gm.serverWallMs, cpuMs: gm.serverCpuMs },
      lastByRound: graphqlRounds.map((x) => x.fromAnnounce.last),
    },
    raw: {
      fromBroadcast: rm.fromBroadcast,
      sendLoopMs: rm.sendLoopMs,
      cpuMs: rm.cpuMs,
      lastByRound: rawRounds.map((x) => x.fromBroadcast.last),
      rssPerSocketKB: perSubscriber(r, "rss"),
      heapPerSocketKB: perSubscriber(r, "heapUsed"),
    },
    ratio,
    memory: { before: g.before, after: g.after, rssPerSubscriberKB: perSubscriber(g, "rss"), heapPerSubscriberKB: perSubscriber(g, "heapUsed") },
    targets: { ratio: ratio <= 1.5, memory: perSubscriber(g, "rss") <= 20 },
  };
  console.log(table(report));
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "fanout.json"), `${JSON.stringify(report, null, 2)}\n`);
  clearTimeout(deadline);
} catch (error) {
  fail(error);
}
