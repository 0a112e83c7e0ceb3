// The notification worker: one per instance, beside the maintenance scheduler: it
// wakes when a publication is announced (on any instance, through the event bus) and
// on a slow poll, fans the outbox's events out into deliveries, and sends those it
// claims, a batch at a time. Instances share nothing but the database, which decides every claim.
import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Logger } from "../logger.js";
import { claimDeliveries, DEFAULT_RETRY, fanOut, type ClaimedDelivery, type RetryPolicy } from "./deliveries.js";
import { deliveryLedger, type DeliveryLedger, type Recorded, type SendOutcome } from "./delivery-ledger.js";
import type { MutationPriority } from "./priority.js";

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

export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { db, now, log } = options;
  const workerId = randomUUID();
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? concurrency * 25;
  const retry = options.retry ?? DEFAULT_RETRY;
  const giveWay = () => options.priority?.clear() ?? Promise.resolve();
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  let again = false;

  async function deliver(ledger: DeliveryLedger, delivery: ClaimedDelivery, send: Send | undefined): Promise<boolean> {
    // A renewal that could not be written holds nothing: the send does not go out, and the lease runs out.
    const hold = () =>
      ledger.hold(delivery).catch((error: unknown) => {
        log.warn({ err: error, delivery: delivery.id }, "Could not renew a notification's lease");
        return false;
      });
    let outcome: SendOutcome | "LOST";
    try {
      outcome = send ? await send(hold) : { status: "FAILED", error: "no send was prepared", permanent: false };
    } catch (error) {
      outcome = { status: "FAILED", error: error instanceof Error ? error.message : String(error), permanent: false };
    }
    if (outcome === "LOST") return false;
    const recorded = await ledger.record(delivery, outcome);
    if (outcome.status === "FAILED") {
      log.warn({ delivery: delivery.id, outcome: recorded, error: outcome.error }, "Notification delivery failed");
      const hook = outcome.permanent ? undefined : (recorded === "FAILED" ? options.gaveUp : options.failing)?.[delivery.recipientKind];
      await hook?.(delivery, outcome.error).catch((error: unknown) => log.error({ err: error, delivery: delivery.id }, "Handling a failed delivery failed"));
    }
    options.delivered?.(recorded);
    return recorded === "SENT";
  }

  /** Each kind's sends of the batch, prepared by its sender. */
  async function prepare(deliveries: ClaimedDelivery[]): Promise<Map<string, Send>> {
    const sends = new Map<string, Send>();
    for (const kind of ["EMAIL", "WEBHOOK"] as const) {
      const batch = deliveries.filter((d) => d.recipientKind === kind);
      if (batch.length > 0) for (const [id, send] of await options.senders[kind](batch)) sends.set(id, send);
    }
    return sends;
  }

  async function runBatch(claim: string, deliveries: ClaimedDelivery[]): Promise<number> {
    const late = (count: number) => log.warn({ count }, "Notifications sent after their lease ended");
    const ledger = deliveryLedger({ db, claim, now, leaseMs, retry, late, giveWay });
    const sends = await prepare(deliveries);
    const queue = [...deliveries];
    let sent = 0;
    const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
        await giveWay();
        if (await deliver(ledger, next, sends.get(next.id))) sent += 1;
      }
    });
    await Promise.all(lanes);
    return sent;
  }

  async function runDue(): Promise<number> {
    await giveWay();
    await fanOut(db, now(), giveWay);
    let sent = 0;
    while (!stopped) {
      await giveWay();
      const { claim, deliveries } = await claimDeliveries(db, workerId, now(), leaseMs, batchSize);
      if (deliveries.length === 0) break;
      sent += await runBatch(claim, deliveries);
      // Requests waiting on this process go before the next batch.
      await nextTurn();
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
    // From a later turn of the event loop: the publish that announced the event answers its client first.
    setTimeout(() => {
      void running.then(() => {
        again = false;
        return stopped ? 0 : worker.tick();
      });
    }, WAKE_DELAY_MS);
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

/** How long after an announcement the worker starts: the publishing request's own work comes first. */
const WAKE_DELAY_MS = 50;
