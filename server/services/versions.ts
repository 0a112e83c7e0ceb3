// Optimistic concurrency: every write to a versioned row (incident, maintenance, page,
// sub-page, catalog type or entry) increments its version and stamps who made it. A
// write made from a copy the client read earlier names that copy's version; the
// database takes it only if the row is still there (a conditional update), so two
// operators editing the same object cannot silently overwrite each other.
import { NotFoundError, StaleVersionError, type MissedChange } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { latestChanges } from "./audit-log.js";
import type { ChangedObjectType } from "./change.js";

type Tx = Prisma.TransactionClient;

/** The objects that carry a version. */
export type VersionedType = Extract<ChangedObjectType, "Incident" | "Maintenance" | "StatusPage" | "SubPage" | "CatalogType" | "CatalogEntry">;

interface VersionedRow {
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

interface VersionedTable {
  updateMany(args: { where: { id: string | { in: string[] }; version?: number }; data: Prisma.IncidentUpdateManyMutationInput }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: { version: true; updatedAt: true; updatedBy: true } }): Promise<VersionedRow | null>;
}

// The generated delegates differ only in their model types; the columns used here are the same on each.
function table(tx: Tx, type: VersionedType): VersionedTable {
  const tables = {
    Incident: tx.incident,
    Maintenance: tx.maintenance,
    StatusPage: tx.statusPage,
    SubPage: tx.subPage,
    CatalogType: tx.catalogType,
    CatalogEntry: tx.catalogEntry,
  } as unknown as Record<VersionedType, VersionedTable>;
  return tables[type];
}

const RESOURCE: Record<VersionedType, string> = {
  Incident: "incident",
  Maintenance: "maintenance",
  StatusPage: "status page",
  SubPage: "sub-page",
  CatalogType: "catalog type",
  CatalogEntry: "catalog entry",
};

/** What one write stamps on its row. */
export interface Stamp {
  /** Who makes the write: an operator as "Name <email>", a key by its name, or "system". */
  by: string;
  at: Date;
}

/**
 * Claims the next version of a row before writing it, in the write's transaction.
 * With `expected`, the row must still be at that version: otherwise nothing is
 * written and StaleVersionError says what it is at now and who changed it. Without
 * it, the write wins over whatever is there (clients that send no version).
 */
export async function claimVersion(tx: Tx, type: VersionedType, id: string, expected: number | null | undefined, stamp: Stamp): Promise<void> {
  const rows = table(tx, type);
  const where = expected == null ? { id } : { id, version: expected };
  const { count } = await rows.updateMany({ where, data: { version: { increment: 1 }, updatedBy: stamp.by, updatedAt: stamp.at } });
  if (count === 1) return;
  const current = await rows.findUnique({ where: { id }, select: { version: true, updatedAt: true, updatedBy: true } });
  if (!current) throw new NotFoundError(RESOURCE[type], id);
  const changesSince = await missedChanges(tx, type, id, current.version - (expected ?? 0));
  throw new StaleVersionError({ objectType: type, objectId: id, expectedVersion: expected ?? 0, ...current, currentVersion: current.version, changesSince });
}

/** At most this many missed changes are listed; the audit log has the rest. */
const MISSED_SHOWN = 20;

/**
 * The changes a client missed, newest first: each write to the row bumped its version
 * once and was recorded in the audit log in the same transaction, so the newest
 * `count` entries of the object are the ones made since the client's version.
 */
function missedChanges(tx: Tx, type: VersionedType, id: string, count: number): Promise<MissedChange[]> {
  return latestChanges(tx, type, id, Math.min(Math.max(count, 1), MISSED_SHOWN));
}

/** Bumps several rows' versions at once, for writes that change many (ranking entries). */
export async function bumpVersions(tx: Tx, type: VersionedType, ids: string[], stamp: Stamp): Promise<void> {
  if (ids.length === 0) return;
  await table(tx, type).updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 }, updatedBy: stamp.by, updatedAt: stamp.at } });
}

/** Stamps a row just created with who created it (its version starts at 1). */
export async function stampCreated(tx: Tx, type: VersionedType, id: string, stamp: Stamp): Promise<void> {
  await table(tx, type).updateMany({ where: { id }, data: { updatedBy: stamp.by, updatedAt: stamp.at } });
}
