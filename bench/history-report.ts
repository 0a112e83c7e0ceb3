// The history row's table: the same update on an incident with one update and on one
// with thousands, and whether they stay within 20% of each other.
import type { HistoryFigures } from "./history-protocol.js";

/** How far apart the two may be: the ratio of long to short within [1/1.2, 1.2]. */
export const HISTORY_TOLERANCE = 1.2;

const n0 = (v: number) => Math.round(v).toLocaleString("en-US");
const n1 = (v: number) => v.toFixed(1);
const within = (ratio: number) => ratio <= HISTORY_TOLERANCE && ratio >= 1 / HISTORY_TOLERANCE;

export function historyMet(f: HistoryFigures): boolean {
  return within(f.ratios.publish) && within(f.ratios.lastSubscriber);
}

export function renderHistory(f: HistoryFigures, source = ""): string[] {
  const row = (what: string, short: number, long: number, ratio: number) =>
    `| ${what} | ${n1(short)} | ${n1(long)} | ${ratio.toFixed(2)} | ${within(ratio) ? "PASS" : "FAIL"} |`;
  return [
    `### Cost independent of history (${source ? `${source}: ` : ""}${n0(f.subscribers)} graphql-ws subscribers of the page, ${f.samples} rounds of one update to each incident)`,
    "",
    `| publishIncidentUpdate, p50 ms | ${n0(f.short.updates)} update | ${n0(f.long.updates)} updates | ratio | within 20% |`,
    "| --- | ---: | ---: | ---: | --- |",
    row("publish (POST to response)", f.short.publishMs, f.long.publishMs, f.ratios.publish),
    row("until the last subscriber has it", f.short.lastSubscriberMs, f.long.lastSubscriberMs, f.ratios.lastSubscriber),
    "",
    "Ratio: long over short, the median of each round's own ratio (a round's two updates run back to back, so the",
    "machine's load changes little between them). The short incident gains one update per round.",
  ];
}
