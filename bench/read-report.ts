// The tables `npm run bench` prints and writes to bench/results.md: the read
// path against its baseline (with the targets), mutation latency, and the
// fan-out figures of bench/results/fanout.json.
import { availableParallelism, loadavg } from "node:os";
import { type CpuTicks, stealSince } from "./steal.js";
import type { LivenessFigures } from "./liveness.js";
import type { HistoryFigures } from "./history-protocol.js";
import { historyMet, renderHistory } from "./history-report.js";
import { type ColdSqlFigures, coldSqlMet, type MemoryFigures, memoryMet, renderColdSql, renderMemory } from "./cost-report.js";
import type { LoadResult } from "./read-protocol.js";

export interface ScenarioFigures {
  name: string;
  runs: LoadResult[];
  /** SQL statements per request in the counting run. */
  sqlPerRequest: number;
  /** Least share of the baseline's throughput it must reach, if it has a target. */
  target?: number;
}

export interface FanoutFigures {
  subscribers: number;
  clientProcesses: number;
  rounds: number;
  warmupRounds?: number;
  graphql: {
    fromAnnounce: { first: number; p50: number; p99: number; last: number };
    fromPublishRequest: { p50: number; p99: number; last: number };
    publishRoundTripMs: number;
    server: { cpuMs: number };
  };
  raw: { fromBroadcast: { first: number; p50: number; p99: number; last: number }; cpuMs: number };
  ratio: number;
  memory: { rssPerSubscriberKB: number; heapPerSubscriberKB: number };
  machine?: { loadAverage?: number[] };
}

export interface ReadFigures {
  runs: number;
  durationSeconds: number;
  connections: number;
  scenarios: ScenarioFigures[];
}

export interface Report extends ReadFigures {
  coldSql?: ColdSqlFigures;
  memory?: MemoryFigures;
  mutation: { subscribers: number; samples: number; roundTripMs: number; lastDeliveredMs: number } | null;
  history?: HistoryFigures;
  fanout: { figures: FanoutFigures; source: string } | { error: string };
  liveness?: LivenessFigures;
  loadBefore: number[];
  /** The CPU counters at the start, for the share the host took. */
  ticksBefore?: CpuTicks | null;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const n0 = (v: number) => Math.round(v).toLocaleString("en-US");
const n1 = (v: number) => v.toFixed(1);
const loads = (l: number[]) => l.map((v) => v.toFixed(1)).join(" / ");

function statuses(runs: LoadResult[]): string {
  const total: Record<string, number> = {};
  for (const run of runs) for (const [code, count] of Object.entries(run.statuses)) total[code] = (total[code] ?? 0) + count;
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  return Object.keys(total).sort().join(", ") + (errors ? ` (${errors} errors)` : "");
}

/** Each scenario's median throughput as a share of the baseline's (the first scenario). */
export function ratios(report: ReadFigures): number[] {
  if (report.scenarios.length === 0) return [];
  const baseline = median(report.scenarios[0]!.runs.map((r) => r.rps));
  return report.scenarios.map((s) => median(s.runs.map((r) => r.rps)) / baseline);
}

export function targetsMet(report: ReadFigures & { coldSql?: ColdSqlFigures; memory?: MemoryFigures; history?: HistoryFigures }): boolean {
  const shares = ratios(report);
  return (
    report.scenarios.every((s, i) => s.target === undefined || shares[i]! >= s.target) &&
    (!report.history || historyMet(report.history)) &&
    (!report.coldSql || coldSqlMet(report.coldSql)) &&
    (!report.memory || memoryMet(report.memory))
  );
}

export function renderReport(report: Report): string {
  const lines = [
    `Machine: ${availableParallelism()} CPUs, Node ${process.version}, load average ${loads(report.loadBefore)} before, ${loads(loadavg())} after.${stealSince(report.ticksBefore ?? null)}`,
    "",
    ...renderReadTable(report),
  ];
  if (report.coldSql) lines.push("", ...renderColdSql(report.coldSql));
  if (report.memory) lines.push("", ...renderMemory(report.memory));
  return renderRest(report, lines);
}

/** The read path's table: each request kind against the baseline, with its target. */
export function renderReadTable(report: ReadFigures): string[] {
  const shares = ratios(report);
  const lines = [
    `### Read path (${report.runs} runs × ${report.durationSeconds} s per request kind, interleaved; ${report.connections} connections; medians)`,
    "",
    "| request | req/s | p50 ms | p99 ms | × baseline | SQL / request | statuses | target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  report.scenarios.forEach((s, i) => {
    const target = s.target === undefined ? "" : `≥ ${s.target}× ${shares[i]! >= s.target ? "PASS" : "FAIL"}`;
    const m = (pick: (r: LoadResult) => number) => median(s.runs.map(pick));
    lines.push(
      `| ${s.name} | ${n0(m((r) => r.rps))} | ${n1(m((r) => r.p50))} | ${n1(m((r) => r.p99))} | ${shares[i]!.toFixed(2)} | ${s.sqlPerRequest.toFixed(2)} | ${statuses(s.runs)} | ${target} |`,
    );
  });
  lines.push(
    "",
    "SQL / request: statements over 100 sequential requests made right after a change, so the first one computes the page",
    "(for the 304 row, the GET that fetched the ETag did; for the operator's row, with an API key, the page's snapshot is",
    "read once and shared by the rest). Keys and sessions are looked up once, then kept in memory.",
  );
  return lines;
}

