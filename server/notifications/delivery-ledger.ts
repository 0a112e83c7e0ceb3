// The writes of one claimed batch, gathered: the lease renewals asked for just before
// sends and the outcomes of the sends that ended are written together, one transaction
// per turn of the event loop (DataLoader's batching), so thousands of sends cost a few
// hundred commits rather than two each.
import DataLoader from "dataloader";
import type { Db } from "../db/client.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { retryDelayMs, type RetryPolicy } from "../domain/retry-policy.js";
import type { ClaimedDelivery } from "./deliveries.js";

/** A row of a webhook endpoint's delivery log: what one attempt came to. */
export type AttemptLog = Omit<Prisma.WebhookAttemptCreateManyInput, "id">;

/** What a send came to; `attempt` is written with it, in the same transaction. */
export type SendOutcome =
  | { status: "SENT"; attempt?: AttemptLog }
  | { status: "FAILED"; error: string; permanent: boolean; attempt?: AttemptLog }
  | { status: "SKIPPED"; reason: string };

/** As recorded: sent, skipped (nothing to send), to be retried later, or FAILED for good. */
export type Recorded = "SENT" | "SKIPPED" | "RETRY" | "FAILED";

/** A renewal asked for (`outcome` null), or an outcome to record. */
type Entry = { delivery: ClaimedDelivery; outcome: SendOutcome | null };

export interface DeliveryLedger {
  /** Renews the delivery's lease now, if it still holds; false: another worker may have it, do not send. */
  hold(delivery: ClaimedDelivery): Promise<boolean>;
  /** Records what a send came to. */
  record(delivery: ClaimedDelivery, outcome: SendOutcome): Promise<Recorded>;
}

export interface LedgerOptions {
  db: Db;
  /** The claim the batch was taken under. */
  claim: string;
  now: () => Date;
  leaseMs: number;
  retry: RetryPolicy;
  /** Told when sends were marked after their lease had passed to another worker. */
  late?: (count: number) => void;
  /** Resolves when the writes may go: mutations in progress go first. */
  giveWay?: () => Promise<void>;
}

export function deliveryLedger(options: LedgerOptions): DeliveryLedger {
  const loader = new DataLoader<Entry, Recorded | boolean>((entries) => write(options, entries), {
    cache: false,
    // Whatever came due in this turn of the event loop goes in one transaction.
    batchScheduleFn: (callback) => setImmediate(callback),
  });
  return {
    hold: async (delivery) => (await loader.load({ delivery, outcome: null })) === true,
    record: async (delivery, outcome) => (await loader.load({ delivery, outcome })) as Recorded,
  };
}

async function write(options: LedgerOptions, entries: readonly Entry[]): Promise<(Recorded | boolean)[]> {
  const { db, claim } = options;
  await options.giveWay?.();
  const at = options.now();
  const until = new Date(at.getTime() + options.leaseMs);
  const holds = entries.flatMap((e) => (e.outcome ? [] : [e.delivery.id]));
  const { writes, recorded, sent } = outcomeWrites(options, entries, at);
  const holdIndex = writes.length;
  if (holds.length > 0) {
    writes.push(
      db.notificationDelivery.updateMany({
        where: { id: { in: holds }, claimedBy: claim, status: "PENDING", leaseUntil: { gt: at } },
        data: { leaseUntil: until },
      }),
    );
  }
  const counts = (await db.$transaction(writes)) as { count?: number }[];
  if (sent > 0 && counts[0]?.count !== sent) options.late?.(sent - (counts[0]?.count ?? 0));
  let held = new Set(holds);
  if (holds.length > 0 && counts[holdIndex]?.count !== holds.length) {
    // Some leases were lost meanwhile: those that still hold carry the renewal just written.
    const still = await db.notificationDelivery.findMany({ where: { id: { in: holds }, claimedBy: claim, leaseUntil: until }, select: { id: true } });
    held = new Set(still.map((d) => d.id));
  }
  return entries.map((e) => recorded.get(e) ?? held.has(e.delivery.id));
}

/** The writes recording `entries`' outcomes (the sent ones first, in one statement), and what each was recorded as. */
function outcomeWrites(options: LedgerOptions, entries: readonly Entry[], at: Date) {
  const { db, claim } = options;
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  const recorded = new Map<Entry, Recorded>();
  const sent = entries.filter((e) => e.outcome?.status === "SENT");
  if (sent.length > 0) {
    writes.push(
      db.notificationDelivery.updateMany({
        where: { id: { in: sent.map((e) => e.delivery.id) }, claimedBy: claim },
        data: { status: "SENT", sentAt: at, attempts: { increment: 1 }, claimedBy: null, leaseUntil: null, lastError: null },
      }),
    );
    for (const e of sent) recorded.set(e, "SENT");
  }
  for (const e of entries) {
    const { delivery, outcome } = e;
    if (!outcome || outcome.status === "SENT") continue;
    const where = { id: delivery.id, claimedBy: claim };
    if (outcome.status === "SKIPPED") {
      // Nothing was sent: done, with no attempt counted and no sentAt, the reason kept for the log.
      const lastError = `nothing sent: ${outcome.reason}`.slice(0, 1000);
      writes.push(db.notificationDelivery.updateMany({ where, data: { status: "SENT", sentAt: null, claimedBy: null, leaseUntil: null, lastError } }));
      recorded.set(e, "SKIPPED");
      continue;
    }
    const attempts = delivery.attempts + 1;
    const delay = outcome.permanent ? null : retryDelayMs(delivery.recipientKind, attempts, Math.random(), options.retry);
    const data = {
      status: delay === null ? ("FAILED" as const) : ("PENDING" as const),
      attempts,
      nextAttemptAt: new Date(at.getTime() + (delay ?? 0)),
      lastError: outcome.error.slice(0, 1000),
      claimedBy: null,
      leaseUntil: null,
    };
    writes.push(db.notificationDelivery.updateMany({ where, data }));
    recorded.set(e, delay === null ? "FAILED" : "RETRY");
  }
  const logs = entries.flatMap((e) => (e.outcome && "attempt" in e.outcome && e.outcome.attempt ? [e.outcome.attempt] : []));
  if (logs.length > 0) writes.push(db.webhookAttempt.createMany({ data: logs }));
  return { writes, recorded, sent: sent.length };
}
