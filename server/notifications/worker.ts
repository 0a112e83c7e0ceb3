// The notification worker: one per instance, beside the maintenance scheduler: it
// wakes when a publication is announced (on any instance, through the event bus) and
// on a slow poll, fans the outbox's events out into deliveries, and sends those it
// claims, a batch at a time. Instances share nothing but the database, which decides every claim.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Logger } from "../logger.js";
import type { ClaimedDelivery, RetryPolicy } from "./deliveries.js";
import type { Recorded, SendOutcome } from "./delivery-ledger.js";
import type { MutationPriority } from "./priority.js";
import { dueRunner } from "./worker-run.js";

export type { SendOutcome };

/**
 * One delivery's send. `hold` renews the delivery's lease; it is called right before the
 * message leaves, and on false nothing is sent ("LOST": another worker may have it).
 */
export type Send = (hold: () => Promise<boolean>) => Promise<SendOutcome | "LOST">;

/** Gets a batch of deliveries of one kind ready: what they need is loaded in a few queries, whatever the batch's size. */
export type DeliverySender = (batch: ClaimedDelivery[]) => Promise<Map<string, Send>>;

type Kind = ClaimedDelivery["recipientKind"];
type FailureHook = (delivery: ClaimedDelivery, error: string) => Promise<void>;

export interface NotificationWorkerOptions {
  db: Db;
  events: Events;
  now: () => Date;
  log: Logger;
  /** One sender per kind of recipient. */
  senders: Record<Kind, DeliverySender>;
  /** Wake on announcements and poll (default true); without, tests call tick(). */
  timers?: boolean;
  /** How long a claim holds before another worker may take the delivery (default 60 s); renewed right before each send, so it must outlast one send. */
  leaseMs?: number;
  /** Poll interval (default 5 s): catches retries that came due and events another instance missed. */
  pollMs?: number;
  /** Deliveries sent at once (default 8). */
  concurrency?: number;
  /** Deliveries claimed together (default 25 per concurrent send). */
  batchSize?: number;
  retry?: RetryPolicy;
  /** Per kind of recipient: told of a delivery that failed on its last attempt (not of one given up as pointless). */
  gaveUp?: Partial<Record<Kind, FailureHook>>;
  /** Per kind of recipient: told of each failed attempt that will be retried. */
  failing?: Partial<Record<Kind, FailureHook>>;
  /** Told of each delivery's outcome. */
  delivered?: (outcome: Recorded) => void;
  /** Mutations in progress: the worker starts no send and writes nothing until they are done (priority.ts). */
  priority?: Pick<MutationPriority, "clear">;
}

export interface NotificationWorker {
  /** Fans out and sends everything due now; resolves to the deliveries sent. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the instance's notification worker: woken by announcements and the poll unless `timers` is false. */
export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { log } = options;
  const state: WorkerState = { stopped: false, running: Promise.resolve(0) };
  const runDue = dueRunner(options, randomUUID(), () => state.stopped);
  const worker: NotificationWorker = {
    tick() {
      // Ticks never overlap within an instance; one asked for meanwhile runs once after it.
      state.running = state.running.then(runDue, runDue).catch((error: unknown) => {
        log.error({ err: error }, "Notification worker failed; retrying on the next poll");
        return 0;
      });
      return state.running;
    },
    async stop() {
      state.stopped = true;
      if (poll) clearInterval(poll);
      await changes?.return?.();
      await state.running;
    },
  };
  const timers = options.timers ?? true;
  const { poll, changes } = timers ? startTimers(options, state, worker) : { poll: null, changes: null };
  return worker;
}

/** What the worker's lifecycle shares with its wake-ups. */
interface WorkerState {
  stopped: boolean;
  /** The current (or last) tick. */
  running: Promise<number>;
}

/** The poll and the subscription to announcements that wake the worker; it wakes once right away. */
function startTimers(options: NotificationWorkerOptions, state: WorkerState, worker: NotificationWorker) {
  let again = false;
  const wake = () => {
    if (again || state.stopped) return;
    again = true;
    // From a later turn of the event loop: the publish that announced the event answers its client first.
    setTimeout(() => {
      void state.running.then(() => {
        again = false;
        return state.stopped ? 0 : worker.tick();
      });
    }, WAKE_DELAY_MS);
  };
  const poll = setInterval(wake, options.pollMs ?? 5_000);
  poll.unref();
  const changes = options.events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await changes.next(); !next.done && !state.stopped; next = await changes.next()) {
      if (next.value.subject === "INCIDENT" || next.value.subject === "MAINTENANCE") wake();
    }
  })();
  wake();
  return { poll, changes };
}

/** How long after an announcement the worker starts: the publishing request's own work comes first. */
const WAKE_DELAY_MS = 50;
