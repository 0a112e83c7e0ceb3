// The liveness row of `npm run bench`: how long /health/live takes on an idle
// server, and while clients run the largest permitted anonymous query (a 90-day
// uptime of a 50-component page, three times over) back to back. Polls are
// sequential, from this process; the server runs in its own.
import { LARGEST_UPTIME_QUERY } from "../server/seed/large-page.js";
import { json } from "./read-scenarios.js";

export interface LatencyFigures {
  polls: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LivenessFigures {
  idle: LatencyFigures;
  busy: LatencyFigures;
  /** Largest-query answers completed while polling, and their statuses. */
  queries: number;
  statuses: Record<string, number>;
  clients: number;
  seconds: number;
}

function figures(latencies: number[]): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { polls: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

async function poll(url: string, until: () => boolean): Promise<number[]> {
  const live = new URL("/health/live", url);
  const latencies: number[] = [];
  while (!until()) {
    const start = performance.now();
    await (await fetch(live)).arrayBuffer();
    latencies.push(performance.now() - start);
  }
  return latencies;
}

export async function measureLiveness(url: string, seconds: number, clients = 2): Promise<LivenessFigures> {
  const ask = async () => {
    const res = await fetch(url, { method: "POST", headers: json, body: JSON.stringify({ query: LARGEST_UPTIME_QUERY, variables: { slug: "large" } }) });
    await res.arrayBuffer();
    return res.status;
  };
  await ask(); // warm-up: modules, compiled statements
  let end = performance.now() + seconds * 1000;
  const idle = await poll(url, () => performance.now() >= end);

  end = performance.now() + seconds * 1000;
  const statuses: Record<string, number> = {};
  const loads = Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const status = await ask();
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  });
  // Polls only while the queries run: the last answers may finish after the deadline.
  let running = clients;
  const done = Promise.all(loads.map((l) => l.finally(() => (running -= 1))));
  const busy = await poll(url, () => running === 0);
  await done;
  const queries = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { idle: figures(idle), busy: figures(busy), queries, statuses, clients, seconds };
}
