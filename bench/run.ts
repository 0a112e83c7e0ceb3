// `npm run bench [-- --runs 3 --duration 5 --connections 10 --subscribers 1000
// --fanout-subscribers 2000 --skip-fanout --sessions 2000 --memory-duration 300
// --history 2000 --history-subscribers 50 --history-samples 25 --email-subscribers 10000]`: the whole benchmark
// suite on this machine; prints one report and writes it to bench/results.md.
// `npm run bench -- --only <row>` runs one row (the read rows with the baseline) and
// prints it, leaving results.md alone: see ROWS. Exits 1 when a target fails.
// The app runs in its own process on a fresh SQLite file with the demo; every load
// run is an autocannon process of its own; figures are medians over interleaved runs.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderColdSql, renderMemory } from "./cost-report.js";
import { measureHistory } from "./history.js";
import { renderHistory } from "./history-report.js";
import { measureLiveness } from "./liveness.js";
import { cpuTicks } from "./steal.js";
import { measureNotifications } from "./notifications.js";
import { notificationsMet, renderNotifications } from "./notifications-report.js";
import { type BenchSettings, coldOperatorStatements, countStatements, measureMutation, measureReads, sessionMemory, startServer } from "./read-bench.js";
import { type FanoutFigures, type Report, renderLiveness, renderReadTable, renderReport, type ScenarioFigures, targetsMet } from "./read-report.js";
import { SCENARIOS, type Scenario } from "./read-scenarios.js";

/** Exits with the usage on a bad argument, e.g. a row named without `--only`. */
function parse() {
  try {
    return parseArgs({
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
        "email-subscribers": { type: "string", default: "10000" },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nRun one row with --only <row> (see bench/run.ts), or none for the whole suite.`);
    process.exit(2);
  }
}
const values = parse();
/** What `--only` runs; each prints its rows with their targets, PASS or FAIL. */
const ROWS = {
  "signed-in": "the signed-in sub-page and `{ viewer { email } }` rows, with the baseline",
  operator: "the operator's page query with the baseline, and the statements of an uncached one",
  "signed-in-memory": "heap around --memory-duration seconds of --sessions distinct signed-in viewers",
  liveness: "/health/live while the largest permitted query runs",
  history: "the cost of an update against the incident's history (also writes bench/results/history.json)",
  notifications:
    "one incident delivered to --email-subscribers email subscribers and 200 webhook endpoints, and its publish against one notifying no one (also writes bench/results/notifications.json)",
} as const;
type Row = keyof typeof ROWS;
const only = values.only;
if (only !== undefined && !(only in ROWS)) {
  console.error(
    `Unknown row "${only}". --only takes one of:\n${Object.entries(ROWS)
      .map(([row, what]) => `  ${row}: ${what}`)
      .join("\n")}`,
  );
  process.exit(2);
}
const here = new URL(".", import.meta.url).pathname;
const children: ChildProcess[] = [];
const bench: BenchSettings = {
  runs: Number(values.runs),
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  track: (c) => {
    children.push(c);
    return c;
  },
};
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

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

async function liveness(): Promise<NonNullable<Report["liveness"]>> {
  const server = await startServer(bench, { largePage: true });
  const figures = await measureLiveness(server.url, bench.durationSeconds);
  await server.stop();
  return figures;
}

const history = () =>
  measureHistory(
    { history: Number(values.history), subscribers: Number(values["history-subscribers"]), samples: Number(values["history-samples"]) },
    bench.track,
  );
const memory = () => sessionMemory(bench, Number(values.sessions), Number(values["memory-duration"]));

/** The scenarios' figures from their load runs and statement counts. */
async function reads(scenarios: Scenario[]): Promise<ScenarioFigures[]> {
  const runs = await measureReads(bench, scenarios);
  console.log("Counting SQL statements…");
  const sql = await countStatements(bench, scenarios);
  return scenarios.map((s, i) => ({ name: s.name, runs: runs[i]!, sqlPerRequest: sql[i]!, target: s.target }));
}

/** One row of ROWS: printed, results.md untouched; exits 1 when its target fails. */
async function runRow(row: Row): Promise<never> {
  const base = { runs: bench.runs, durationSeconds: bench.durationSeconds, connections: bench.connections, scenarios: [] as ScenarioFigures[] };
  let lines: string[];
  let report: Parameters<typeof targetsMet>[0] = base;
  if (row === "signed-in" || row === "operator") {
    const scenarios = await reads(SCENARIOS.filter((s, i) => i === 0 || s.group === row));
    report = { ...base, scenarios, coldSql: row === "operator" ? await coldOperatorStatements(bench) : undefined };
    lines = [...renderReadTable(report), ...(report.coldSql ? ["", ...renderColdSql(report.coldSql)] : [])];
  } else if (row === "signed-in-memory") {
    report = { ...base, memory: await memory() };
    lines = renderMemory(report.memory!);
  } else if (row === "history") {
    report = { ...base, history: await history() };
    writeFileSync(
      join(here, "results", "history.json"),
      `${JSON.stringify({ ...report.history, at: new Date().toISOString(), loadAverage: loadavg() }, null, 2)}\n`,
    );
    lines = renderHistory(report.history!);
  } else if (row === "notifications") {
    const figures = await measureNotifications({ emailSubscribers: Number(values["email-subscribers"]), samples: 15 }, bench.track);
    writeFileSync(
      join(here, "results", "notifications.json"),
      `${JSON.stringify({ ...figures, at: new Date().toISOString(), loadAverage: loadavg() }, null, 2)}\n`,
    );
    console.log(`\n${renderNotifications(figures).join("\n")}\n`);
    process.exit(notificationsMet(figures) ? 0 : 1);
  } else {
    lines = renderLiveness(await liveness());
  }
  console.log(`\n${lines.join("\n")}\n`);
  process.exit(targetsMet(report) ? 0 : 1);
}

if (only !== undefined) await runRow(only as Row);

const loadBefore = loadavg();
const ticksBefore = cpuTicks();
console.log("Read path…");
const scenarios = await reads(SCENARIOS);
console.log("SQL statements of uncached operator requests…");
const coldSql = await coldOperatorStatements(bench);
console.log(`Heap with ${values.sessions} signed-in viewers (${values["memory-duration"]} s)…`);
const memoryFigures = await memory();
console.log("Mutation latency…");
const mutation = await measureMutation(bench, Number(values.subscribers), Number(values.samples));
console.log("Liveness under the largest permitted query…");
const live = await liveness();
console.log("Cost independent of history…");
const historyFigures = await history();
console.log(values["skip-fanout"] ? "Fan-out: reading the recorded figures" : "Fan-out…");
const report: Report = {
  runs: bench.runs,
  durationSeconds: bench.durationSeconds,
  connections: bench.connections,
  scenarios,
  coldSql,
  memory: memoryFigures,
  mutation,
  liveness: live,
  history: historyFigures,
  fanout: await fanout(),
  loadBefore,
  ticksBefore,
};
const text = renderReport(report);
writeFileSync(join(here, "results.md"), `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()}.\n\n${text}`);
console.log(`\n${text}`);
console.log(targetsMet(report) ? "All targets met." : "A target was missed (see FAIL above).");
process.exit(targetsMet(report) ? 0 : 1);
