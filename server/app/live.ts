/** The live side of the app: live access, the summary hub and the maintenance scheduler, wired together. */
import { accessEnded } from "../auth/denial.js";
import { admittedSubPageIds } from "../auth/viewer-sessions.js";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics/series.js";
import { createLiveAccess } from "../realtime/live-access.js";
import type { RedisBus } from "../realtime/redis.js";
import { startScheduler } from "../realtime/scheduler.js";
import { createSummaryHub } from "../realtime/summary-hub.js";
import type { ChangeFlow } from "../services/change.js";

export interface LiveOptions {
  db: Db;
  events: Events;
  /** The scheduler's transitions take the one path every change takes. */
  changes: ChangeFlow;
  now: () => Date;
  timers: boolean;
  log: Logger;
  redis: RedisBus | null;
  metrics: Metrics | null;
}

/** Live access (with auth's rules), the hub (checking access before each update) and the scheduler. */
export function startLive({ db, events, changes, now, timers, log, redis, metrics }: LiveOptions) {
  const liveAccess = createLiveAccess({ db, events, now, timers, log, rules: { ended: accessEnded, admittedSubPageIds } });
  const hub = createSummaryHub({
    db,
    events,
    now,
    log,
    subscribed: redis ? (topic) => redis.subscribed(topic) : undefined,
    beforeUpdate: (pageId, change) => liveAccess.beforeUpdate(pageId, change),
    delivered: metrics ? (change) => metrics.delivered((now().getTime() - Date.parse(change.at)) / 1000) : undefined,
  });
  const scheduler = startScheduler({ db, events, changes, now, timers, log, transitioned: metrics ? (to) => metrics.transition(to) : undefined });
  return {
    liveAccess,
    hub,
    scheduler,
    /**
     * After a Redis outage, events published meanwhile are lost: recomputing every watched
     * summary resyncs subscribers, sign-outs and revocations are looked up, and the
     * scheduler re-plans for maintenance scheduled or moved meanwhile (it heard of none of it).
     */
    recover(): void {
      void liveAccess.verify().catch((error: unknown) => log.error({ err: error }, "Live access check failed"));
      void hub.resync();
      void scheduler.tick().catch((error: unknown) => log.error({ err: error }, "Maintenance scheduler failed"));
    },
    stop(): void {
      scheduler.stop();
      liveAccess.stop();
      hub.close();
    },
  };
}
