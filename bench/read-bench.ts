// The read-path measurements of `npm run bench`, each against an app of its own
// (read-server.ts, a fresh SQLite file with the demo): load runs of the request
// kinds, their SQL statements, the statements of one uncached operator request,
// mutation latency under subscribers, and heap around many signed-in viewers.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColdSqlFigures, MemoryFigures } from "./cost-report.js";
import { child, clock, next, type FromServer, type FromSubscribers, type LoadResult, type LoadSpec } from "./read-protocol.js";
import type { Report } from "./read-report.js";
import { median } from "./read-report.js";
import { getUrl, json, OPERATOR_PAGE, type Scenario, subPageUrl, UPDATE } from "./read-scenarios.js";

/** How load runs are made, and where child processes are registered to be killed on exit. */
export interface BenchSettings {
  runs: number;
  durationSeconds: number;
  connections: number;
  track: <C extends ChildProcess>(c: C) => C;
}

type Server = Awaited<ReturnType<typeof startServer>>;

/** The app in its own process: `countSql` counts its statements, `largePage` adds the 50-component page, `exposeGc` lets it report heap after a GC. */
export async function startServer(bench: BenchSettings, options: { countSql?: boolean; largePage?: boolean; exposeGc?: boolean } = {}) {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const flags = [...(options.countSql ? ["--count-sql"] : []), ...(options.largePage ? ["--large-page"] : [])];
  const proc = bench.track(child("read-server.ts", [databaseUrl, ...flags], options.exposeGc ? ["--expose-gc"] : []));
  const ready = await next<FromServer, "ready">(proc, "ready");
  const ask = async <T extends "statements" | "sessions" | "heap">(type: T, extra: object = {}) => {
    const reply = next<FromServer, T>(proc, type);
    proc.send({ type, ...extra });
    return reply;
  };
  const publish = async (message: string) => {
    const res = await fetch(ready.url, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${ready.apiKey}` },
      body: JSON.stringify({ query: UPDATE, variables: { input: { incidentId: ready.incidentId, status: "IDENTIFIED", message } } }),
    });
    const body = (await res.json()) as { data?: { publishIncidentUpdate: { __typename: string } } };
    if (body.data?.publishIncidentUpdate.__typename !== "IncidentPublication") throw new Error(`publish failed: ${JSON.stringify(body)}`);
  };
  return {
    ...ready,
    publish,
    statements: async () => (await ask("statements")).count,
    sessions: async (count: number) => (await ask("sessions", { count })).secrets,
    heap: async () => (await ask("heap")).usedBytes,
    etag: async () => (await fetch(getUrl(ready.url))).headers.get("etag") ?? "",
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.send({ type: "stop" });
      }),
  };
}

/** One autocannon run, in a process of its own. */
export async function load(bench: BenchSettings, spec: LoadSpec): Promise<LoadResult> {
  const proc = bench.track(child("read-load.ts", [JSON.stringify(spec)]));
  return next<LoadResult, "result">(proc, "result");
}

/** `bench.runs` load runs of each scenario, interleaved, after a warm-up second of each. */
export async function measureReads(bench: BenchSettings, scenarios: Scenario[]): Promise<LoadResult[][]> {
  const server = await startServer(bench);
  const etag = await server.etag();
  const specs = scenarios.map((s) => ({
    ...s.spec(server.url, server.apiKey, etag, server.session),
    connections: bench.connections,
    durationSeconds: bench.durationSeconds,
  }));
  for (const spec of specs) await load(bench, { ...spec, durationSeconds: 1 }); // warm-up: JIT, caches
  const results: LoadResult[][] = scenarios.map(() => []);
  for (let run = 0; run < bench.runs; run++) {
    for (const [i, spec] of specs.entries()) {
      results[i]!.push(await load(bench, spec));
      console.log(`  run ${run + 1}/${bench.runs} ${scenarios[i]!.name}: ${Math.round(results[i]!.at(-1)!.rps)} req/s`);
    }
  }
  await server.stop();
  return results;
}

/** The server's statement count once it has stopped moving (a change's own statements may trail its response). */
async function settledStatements(server: Server): Promise<number> {
  let last = await server.statements();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await server.statements();
    if (now === last) return now;
    last = now;
  }
}

/** Statements per request over 100 sequential requests of each kind, each series right after a change. */
export async function countStatements(bench: BenchSettings, scenarios: Scenario[]): Promise<number[]> {
  const server = await startServer(bench, { countSql: true });
  const perRequest: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    await server.publish(`Counting run ${i}`);
    const revalidating = scenario.name.includes("If-None-Match");
    const spec = scenario.spec(server.url, server.apiKey, revalidating ? await server.etag() : "", server.session);
    const before = await settledStatements(server);
    for (let r = 0; r < 100; r++) await (await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body })).arrayBuffer();
    perRequest.push(((await server.statements()) - before) / 100);
  }
  await server.stop();
  return perRequest;
}

/** Statements of single operator page queries, each the first after a change (so it reads the page anew). */
export async function coldOperatorStatements(bench: BenchSettings, samples = 10): Promise<ColdSqlFigures> {
  const server = await startServer(bench, { countSql: true });
  const spec = OPERATOR_PAGE(server.url, server.apiKey);
  const counts: number[] = [];
  for (let i = 0; i < samples; i++) {
    await server.publish(`Cold read ${i}`);
    const before = await settledStatements(server);
    const res = await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body });
    if (res.status !== 200) throw new Error(`operator page query answered ${res.status}`);
    await res.arrayBuffer();
    counts.push((await server.statements()) - before);
  }
  await server.stop();
  return { counts };
}

/** publishIncidentUpdate's round trip, and until the last of `subscribers` graphql-ws clients has it. */
export async function measureMutation(bench: BenchSettings, subscribers: number, samples: number): Promise<NonNullable<Report["mutation"]>> {
  const server = await startServer(bench);
  const viewers = bench.track(child("read-subscribers.ts"));
  const ready = next<FromSubscribers, "ready">(viewers, "ready");
  viewers.send({ type: "subscribe", url: server.url, count: subscribers, pageSlug: "demo" });
  await ready;
  const roundTrips: number[] = [];
  const deliveries: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const delivered = next<FromSubscribers, "delivered">(viewers, "delivered");
    const start = clock();
    await server.publish(`Bench update ${i}`);
    roundTrips.push(clock() - start);
    deliveries.push((await delivered).lastAt - start);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  viewers.send({ type: "stop" });
  await server.stop();
  return { subscribers, samples, roundTripMs: median(roundTrips), lastDeliveredMs: median(deliveries) };
}

/**
 * Heap after a full collection, before and after `sessions` distinct viewers (each with a
 * session of their own, in turn) read the customer sub-page for `seconds`.
 */
export async function sessionMemory(bench: BenchSettings, sessionCount: number, seconds: number): Promise<MemoryFigures> {
  const server = await startServer(bench, { exposeGc: true });
  const sessions = await server.sessions(sessionCount);
  const before = await server.heap();
  const result = await load(bench, {
    url: subPageUrl(server.url),
    method: "GET",
    headers: { accept: "application/json" },
    sessions,
    connections: bench.connections,
    durationSeconds: seconds,
  });
  const after = await server.heap();
  await server.stop();
  return { sessions: sessions.length, seconds, beforeBytes: before, afterBytes: after, load: result };
}
