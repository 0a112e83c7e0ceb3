// The audit log: every committed change is written by `auditRecorder` inside the
// change's own transaction (so an entry never exists without its change, nor a change
// without its entry); attempts — refused for authorization, or previews — are written
// on their own by `recordAttempt`; `latestChanges` reads an object's newest changes
// back (what an edit made from a stale version missed). Secrets never reach an entry:
// fields named like one are dropped from before/after, however deep.
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { MissedChange } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { changeActor, type ChangeRecorder, type ChangedObjectType, type Snapshot } from "./change.js";

/** What an entry records: the change made, or an attempt that changed nothing. */
export type AuditOutcome = "CHANGED" | "REFUSED" | "PREVIEW";

/** Field names whose values are secrets or stand in for them (hashes of keys, sessions, tokens). */
const SECRET_FIELD = /hash|secret|token|password|verifier|nonce/i;

/** A copy of `value` without the fields named like secrets, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (!SECRET_FIELD.test(key)) kept[key] = withoutSecrets(field);
  return kept;
}

function snapshotText(snapshot: Snapshot | null): string | null {
  return snapshot === null ? null : JSON.stringify(withoutSecrets(snapshot));
}

/** Writes each committed change's entry in its transaction; registered by the composition root. */
export const auditRecorder: ChangeRecorder = async (tx, change) => {
  await tx.auditEntry.create({
    data: {
      at: change.at,
      actorKind: change.actor.kind,
      actorId: change.actor.id,
      actorName: change.actor.name,
      operation: change.operation,
      objectType: change.objectType,
      objectId: change.objectId,
      summary: change.summary,
      before: snapshotText(change.before),
      after: snapshotText(change.after),
      address: change.address,
      outcome: "CHANGED",
    },
  });
};

/** An attempt that changed nothing: who tried what, from where. Its arguments are not kept. */
export interface Attempt {
  outcome: Exclude<AuditOutcome, "CHANGED">;
  operation: string;
  actor: Actor;
  address: string | null;
  at: Date;
  summary: string;
  objectType?: ChangedObjectType | null;
  objectId?: string | null;
  /** What the change would have made (a preview's result), secrets stripped. */
  after?: Snapshot | null;
}

/** Writes an attempt's entry on its own, outside any transaction. */
export async function recordAttempt(db: Db | Prisma.TransactionClient, attempt: Attempt): Promise<void> {
  const actor = changeActor(attempt.actor);
  await db.auditEntry.create({
    data: {
      at: attempt.at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      operation: attempt.operation,
      objectType: attempt.objectType ?? null,
      objectId: attempt.objectId ?? null,
      summary: attempt.summary,
      before: null,
      after: snapshotText(attempt.after ?? null),
      address: attempt.address,
      outcome: attempt.outcome,
    },
  });
}

/** Deletes entries older than `days` before `now`; returns how many. */
export async function pruneAuditLog(db: Db, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const { count } = await db.auditEntry.deleteMany({ where: { at: { lt: cutoff } } });
  return count;
}

/** The audit log's share of the pruning round: entries older than `days` (none when null: keep everything). */
export function auditPruning(days: number | null): ((db: Db, now: Date) => Promise<number>)[] {
  return days === null ? [] : [(db, now) => pruneAuditLog(db, now, days)];
}

/**
 * The newest `take` changes recorded for an object, newest first: when, by whom, the
 * summary, and the top-level fields each changed.
 */
export async function latestChanges(tx: Prisma.TransactionClient, objectType: ChangedObjectType, objectId: string, take: number): Promise<MissedChange[]> {
  const entries = await tx.auditEntry.findMany({
    where: { objectType, objectId, outcome: "CHANGED" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { at: true, actorName: true, summary: true, before: true, after: true },
  });
  return entries.map((e) => ({ at: e.at, by: e.actorName, summary: e.summary, fields: changedFields(e.before, e.after) }));
}

/** The top-level fields whose values differ between an entry's before and after (JSON text). */
function changedFields(before: string | null, after: string | null): string[] {
  const parse = (text: string | null): Record<string, unknown> => {
    try {
      const value: unknown = text ? JSON.parse(text) : null;
      return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const [was, is] = [parse(before), parse(after)];
  const keys = new Set([...Object.keys(was), ...Object.keys(is)]);
  return [...keys].filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k])).sort();
}
