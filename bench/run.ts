// `npm run bench [-- --runs 3 --duration 5 --connections 10 --subscribers 1000
// --fanout-subscribers 2000 --skip-fanout --sessions 2000 --memory-duration 300
// --history 2000 --history-subscribers 50 --history-samples 25]`: the whole benchmark
// suite on this machine. `npm run bench -- history` runs the history row alone (and writes
// bench/results/history.json); `npm run bench -- --only <row>` runs one row and prints it
// (results.md untouched): `liveness`, `signed-in` (the signed-in read rows with the
// baseline), `operator` (the operator's page query with the baseline) or `signed-in-memory`.
// The app runs in its own process on a fresh SQLite file with the demo; every load
// run is an autocannon process of its own; figures are medians over interleaved runs.
// Prints one report and writes it to bench/results.md. Exits 1 when a target fails.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measureLiveness } from "./liveness.js";
import { child, clock, next, type FromServer, type FromSubscribers, type LoadResult, type LoadSpec } from "./read-protocol.js";
import { measureHistory } from "./history.js";
import { historyMet, renderHistory } from "./history-report.js";
import {
  median,
  memoryMet,
  renderLiveness,
  renderMemory,
  renderReadTable,
  renderReport,
  targetsMet,
  type FanoutFigures,
  type MemoryFigures,
  type Report,
  type ScenarioFigures,
} from "./read-report.js";
import { getUrl, json, SCENARIOS, subPageUrl, UPDATE, type Scenario } from "./read-scenarios.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    subscribers: { type: "string", default: "1000" },
    samples: { type: "string", default: "5" },
    "fanout-subscribers": { type: "string", default: "2000" },
    "skip-fanout": { type: "boolean", default: false },
    sessions: { type: "string", default: "2000" },
    "memory-duration": { type: "string", default: "300" },
    only: { type: "string" },
    history: { type: "string", default: "2000" },
    "history-subscribers": { type: "string", default: "50" },
    "history-samples": { type: "string", default: "25" },
  },
});
const ROWS = ["history", "liveness", "signed-in", "operator", "signed-in-memory"];
const only = positionals[0] ?? values.only;
if (only !== undefined && !ROWS.includes(only)) {
  console.error(`Unknown row "${only}": run one of ${ROWS.join(", ")}, or none for the whole suite.`);
  process.exit(2);
}
const RUNS = Number(values.runs);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const here = new URL(".", import.meta.url).pathname;
const children: ChildProcess[] = [];
const track = <C extends ChildProcess>(c: C) => (children.push(c), c);
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

async function startServer(countSql: boolean, largePage = false, exposeGc = false) {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const flags = [...(countSql ? ["--count-sql"] : []), ...(largePage ? ["--large-page"] : [])];
  const proc = track(child("read-server.ts", [databaseUrl, ...flags], exposeGc ? ["--expose-gc"] : []));
  const ready = await next<FromServer, "ready">(proc, "ready");
  const statements = async () => {
    const reply = next<FromServer, "statements">(proc, "statements");
    proc.send({ type: "statements" });
    return (await reply).count;
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
  const etag = async () => (await fetch(getUrl(ready.url))).headers.get("etag") ?? "";
  const sessions = async (count: number) => {
    const reply = next<FromServer, "sessions">(proc, "sessions");
    proc.send({ type: "sessions", count });
    return (await reply).secrets;
  };
  const heap = async () => {
    const reply = next<FromServer, "heap">(proc, "heap");
    proc.send({ type: "heap" });
    return (await reply).usedBytes;
  };
  const stop = () => new Promise<void>((resolve) => (proc.once("exit", () => resolve()), proc.send({ type: "stop" })));
  return { ...ready, statements, publish, etag, sessions, heap, stop };
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const proc = track(child("read-load.ts", [JSON.stringify(spec)]));
  return next<LoadResult, "result">(proc, "result");
}

async function measureReads(scenarios: Scenario[]): Promise<LoadResult[][]> {
  const server = await startServer(false);
  const etag = await server.etag();
  const specs = scenarios.map((s) => ({ ...s.spec(server.url, server.apiKey, etag, server.session), connections: CONNECTIONS, durationSeconds: DURATION }));
  for (const spec of specs) await load({ ...spec, durationSeconds: 1 }); // warm-up: JIT, caches
  const results: LoadResult[][] = scenarios.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    for (const [i, spec] of specs.entries()) {
      results[i]!.push(await load(spec));
      console.log(`  run ${run + 1}/${RUNS} ${scenarios[i]!.name}: ${Math.round(results[i]!.at(-1)!.rps)} req/s`);
    }
  }
  await server.stop();
  return results;
}

/** Statements per request over 100 sequential requests of each kind, each series right after a change. */
async function countStatements(scenarios: Scenario[]): Promise<number[]> {
  const server = await startServer(true);
  const perRequest: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    await server.publish(`Counting run ${i}`);
    const revalidating = scenario.name.includes("If-None-Match");
    const spec = scenario.spec(server.url, server.apiKey, revalidating ? await server.etag() : "", server.session);
    const before = await server.statements();
    for (let r = 0; r < 100; r++) await (await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body })).arrayBuffer();
    perRequest.push(((await server.statements()) - before) / 100);
  }
  await server.stop();
  return perRequest;
}

