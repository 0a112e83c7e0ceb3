// Deliveries: the outbox's events fanned out into one row per recipient, claimed in
// batches under a lease by one worker at a time (a conditional UPDATE decides between
// instances), sent, and marked (delivery-ledger.ts). A worker that dies mid-delivery
// leaves a lease that expires; the row is then claimed again, with the same idempotency id.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import type { NotificationDelivery, NotificationEvent } from "../generated/sqlite/client.js";
import { DEFAULT_RETRY, type RetryPolicy } from "../domain/retry-policy.js";
import { emailAudience, webhookRecipients } from "./audience.js";

/** A claimed delivery with its event. */
export type ClaimedDelivery = NotificationDelivery & { event: NotificationEvent };

/** The id a receiver de-duplicates on: the same for every attempt at one (event, recipient). */
export function idempotencyId(eventId: string, recipientId: string): string {
  return createHash("sha256").update(`${eventId}:${recipientId}`).digest("hex").slice(0, 32);
}

/** Deliveries written per transaction: a large fan-out never holds the database's write lock, or the event loop, for long. */
const FAN_OUT_CHUNK = 50;

/**
 * Fans out events not yet fanned out, in chunks of recipients ordered by id. Each chunk is
 * written in the transaction that moves the event's cursor past it, on condition that the
 * cursor is where this worker read it, so no chunk is written twice; a worker that dies
 * between chunks leaves the cursor for the next one. Resolves to the deliveries written.
 */
export async function fanOut(db: Db, now: Date, giveWay: () => Promise<void> = nextTurn, batch = 20): Promise<number> {
  const events = await db.notificationEvent.findMany({ where: { fannedOutAt: null }, orderBy: { createdAt: "asc" }, take: batch });
  let written = 0;
  for (const event of events) written += await fanOutEvent(db, event, now, giveWay);
  return written;
}

/** Resolves on a later turn of the event loop, after the I/O waiting meanwhile. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function fanOutEvent(db: Db, event: NotificationEvent, now: Date, giveWay: () => Promise<void>): Promise<number> {
  const audience = { pageId: event.pageId, subject: event.subject, componentIds: JSON.parse(event.componentIds) as string[] };
  const readEmails = await emailAudience(db, audience);
  const webhooks = (await webhookRecipients(db, audience)).map((r) => ({ id: r.id, kind: "WEBHOOK" as const }));
  let at = event.fanOutCursor;
  let written = 0;
  for (;;) {
    // The next subscribers after the cursor, with the endpoints among the ids they span: ids up to `bound` are settled.
    const emails = readEmails ? await readEmails(at, FAN_OUT_CHUNK) : { recipients: [], lastId: at, complete: true };
    const last = emails.complete;
    const bound = last ? null : emails.lastId;
    const chunk = [
      ...emails.recipients.map((r) => ({ id: r.id, kind: "EMAIL" as const })),
      ...webhooks.filter((w) => (at === null || w.id > at) && (bound === null || w.id <= bound)),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    const next = bound ?? chunk.at(-1)?.id ?? at;
    const moved = await db.$transaction(async (tx) => {
      // Another worker that moved the cursor first leaves nothing to match: it goes on from there.
      const { count } = await tx.notificationEvent.updateMany({
        where: { id: event.id, fannedOutAt: null, fanOutCursor: at },
        data: { fanOutCursor: next, ...(last ? { fannedOutAt: now } : {}) },
      });
      if (count !== 1) return false;
      await tx.notificationDelivery.createMany({
        data: chunk.map((r) => ({
          eventId: event.id,
          recipientKind: r.kind,
          recipientId: r.id,
          idempotencyId: idempotencyId(event.id, r.id),
          nextAttemptAt: now,
          createdAt: now,
        })),
      });
      return true;
    });
    if (!moved) break;
    at = next;
    written += chunk.length;
    if (last) break;
    // Requests waiting meanwhile, and mutations above all, go before the next chunk.
    await nextTurn();
    await giveWay();
  }
  return written;
}

const CLAIMABLE = (now: Date) => ({ status: "PENDING" as const, nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/** Claims up to `limit` due deliveries for `leaseMs`; none of them is claimed by anyone else until the lease ends. */
export async function claimDeliveries(
  db: Db,
  workerId: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<{ claim: string; deliveries: ClaimedDelivery[] }> {
  const candidates = await db.notificationDelivery.findMany({ where: CLAIMABLE(now), select: { id: true }, orderBy: { nextAttemptAt: "asc" }, take: limit });
  const claim = `${workerId}/${randomUUID()}`;
  if (candidates.length === 0) return { claim, deliveries: [] };
  // The condition is re-checked by the UPDATE itself: of two workers reading the same
  // candidates, the one whose UPDATE comes second finds their leases taken.
  await db.notificationDelivery.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...CLAIMABLE(now) },
    data: { claimedBy: claim, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  const deliveries = await db.notificationDelivery.findMany({
    where: { id: { in: candidates.map((c) => c.id) }, claimedBy: claim },
    include: { event: true },
    orderBy: { id: "asc" },
  });
  return { claim, deliveries };
}

export { DEFAULT_RETRY, type RetryPolicy };
