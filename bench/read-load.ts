// One load run with autocannon, in its own process so the load generator never
// shares an event loop with the server it measures. Gets a LoadSpec as JSON in
// argv, sends back one LoadResult and exits.
import autocannon, { type Request } from "autocannon";
import type { LoadResult, LoadSpec } from "./read-protocol.js";

const spec = JSON.parse(process.argv[2]!) as LoadSpec;
let turn = 0;
/** Each request carries the next session in turn, as that many viewers would. */
const sessions = spec.sessions?.length
  ? [
      {
        setupRequest: (request: Request): Request => ({
          ...request,
          headers: { ...request.headers, cookie: `sg_session=${spec.sessions![turn++ % spec.sessions!.length]}` },
        }),
      },
    ]
  : undefined;
const result = await autocannon({
  url: spec.url,
  method: spec.method,
  headers: spec.headers,
  body: spec.body,
  requests: sessions,
  connections: spec.connections,
  duration: spec.durationSeconds,
  pipelining: 1,
});
const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
const message: LoadResult = {
  type: "result",
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  errors: result.errors + result.timeouts,
  statuses,
};
process.send!(message, () => process.exit(0));
