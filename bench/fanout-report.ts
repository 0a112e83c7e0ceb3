// Figures for bench/fanout.ts: delivery latencies, memory per subscriber, and the
// table it prints.
import type { Memory } from "./fanout-protocol.js";

export interface Latencies {
  /** Milliseconds from the reference instant. */
  first: number;
  p50: number;
  p99: number;
  last: number;
  delivered: number;
}

export function latencies(times: number[], from: number): Latencies {
  const sorted = times.map((t) => t - from).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { first: sorted[0]!, p50: at(0.5), p99: at(0.99), last: sorted[sorted.length - 1]!, delivered: sorted.length };
}

export interface Report {
  subscribers: number;
  clientProcesses: number;
  rounds: number;
  /** Rounds run first on each side and not counted. */
  warmupRounds: number;
  sharedExecution: boolean;
  /** Load average when the run ended: other work on the machine skews every figure. */
  machine: { cpus: number; node: string; loadAverage: number[] };
  messageBytes: number;
  graphql: {
    /** From the server announcing the committed change. */
    fromAnnounce: Latencies;
    /** From the publishing HTTP request being sent (includes the mutation itself). */
    fromPublishRequest: Latencies;
    publishRoundTripMs: number;
    /** In the server: announcement to the last message handed to a socket (summary computed once, then the fan-out). */
    server: { wallMs: number; cpuMs: number };
    lastByRound: number[];
  };
  /** The bare ws server: its own memory per connected socket is the floor for any WebSocket server. */
  raw: { fromBroadcast: Latencies; sendLoopMs: number; cpuMs: number; lastByRound: number[]; rssPerSocketKB: number; heapPerSocketKB: number };
  /** graphql time-to-last (from announce) / raw time-to-last, median rounds. Target: at most 1.5. */
  ratio: number;
  memory: { before: Memory; after: Memory; rssPerSubscriberKB: number; heapPerSubscriberKB: number };
  targets: { ratio: boolean; memory: boolean };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function table(r: Report): string {
  const row = (name: string, l: Latencies) => `${name.padEnd(34)}${[l.first, l.p50, l.p99, l.last].map((n) => ms(n).padStart(11)).join("")}`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return [
    `Fan-out of an incident update to ${r.subscribers} graphql-ws subscribers (${r.clientProcesses} client processes, ${r.machine.cpus} CPUs, Node ${r.machine.node})`,
    `Shared execution: ${r.sharedExecution ? "on" : "off"}; one delivered message: ${r.messageBytes} bytes; load average ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(" ")}`,
    `Median of ${r.rounds} rounds after ${r.warmupRounds} not counted; time to last by round: graphql ${r.graphql.lastByRound.map(ms).join(", ")}; raw ${r.raw.lastByRound.map(ms).join(", ")}`,
    "",
    `${"".padEnd(34)}${["first", "p50", "p99", "last"].map((h) => h.padStart(11)).join("")}`,
    row("graphql-ws, from announce", r.graphql.fromAnnounce),
    row("graphql-ws, from publish request", r.graphql.fromPublishRequest),
    row("raw ws broadcast, same bytes", r.raw.fromBroadcast),
    "",
    `publish request round trip: ${ms(r.graphql.publishRoundTripMs)}`,
    `server side, announcement to last socket write: ${ms(r.graphql.server.wallMs)} (${ms(r.graphql.server.cpuMs)} CPU); raw send loop: ${ms(r.raw.sendLoopMs)} (${ms(r.raw.cpuMs)} CPU)`,
    `time to last, graphql / raw: ${r.ratio.toFixed(2)}x (target <= 1.5x: ${r.targets.ratio ? "met" : "MISSED"})`,
    `server memory: RSS ${mb(r.memory.before.rss)} -> ${mb(r.memory.after.rss)}, heap ${mb(r.memory.before.heapUsed)} -> ${mb(r.memory.after.heapUsed)}`,
    `per idle subscriber: ${r.memory.rssPerSubscriberKB.toFixed(1)} KB RSS, ${r.memory.heapPerSubscriberKB.toFixed(1)} KB heap (target <= 20 KB: ${r.targets.memory ? "met" : "MISSED"})`,
    `raw ws server, per socket: ${r.raw.rssPerSocketKB.toFixed(1)} KB RSS, ${r.raw.heapPerSocketKB.toFixed(1)} KB heap`,
  ].join("\n");
}
