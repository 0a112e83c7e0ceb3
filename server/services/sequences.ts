// Updates of an incident or maintenance are numbered 1, 2, 3, … in commit order: the
// parent row's `lastSequence` is the latest update's number. A publish first locks the
// parent row (a write to it holds the row's lock until the transaction ends), then reads
// `lastSequence` and writes the next number: concurrent publishes on one incident
// serialize, and "latest" never depends on clocks that tie or ids from other instances.
// Within one instance, publishes to one parent also queue before their transaction
// begins (`oneAtATime`): a burst of updates then holds one pooled connection, not one
// per update, and a transaction waits on the row lock for at most the other
// instances' publishes, never for its own instance's whole queue (time spent waiting
// inside a transaction counts against its timeout).
import { NotFoundError } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";

type Tx = Prisma.TransactionClient;

/** Takes the incident's row lock until the transaction ends; NotFoundError when there is none. */
export async function lockIncident(tx: Tx, incidentId: string): Promise<void> {
  const found = await tx.incident.updateMany({ where: { id: incidentId }, data: { lastSequence: { increment: 0 } } });
  if (found.count === 0) throw new NotFoundError("incident", incidentId);
}

/** Takes the maintenance's row lock until the transaction ends; NotFoundError when there is none. */
export async function lockMaintenance(tx: Tx, maintenanceId: string): Promise<void> {
  const found = await tx.maintenance.updateMany({ where: { id: maintenanceId }, data: { lastSequence: { increment: 0 } } });
  if (found.count === 0) throw new NotFoundError("maintenance", maintenanceId);
}

const pending = new Map<string, Promise<unknown>>();

/**
 * Runs `work` once every earlier call with the same key in this process has settled.
 * A promise chain per key is all it takes; no lock library is among our dependencies.
 */
export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = pending.get(key) ?? Promise.resolve();
  const result = before.then(work, work);
  const settled = result.then(
    () => {},
    () => {},
  );
  pending.set(key, settled);
  try {
    return await result;
  } finally {
    // The last in line clears the key, so the map holds only parents with publishes in flight.
    if (pending.get(key) === settled) pending.delete(key);
  }
}
