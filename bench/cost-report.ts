// Two rows of `npm run bench` with bounds of their own rather than a share of the
// baseline: SQL statements of one uncached operator request, and heap around a
// long run of many distinct signed-in viewers. Each prints its target and PASS/FAIL.
import type { LoadResult } from "./read-protocol.js";

/** Heap after a full collection around a run of many distinct signed-in viewers. */
export interface MemoryFigures {
  sessions: number;
  seconds: number;
  beforeBytes: number;
  afterBytes: number;
  load: LoadResult;
}

/** Statements each of several operator page queries ran, each the first after a change. */
export interface ColdSqlFigures {
  counts: number[];
}

/** Heap may grow by at most this much over the signed-in memory run. */
export const MEMORY_GROWTH_LIMIT_BYTES = 50 * 1024 * 1024;
/** An uncached page query may run at most this many statements, however large the page. */
export const COLD_SQL_LIMIT = 8;

export const memoryMet = (m: MemoryFigures) => m.afterBytes - m.beforeBytes <= MEMORY_GROWTH_LIMIT_BYTES;
export const coldSqlMet = (c: ColdSqlFigures) => c.counts.length > 0 && Math.max(...c.counts) <= COLD_SQL_LIMIT;

const n0 = (v: number) => Math.round(v).toLocaleString("en-US");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Heap around the run of many distinct signed-in viewers, with its bound. */
export function renderMemory(m: MemoryFigures): string[] {
  return [
    `### Memory with ${n0(m.sessions)} signed-in viewers (${m.seconds} s of the customer sub-page query, each request with the next viewer's session)`,
    "",
    "| heap after a full GC | MB |",
    "| --- | ---: |",
    `| before | ${mb(m.beforeBytes)} |`,
    `| after | ${mb(m.afterBytes)} |`,
    `| growth (target ≤ ${mb(MEMORY_GROWTH_LIMIT_BYTES)}) | ${mb(m.afterBytes - m.beforeBytes)} ${memoryMet(m) ? "PASS" : "FAIL"} |`,
    "",
    `Load meanwhile: ${n0(m.load.rps)} req/s, p99 ${m.load.p99.toFixed(1)} ms, ${n0(m.load.total)} requests (${Object.keys(m.load.statuses).join(", ")}).`,
  ];
}

/** The statements of an uncached operator request, with their bound. */
export function renderColdSql(c: ColdSqlFigures): string[] {
  const verdict = coldSqlMet(c) ? "PASS" : "FAIL";
  return [
    `### SQL statements per uncached operator request (${c.counts.length} page queries with an API key, each the first after a change)`,
    "",
    "| statements | min | max | target |",
    "| --- | ---: | ---: | --- |",
    `| page query, POST with an API key (operator) | ${Math.min(...c.counts)} | ${Math.max(...c.counts)} | ≤ ${COLD_SQL_LIMIT} ${verdict} |`,
  ];
}
