// One notification worker per instance, started beside the maintenance scheduler: it
// wakes when a publication is announced (on any instance, through the event bus) and
// on a slow poll, fans the outbox's events out into deliveries, and sends those it
// claims. Instances share nothing but the database, which decides every claim.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Logger } from "../logger.js";
import { claimDeliveries, DEFAULT_RETRY, fanOut, markFailed, markSent, markSkipped, renewLease, type ClaimedDelivery, type RetryPolicy } from "./deliveries.js";

/** Thrown by a sender when retrying cannot help (the recipient or the subject is gone). */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/** Thrown by a sender that found nothing to send (the recipient no longer hears of the event): not an attempt, and not a failure. */
export class NothingToSend extends Error {
  override name = "NothingToSend";
}

/** Sends one delivery; throws to have it retried (PermanentDeliveryError to give up, NothingToSend to skip it). */
export type DeliverySender = (delivery: ClaimedDelivery) => Promise<void>;

export interface NotificationWorkerOptions {
  db: Db;
  events: Events;
  now: () => Date;
  log: Logger;
  /** One sender per kind of recipient. */
  senders: Record<ClaimedDelivery["recipientKind"], DeliverySender>;
  /** Wake on announcements and poll (default true); without, tests call tick(). */
  timers?: boolean;
  /** How long a claim holds before another worker may take the delivery (default 60 s); renewed as each send starts, so it must outlast one send. */
  leaseMs?: number;
  /** Poll interval (default 5 s): catches retries that came due and events another instance missed. */
  pollMs?: number;
  /** Deliveries sent at once (default 8). */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Per kind of recipient: told of a delivery that failed on its last attempt (not of one given up as pointless). */
  gaveUp?: Partial<Record<ClaimedDelivery["recipientKind"], (delivery: ClaimedDelivery, error: string) => Promise<void>>>;
  /** Told of each delivery's outcome. */
  delivered?: (outcome: "SENT" | "SKIPPED" | "RETRY" | "FAILED") => void;
}

export interface NotificationWorker {
  /** Fans out and sends everything due now; resolves to the deliveries sent. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { db, now, log } = options;
  const workerId = randomUUID();
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 8;
  const retry = options.retry ?? DEFAULT_RETRY;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  let again = false;

  async function deliver(delivery: ClaimedDelivery): Promise<boolean> {
    if (!(await renewLease(db, delivery, now(), leaseMs))) return false;
    try {
      await options.senders[delivery.recipientKind](delivery);
    } catch (error) {
      if (error instanceof NothingToSend) {
        await markSkipped(db, delivery, error.message);
        options.delivered?.("SKIPPED");
        return false;
      }
      const permanent = error instanceof PermanentDeliveryError;
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await markFailed(db, delivery, now(), message, retry, permanent);
      log.warn({ err: error, delivery: delivery.id, outcome }, "Notification delivery failed");
      const gaveUp = options.gaveUp?.[delivery.recipientKind];
      if (outcome === "FAILED" && !permanent && gaveUp) await gaveUp(delivery, message);
      options.delivered?.(outcome);
      return false;
    }
    if (!(await markSent(db, delivery, now()))) log.warn({ delivery: delivery.id }, "Notification sent after its lease ended");
    options.delivered?.("SENT");
    return true;
  }

  async function runDue(): Promise<number> {
    await fanOut(db, now());
    let sent = 0;
    while (!stopped) {
      const { deliveries } = await claimDeliveries(db, workerId, now(), leaseMs, concurrency * 4);
      if (deliveries.length === 0) break;
      const queue = [...deliveries];
      const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let next = queue.shift(); next && !stopped; next = queue.shift()) if (await deliver(next)) sent += 1;
      });
      await Promise.all(lanes);
    }
    return sent;
  }

  const worker: NotificationWorker = {
    tick() {
      // Ticks never overlap within an instance; one asked for meanwhile runs once after it.
      running = running.then(runDue, runDue).catch((error: unknown) => {
        log.error({ err: error }, "Notification worker failed; retrying on the next poll");
        return 0;
      });
      return running;
    },
    async stop() {
      stopped = true;
      if (poll) clearInterval(poll);
      await changes?.return?.();
      await running;
    },
  };

  const wake = () => {
    if (again || stopped) return;
    again = true;
    void running.then(() => {
      again = false;
      return worker.tick();
    });
  };
  const timers = options.timers ?? true;
  const poll = timers ? setInterval(wake, options.pollMs ?? 5_000) : null;
  poll?.unref();
  const changes = timers ? options.events.subscribe("pages:changed")[Symbol.asyncIterator]() : null;
  if (changes) {
    void (async () => {
      for (let next = await changes.next(); !next.done && !stopped; next = await changes.next()) {
        if (next.value.subject === "INCIDENT" || next.value.subject === "MAINTENANCE") wake();
      }
    })();
  }
  if (timers) wake();
  return worker;
}
