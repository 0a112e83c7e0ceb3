// Updates of an incident or maintenance are numbered 1, 2, 3, … in commit order: the
// parent row's `lastSequence` is the latest update's number. A publish first locks the
// parent row (a write to it holds the row's lock until the transaction ends), then reads
// `lastSequence` and writes the next number: concurrent publishes on one incident
// serialize, and "latest" never depends on clocks that tie or ids from other instances.
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
