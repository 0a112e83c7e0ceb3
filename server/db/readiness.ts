// Readiness asks the database a question of its own, outside the app's connections
// and with a deadline of its own: a database that accepts connections but does not
// answer (a lock, a saturated pool) is an outage too, and a load balancer must hear
// of it in seconds, not once the app's own queries give up.
import type pg from "pg";
import type { DatabaseProbe, ProbeResult } from "./probe.js";
import { createPostgresProbe } from "./probe-postgres.js";
import { createSqliteProbe } from "./probe-sqlite.js";
import type { DatabaseTarget } from "./url.js";

/** A probe of `target` answering within `timeoutMs`; on PostgreSQL it also watches `pool`, the app's own. */
export function createDatabaseProbe(target: DatabaseTarget, pool: pg.Pool | null, timeoutMs: number): DatabaseProbe {
  const probe = target.provider === "sqlite" ? createSqliteProbe(target.file, timeoutMs) : createPostgresProbe(target, pool, timeoutMs);
  // Readiness requests that arrive together share one check rather than queueing behind each other.
  let inFlight: Promise<ProbeResult> | null = null;
  return {
    check() {
      inFlight ??= probe.check().finally(() => (inFlight = null));
      return inFlight;
    },
    close: () => probe.close(),
  };
}
