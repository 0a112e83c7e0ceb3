// Liveness: the process answers. Readiness: it can serve (database reachable,
// and Redis when configured), so a load balancer can take it out of rotation.
import type { Db } from "../db/client.js";
import type { OutageWatch } from "./outage-watch.js";
import type { Route } from "./routes.js";

export interface HealthChecks {
  db: Db;
  /** Undefined when Redis is not configured. */
  redisHealthy?: () => boolean;
  /** Told what each probe of the database found. */
  outage?: OutageWatch;
}

async function databaseUp(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export function healthRoute(checks: HealthChecks): Route {
  return async (req, res, url) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (url.pathname === "/health/live") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ status: "ok" }));
      return true;
    }
    if (url.pathname !== "/health/ready" && url.pathname !== "/health") return false;
    const database = (await databaseUp(checks.db)) ? "up" : "down";
    if (database === "up") checks.outage?.answered();
    else checks.outage?.failed();
    const redis = checks.redisHealthy ? (checks.redisHealthy() ? "up" : "down") : "not configured";
    const ready = database === "up" && redis !== "down";
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ status: ready ? "ready" : "unavailable", database, redis }));
    return true;
  };
}
