// The latest update of each of many incidents, read by its sequence: what summaries and
// derived statuses need, at a cost that does not grow with an incident's history.
import type { Db } from "../db/client.js";
import type { IncidentImpact } from "../domain/types.js";
import type { Prisma } from "../generated/sqlite/client.js";

type Reader = Db | Prisma.TransactionClient;

export interface LatestIncidentUpdate {
  sequence: number;
  message: string;
  publishedAt: Date;
  impacts: { componentId: string; impact: IncidentImpact }[];
}

/** Keyed by incident id; incidents without updates are absent. Two statements, or none for no incidents. */
export async function latestIncidentUpdates(
  db: Reader,
  incidents: readonly { id: string; lastSequence: number }[],
): Promise<Map<string, LatestIncidentUpdate>> {
  if (incidents.length === 0) return new Map();
  const rows = await db.incidentUpdate.findMany({
    where: { OR: incidents.map((i) => ({ incidentId: i.id, sequence: i.lastSequence })) },
    select: { incidentId: true, sequence: true, message: true, publishedAt: true, impacts: { select: { componentId: true, impact: true } } },
  });
  return new Map(rows.map(({ incidentId, ...update }) => [incidentId, update]));
}
