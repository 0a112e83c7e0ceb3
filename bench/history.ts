// The history row of `npm run bench`: does an update cost the same whatever the
// incident's history? One app process, two open incidents on the demo page (one
// update, and thousands), graphql-ws subscribers of the page in another process.
// Updates alternate between the two incidents (which goes first alternates too), so
// both see the same machine load; the first rounds warm up and are not counted.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { child, clock, next, type FromSubscribers } from "./read-protocol.js";
import { median } from "./read-report.js";
import { json, UPDATE } from "./read-scenarios.js";
import type { FromHistoryServer, HistoryArm, HistoryFigures } from "./history-protocol.js";

export interface HistoryOptions {
  /** Updates the long incident starts with. */
  history: number;
  subscribers: number;
  samples: number;
  warmup?: number;
}

export async function measureHistory(options: HistoryOptions, track: <C extends ReturnType<typeof child>>(c: C) => C): Promise<HistoryFigures> {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-bench-")), "bench.db")}`;
  const server = track(child("history-server.ts", [databaseUrl, String(options.history)]));
  const app = await next<FromHistoryServer, "ready">(server, "ready");
  const viewers = track(child("read-subscribers.ts"));
  const ready = next<FromSubscribers, "ready">(viewers, "ready");
  viewers.send({ type: "subscribe", url: app.url, count: options.subscribers, pageSlug: app.pageSlug });
  await ready;

  let published = 0;
  /** One update: the round trip, and until every subscriber has the new summary. */
  async function sample(incidentId: string): Promise<{ publishMs: number; lastSubscriberMs: number }> {
    const delivered = next<FromSubscribers, "delivered">(viewers, "delivered");
    const input = { incidentId, status: "MONITORING", message: `Bench update ${++published}` };
    const start = clock();
    const res = await fetch(app.url, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${app.apiKey}` },
      body: JSON.stringify({ query: UPDATE, variables: { input } }),
    });
    const body = (await res.json()) as { data?: { publishIncidentUpdate: { __typename: string } } };
    const publishMs = clock() - start;
    if (body.data?.publishIncidentUpdate.__typename !== "IncidentPublication") throw new Error(`publish failed: ${JSON.stringify(body)}`);
    return { publishMs, lastSubscriberMs: (await delivered).lastAt - start };
  }

  const taken = { short: [] as Awaited<ReturnType<typeof sample>>[], long: [] as Awaited<ReturnType<typeof sample>>[] };
  const warmup = options.warmup ?? 3;
  for (let round = 0; round < warmup + options.samples; round++) {
    const order = round % 2 ? (["long", "short"] as const) : (["short", "long"] as const);
    for (const arm of order) {
      const figures = await sample(arm === "short" ? app.shortId : app.longId);
      if (round >= warmup) taken[arm].push(figures);
    }
  }
  viewers.send({ type: "stop" });
  server.send({ type: "stop" });
  await Promise.all([viewers, server].map((p) => new Promise((resolve) => (p.exitCode === null ? p.once("exit", resolve) : resolve(null)))));

  const arm = (updates: number, runs: (typeof taken)["short"]): HistoryArm => ({
    updates,
    publishMs: median(runs.map((r) => r.publishMs)),
    lastSubscriberMs: median(runs.map((r) => r.lastSubscriberMs)),
  });
  const ratio = (pick: (r: (typeof taken)["short"][number]) => number) => median(taken.long.map((l, i) => pick(l) / pick(taken.short[i]!)));
  return {
    subscribers: options.subscribers,
    samples: options.samples,
    short: arm(1, taken.short),
    long: arm(options.history, taken.long),
    ratios: { publish: ratio((r) => r.publishMs), lastSubscriber: ratio((r) => r.lastSubscriberMs) },
  };
}
