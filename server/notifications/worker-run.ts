// One run of the notification worker: the outbox's events fanned out into deliveries,
// then those due claimed and sent a batch at a time, each outcome written to the ledger.
// Every step gives way to mutations in progress first (priority.ts).
import { setImmediate as nextTurn } from "node:timers/promises";
import { claimDeliveries, DEFAULT_RETRY, fanOut, type ClaimedDelivery, type RetryPolicy } from "./deliveries.js";
import { deliveryLedger, type DeliveryLedger, type SendOutcome } from "./delivery-ledger.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { NotificationWorkerOptions, Send } from "./worker.js";

/** What a run needs beside the worker's options. */
interface RunContext {
  options: NotificationWorkerOptions;
  db: Db;
  now: () => Date;
  log: Logger;
  workerId: string;
  leaseMs: number;
  concurrency: number;
  batchSize: number;
  retry: RetryPolicy;
  giveWay: () => Promise<void>;
  stopped: () => boolean;
}

/** The worker's run: fans out, then claims and sends until nothing is due or the worker stops; resolves to the deliveries sent. */
export function dueRunner(options: NotificationWorkerOptions, workerId: string, stopped: () => boolean): () => Promise<number> {
  const concurrency = options.concurrency ?? 8;
  const { db, now, log } = options;
  const context: RunContext = {
    options,
    db,
    now,
    log,
    workerId,
    leaseMs: options.leaseMs ?? 60_000,
    concurrency,
    batchSize: options.batchSize ?? concurrency * 25,
    retry: options.retry ?? DEFAULT_RETRY,
    giveWay: () => options.priority?.clear() ?? Promise.resolve(),
    stopped,
  };
  return () => runDue(context);
}

async function runDue(context: RunContext): Promise<number> {
  const { db, now, giveWay } = context;
  await giveWay();
  await fanOut(db, now(), giveWay);
  let sent = 0;
  while (!context.stopped()) {
    await giveWay();
    const { claim, deliveries } = await claimDeliveries(db, context.workerId, now(), context.leaseMs, context.batchSize);
    if (deliveries.length === 0) break;
    sent += await runBatch(context, claim, deliveries);
    // Requests waiting on this process go before the next batch.
    await nextTurn();
  }
  return sent;
}

async function runBatch(context: RunContext, claim: string, deliveries: ClaimedDelivery[]): Promise<number> {
  const { options, db, now, log, leaseMs, retry, giveWay } = context;
  const late = (count: number) => log.warn({ count }, "Notifications sent after their lease ended");
  const ledger = deliveryLedger({ db, claim, now, leaseMs, retry, late, giveWay });
  const sends = await prepare(options, deliveries);
  const queue = [...deliveries];
  let sent = 0;
  const lanes = Array.from({ length: Math.min(context.concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next && !context.stopped(); next = queue.shift()) {
      await giveWay();
      if (await deliver(context, ledger, next, sends.get(next.id))) sent += 1;
    }
  });
  await Promise.all(lanes);
  return sent;
}

/** Each kind's sends of the batch, prepared by its sender. */
async function prepare(options: NotificationWorkerOptions, deliveries: ClaimedDelivery[]): Promise<Map<string, Send>> {
  const sends = new Map<string, Send>();
  for (const kind of ["EMAIL", "WEBHOOK"] as const) {
    const batch = deliveries.filter((d) => d.recipientKind === kind);
    if (batch.length > 0) for (const [id, send] of await options.senders[kind](batch)) sends.set(id, send);
  }
  return sends;
}

async function deliver(context: RunContext, ledger: DeliveryLedger, delivery: ClaimedDelivery, send: Send | undefined): Promise<boolean> {
  const { options, log } = context;
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