function renderRest(report: Report, lines: string[]): string {
  if (report.mutation) {
    const m = report.mutation;
    lines.push(
      "",
      `### Mutation latency (${n0(m.subscribers)} graphql-ws subscribers of the page, median of ${m.samples})`,
      "",
      "| publishIncidentUpdate | ms |",
      "| --- | ---: |",
      `| round trip (POST to response) | ${n1(m.roundTripMs)} |`,
      `| until the last subscriber has the update | ${n1(m.lastDeliveredMs)} |`,
    );
  }
  if (report.liveness) lines.push("", ...renderLiveness(report.liveness));
  if (report.history) lines.push("", ...renderHistory(report.history));
  lines.push("", ...renderFanout(report.fanout));
  return `${lines.join("\n")}\n`;
}

/** /health/live on an idle server against while the largest permitted anonymous query runs. */
export function renderLiveness(l: LivenessFigures): string[] {
  const row = (name: string, f: LivenessFigures["idle"]) => `| ${name} | ${n0(f.polls)} | ${n1(f.p50)} | ${n1(f.p99)} | ${n1(f.max)} |`;
  const codes = Object.entries(l.statuses)
    .map(([code, n]) => `${n} × ${code}`)
    .join(", ");
  return [
    `### Liveness under the largest permitted query (${l.seconds} s each; ${l.clients} clients running it back to back: ${codes})`,
    "",
    "| /health/live | polls | p50 ms | p99 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("idle server", l.idle),
    row("while 3 × 90-day uptime of a 50-component page runs", l.busy),
  ];
}

const spread = (l: { first: number; p50: number; p99: number; last: number }) => [l.first, l.p50, l.p99, l.last].map(n0).join(" / ");

function renderFanout(fanout: Report["fanout"]): string[] {
  if ("error" in fanout) return ["### Fan-out", "", `Not measured: ${fanout.error}`];
  const f = fanout.figures;
  return [
    `### Fan-out (${fanout.source}: ${n0(f.subscribers)} subscribers in ${f.clientProcesses} client processes, median of ${f.rounds} rounds${f.warmupRounds ? ` after ${f.warmupRounds} not counted, alternating with the bare ws server` : ""})`,
    "",
    "| figure | value |",
    "| --- | ---: |",
    `| publish round trip, ms | ${n1(f.graphql.publishRoundTripMs)} |`,
    `| delivery from the committed change: first / p50 / p99 / last, ms | ${spread(f.graphql.fromAnnounce)} |`,
    `| delivery from the publish request: p50 / p99 / last, ms | ${n0(f.graphql.fromPublishRequest.p50)} / ${n0(f.graphql.fromPublishRequest.p99)} / ${n0(f.graphql.fromPublishRequest.last)} |`,
    `| bare ws server, same bytes: first / p50 / p99 / last, ms | ${spread(f.raw.fromBroadcast)} |`,
    `| time to last, ratio to the bare ws server (target ≤ 1.5) | ${f.ratio.toFixed(2)} |`,
    `| server CPU per update: app / bare ws server, ms | ${n0(f.graphql.server.cpuMs)} / ${n0(f.raw.cpuMs)} |`,
    `| memory per subscriber: RSS / heap, KB | ${n1(f.memory.rssPerSubscriberKB)} / ${n1(f.memory.heapPerSubscriberKB)} |`,
    ...(f.machine?.loadAverage ? [`| load average during the fan-out run | ${loads(f.machine.loadAverage)} |`] : []),
  ];
}