async function measureMutation(subscribers: number, samples: number): Promise<NonNullable<Report["mutation"]>> {
  const server = await startServer(false);
  const viewers = track(child("read-subscribers.ts"));
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

async function fanout(): Promise<Report["fanout"]> {
  const path = join(here, "results", "fanout.json");
  if (!values["skip-fanout"]) {
    const run = spawn("npm", ["run", "bench:fanout", "--", "--subscribers", values["fanout-subscribers"]!], { stdio: "inherit" });
    const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
    if (code !== 0) return { error: `npm run bench:fanout exited with ${code}` };
  }
  try {
    return {
      figures: JSON.parse(readFileSync(path, "utf8")) as FanoutFigures,
      source: values["skip-fanout"] ? "recorded bench/results/fanout.json" : "npm run bench:fanout",
    };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

/**
 * Heap after a full collection, before and after many distinct viewers (each with a
 * session of their own) read the customer sub-page for `--memory-duration` seconds.
 */
async function sessionMemory(): Promise<MemoryFigures> {
  const server = await startServer(false, false, true);
  const sessions = await server.sessions(Number(values.sessions));
  const seconds = Number(values["memory-duration"]);
  const before = await server.heap();
  const result = await load({
    url: subPageUrl(server.url),
    method: "GET",
    headers: { accept: "application/json" },
    sessions,
    connections: CONNECTIONS,
    durationSeconds: seconds,
  });
  const after = await server.heap();
  await server.stop();
  return { sessions: sessions.length, seconds, beforeBytes: before, afterBytes: after, load: result };
}

async function liveness(): Promise<NonNullable<Report["liveness"]>> {
  const server = await startServer(false, true);
  const figures = await measureLiveness(server.url, DURATION);
  await server.stop();
  return figures;
}

/** The scenarios' figures from their load runs and statement counts. */
function figures(scenarios: Scenario[], reads: LoadResult[][], sql: number[]): ScenarioFigures[] {
  return scenarios.map((s, i) => ({ name: s.name, runs: reads[i]!, sqlPerRequest: sql[i]!, target: s.target }));
}

if (only !== undefined && only !== "history") {
  if (only === "liveness") console.log(`\n${renderLiveness(await liveness()).join("\n")}`);
  if (only === "signed-in-memory") {
    const memory = await sessionMemory();
    console.log(`\n${renderMemory(memory).join("\n")}`);
    process.exit(memoryMet(memory) ? 0 : 1);
  }
  if (only === "signed-in" || only === "operator") {
    const scenarios = SCENARIOS.filter((s, i) => i === 0 || s.group === only);
    const scenarioFigures = figures(scenarios, await measureReads(scenarios), await countStatements(scenarios));
    const report = { runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, scenarios: scenarioFigures };
    console.log(`\n${renderReadTable(report).join("\n")}`);
    process.exit(targetsMet(report) ? 0 : 1);
  }
  process.exit(0);
}

function history() {
  const options = { history: Number(values.history), subscribers: Number(values["history-subscribers"]), samples: Number(values["history-samples"]) };
  return measureHistory(options, track);
}

if (only === "history") {
  console.log("Cost independent of history…");
  const figures = await history();
  writeFileSync(join(here, "results", "history.json"), `${JSON.stringify({ ...figures, at: new Date().toISOString(), loadAverage: loadavg() }, null, 2)}\n`);
  console.log(`\n${renderHistory(figures).join("\n")}\n`);
  process.exit(historyMet(figures) ? 0 : 1);
}

const loadBefore = loadavg();
console.log("Read path…");
const reads = await measureReads(SCENARIOS);
console.log("Counting SQL statements…");
const sql = await countStatements(SCENARIOS);
console.log(`Heap with ${values.sessions} signed-in viewers (${values["memory-duration"]} s)…`);
const memory = await sessionMemory();
console.log("Mutation latency…");
const mutation = await measureMutation(Number(values.subscribers), Number(values.samples));
console.log("Liveness under the largest permitted query…");
const live = await liveness();
console.log("Cost independent of history…");
const historyFigures = await history();
console.log(values["skip-fanout"] ? "Fan-out: reading the recorded figures" : "Fan-out…");
const scenarios = figures(SCENARIOS, reads, sql);
const report: Report = {
  runs: RUNS,
  durationSeconds: DURATION,
  connections: CONNECTIONS,
  scenarios,
  memory,
  mutation,
  liveness: live,
  history: historyFigures,
  fanout: await fanout(),
  loadBefore,
};
const text = renderReport(report);
writeFileSync(join(here, "results.md"), `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()}.\n\n${text}`);
console.log(`\n${text}`);
console.log(targetsMet(report) ? "All targets met." : "A target was missed (see FAIL above).");
process.exit(targetsMet(report) ? 0 : 1);
