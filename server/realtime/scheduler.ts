// Moves auto-updating maintenance along: IN_PROGRESS at the window's start,
// COMPLETE at its end. On start it catches up on what came due while the
// service was down. Each transition is a conditional write, so with several
// instances on one database exactly one of them performs (and announces) it.
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Logger } from "../logger.js";
import { systemScope, type ChangeFlow, type ChangeScope } from "../services/change.js";
import { applyDueTransition, dueMaintenances, nextTransitionAt, type DueTransition } from "../services/maintenance.js";

export interface Scheduler {
  /** Performs every transition due at `now()`; resolves to the number this instance performed. */
  tick(): Promise<number>;
  stop(): void;
}

/** Longest sleep between checks, so windows created or moved by other instances are picked up. */
const MAX_SLEEP_MS = 30_000;
/** After a failed tick, what is still due is retried no sooner than this. */
const RETRY_MS = 1_000;

export interface SchedulerOptions {
  db: Db;
  /** Heard for maintenance changed on any instance, which moves the next wake-up. */
  events: Events;
  /** Where the transitions go: recorded and announced like every change. */
  changes: ChangeFlow;
  now: () => Date;
  timers?: boolean;
  log: Logger;
  /** Told of each transition this instance made. */
  transitioned?: (to: DueTransition["to"]) => void;
}

/** Performs every transition due at `now()` that this instance wins; resolves to how many it performed. */
async function performDue(options: SchedulerOptions, scope: ChangeScope, runningSince: Date): Promise<number> {
  const { db, now } = options;
  let performed = 0;
  for (const due of await dueMaintenances(db, now())) {
    // Announced once committed, and only by the instance that made it.
    if (!(await applyDueTransition(scope, due.id, due.to, now(), { runningSince }))) continue;
    performed += 1;
    options.transitioned?.(due.to);
  }
  return performed;
}

/** The one timer that wakes the scheduler for its next tick. */
interface WakeUps {
  readonly stopped: boolean;
  /** Sets the timer for the next transition (no later than the longest sleep). */
  plan(afterFailure?: boolean): Promise<void>;
  /** Planning itself failed (the database is unreachable): try the whole tick again later rather than never. */
  retryLater(): void;
  stop(): void;
}

function wakeUps(options: SchedulerOptions, tick: () => Promise<number>, failed: (error: unknown) => void): WakeUps {
  const { db, now } = options;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** A failed tick (database unreachable) must neither crash the process nor stop the planning. */
  function arm(delay: number, afterFailedTick: () => void): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      tick().catch((error: unknown) => {
        failed(error);
        afterFailedTick();
      });
    }, delay);
    timer.unref();
  }

  async function plan(afterFailure = false): Promise<void> {
    if (stopped || options.timers === false) return;
    const at = now();
    const wake = await nextTransitionAt(db, at);
    const delay = wake ? Math.min(Math.max(wake.getTime() - at.getTime(), afterFailure ? RETRY_MS : 0), MAX_SLEEP_MS) : MAX_SLEEP_MS;
    arm(delay, () => void plan(true).catch(retryLater));
  }

  function retryLater(): void {
    if (stopped || options.timers === false) return;
    arm(RETRY_MS, retryLater);
  }

  return {
    get stopped() {
      return stopped;
    },
    plan,
    retryLater,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Maintenance scheduled or changed (on any instance) moves the next wake-up; returns how to stop listening. */
function followChanges(events: Events, wake: WakeUps): () => void {
  const changes = events.subscribe("maintenance:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await changes.next(); !next.done && !wake.stopped; next = await changes.next()) {
      await wake.plan().catch(() => undefined);
    }
  })();
  return () => void changes.return?.();
}

/** Starts moving auto-updating maintenance along on this instance, catching up on what came due while it was down. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, events, now, log } = options;
  const scope = systemScope(db, now, options.changes);
  const failed = (error: unknown) => log.error({ err: error }, "Maintenance scheduler failed; retrying");
  // What was due before this instant was due while this process was not running.
  const runningSince = now();
  const runDue = () => performDue(options, scope, runningSince);
  const wake = wakeUps(options, () => scheduler.tick(), failed);
  let running: Promise<number> = Promise.resolve(0);

  const scheduler: Scheduler = {
    tick() {
      // Ticks never overlap within an instance; the database arbitrates between instances.
      running = running.then(runDue, runDue).then(async (n) => {
        await wake.plan().catch((error: unknown) => {
          failed(error);
          wake.retryLater();
        });
        return n;
      });
      return running;
    },
    stop() {
      wake.stop();
      unfollow();
    },
  };
  const unfollow = followChanges(events, wake);
  return scheduler;
}
