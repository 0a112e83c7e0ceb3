// Liveness: the process answers. Readiness: it can serve (the database answers in
// time, and Redis when configured), so a load balancer can take it out of rotation.
// A dependency that accepts connections but does not answer counts as one that is
// down: the body says which one is "slow" and why, and each change is logged once.
import type { DatabaseProbe, ProbeResult } from "../db/probe.js";
import type { Logger } from "../logger.js";
import type { OutageWatch } from "./outage-watch.js";
import type { Route } from "./routes.js";

export interface HealthChecks {
  database: DatabaseProbe;
  /** Undefined when Redis is not configured. */
  redis?: () => ProbeResult;
  log: Logger;
  /** Told what each probe of the database found. */
  outage?: OutageWatch;
}

/** Logs the database's state each time it changes (Redis logs its own, where it is watched). */
function databaseTransitions(log: Logger) {
  let last: ProbeResult = { state: "up" };
  return (now: ProbeResult) => {
    if (now.state === last.state) return;
    if (now.state === "up") log.info(`Database answers again (it was ${last.state}): readiness reports ready`);
    else log.warn(`Database is ${now.state} (${now.detail}): readiness reports unavailable`);
    last = now;
  };
}

export function healthRoute(checks: HealthChecks): Route {
  const noteDatabase = databaseTransitions(checks.log);
  return async (req, res, url) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (url.pathname === "/health/live") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ status: "ok" }));
      return true;
    }
    if (url.pathname !== "/health/ready" && url.pathname !== "/health") return false;
    const database = await checks.database.check();
    noteDatabase(database);
    if (database.state === "up") checks.outage?.answered();
    else checks.outage?.failed();
    const redis = checks.redis?.();
    const ready = database.state === "up" && (!redis || redis.state === "up");
    const detail = {
      ...(database.detail && { database: database.detail }),
      ...(redis?.detail && { redis: redis.detail }),
    };
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(
      JSON.stringify({
        status: ready ? "ready" : "unavailable",
        database: database.state,
        redis: redis?.state ?? "not configured",
        ...(Object.keys(detail).length > 0 && { detail }),
      }),
    );
    return true;
  };
}
