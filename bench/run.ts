// `npm run bench [-- --runs 3 --duration 5 --connections 10 --subscribers 1000
// --fanout-subscribers 2000 --skip-fanout]`: the whole benchmark suite on this machine.
// `npm run bench -- --only liveness` runs one row and prints it, `--only operator` the
// operator's page query against the baseline (results.md untouched either way).
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
import { median, renderLiveness, renderReport, targetsMet, type FanoutFigures, type Report, type ScenarioFigures } from "./read-report.js";
import { getUrl, json, OPERATOR_ROWS, SCENARIOS, UPDATE } from "./read-scenarios.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    subscribers: { type: "string", default: "1000" },
    samples: { type: "string", default: "5" },
    "fanout-subscribers": { type: "string", default: "2000" },
    "skip-fanout": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const RUNS = Number(values.runs);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const here = new URL(".", import.meta.url).pathname;
const children: ChildProcess[] = [];
const track = <C extends ChildProcess>(c: C) => (children.push(c), c);
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

async function startServer(countSql: boolean, largePage = false) {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const flags = [...(countSql ? ["--count-sql"] : []), ...(largePage ? ["--large-page"] : [])];
  const proc = track(child("read-server.ts", [databaseUrl, ...flags]));
  const ready = await next<FromServer, "ready">(proc, "ready");
  const statements = async () => {
    const reply = next<FromServer, "statements">(proc, "statements");
    proc.send({ type: "statements" });
    return (await reply).count;
  };
  const publish = async (message: string) => {
    const res = await fetch(ready.url, { method: "POST", headers: { ...json, authorization: `Bearer ${ready.apiKey}` }, body: JSON.stringify({ query: UPDATE, variables: { input: { incidentId: ready.incidentId, status: "IDENTIFIED", message } } }) });
    const body = (await res.json()) as { data?: { publishIncidentUpdate: { __typename: string } } };
    if (body.data?.publishIncidentUpdate.__typename !== "IncidentPublication") throw new Error(`publish failed: ${JSON.stringify(body)}`);
  };
  const etag = async () => (await fetch(getUrl(ready.url))).headers.get("etag") ?? "";
  const stop = () => new Promise<void>((resolve) => (proc.once("exit", () => resolve()), proc.send({ type: "stop" })));
  return { ...ready, statements, publish, etag, stop };
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const proc = track(child("read-load.ts", [JSON.stringify(spec)]));
  return next<LoadResult, "result">(proc, "result");
}

async function measureReads(scenarios = SCENARIOS): Promise<LoadResult[][]> {
  const server = await startServer(false);
  const etag = await server.etag();
  const specs = scenarios.map((s) => ({ ...s.spec(server.url, server.apiKey, etag), connections: CONNECTIONS, durationSeconds: DURATION }));
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
async function countStatements(scenarios = SCENARIOS): Promise<number[]> {
  const server = await startServer(true);
  const perRequest: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    await server.publish(`Counting run ${i}`);
    const spec = scenario.spec(server.url, server.apiKey, scenario.target === 0.8 ? await server.etag() : "");
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
    return { figures: JSON.parse(readFileSync(path, "utf8")) as FanoutFigures, source: values["skip-fanout"] ? "recorded bench/results/fanout.json" : "npm run bench:fanout" };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

async function liveness(): Promise<NonNullable<Report["liveness"]>> {
  const server = await startServer(false, true);
  const figures = await measureLiveness(server.url, DURATION);
  await server.stop();
  return figures;
}

if (values.only === "liveness") {
  console.log(`\n${renderLiveness(await liveness()).join("\n")}`);
  process.exit(0);
}
if (values.only === "operator") {
  // The baseline and the operator's page query, interleaved as in the full run; results.md untouched.
  const rows = OPERATOR_ROWS.map((i) => SCENARIOS[i]!);
  const loadBefore = loadavg();
  const reads = await measureReads(rows);
  const sql = await countStatements(rows);
  const scenarios = rows.map((s, i) => ({ name: s.name, runs: reads[i]!, sqlPerRequest: sql[i]!, target: s.target }));
  const report: Report = { runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, scenarios, mutation: null, fanout: { error: "not run" }, loadBefore };
  console.log(`\n${renderReport(report).split("\n### Fan-out")[0]}`);
  process.exit(targetsMet(report) ? 0 : 1);
}
if (values.only !== undefined) throw new Error(`--only knows two rows: liveness, operator (got "${values.only}")`);

const loadBefore = loadavg();
console.log("Read path…");
const reads = await measureReads();
console.log("Counting SQL statements…");
const sql = await countStatements();
console.log("Mutation latency…");
const mutation = await measureMutation(Number(values.subscribers), Number(values.samples));
console.log("Liveness under the largest permitted query…");
const live = await liveness();
console.log(values["skip-fanout"] ? "Fan-out: reading the recorded figures" : "Fan-out…");
const scenarios: ScenarioFigures[] = SCENARIOS.map((s, i) => ({ name: s.name, runs: reads[i]!, sqlPerRequest: sql[i]!, target: s.target }));
const report: Report = { runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, scenarios, mutation, liveness: live, fanout: await fanout(), loadBefore };
const text = renderReport(report);
writeFileSync(join(here, "results.md"), `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()}.\n\n${text}`);
console.log(`\n${text}`);
console.log(targetsMet(report) ? "All targets met." : "A target was missed (see FAIL above).");
process.exit(targetsMet(report) ? 0 : 1);
