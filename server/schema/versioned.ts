// What the versioned types (incident, maintenance, page, sub-page, catalog type and
// entry) share in the API: their `version` field, the `expectedVersion` their update
// and delete mutations take, and the conditional write that checks it.
import type { Actor } from "../auth/actor.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Changed } from "../services/change.js";
import { claimVersion, stampCreated, type Stamp, type VersionedType } from "../services/versions.js";
import { publisherName } from "./publication.js";

type Tx = Prisma.TransactionClient;

export const VERSION_DESCRIPTION =
  "Starts at 1 and grows with every change to the object. Send it back as `expectedVersion` to have a change refused (StaleVersionError) when someone changed the object since you read it.";

export const EXPECTED_VERSION_DESCRIPTION =
  "The `version` the change is made from. If the object is at another version now, nothing is changed and StaleVersionError says who changed it and when. Omitted: the change wins whatever the version.";

/** `updatedBy`: who changed it last; operator data, so others get null rather than an error. */
export const UPDATED_BY = {
  nullable: true,
  authScopes: { role: "VIEWER" },
  unauthorizedResolver: () => null,
  description: 'Who changed it last: the operator as "Name <email>", the API key\'s name, or "system" (the scheduler); operators only (null for others).',
} as const;

/** The stamp a change by this actor leaves on the rows it writes. */
export function stampOf(actor: Actor, at: Date): Stamp {
  return { by: publisherName(actor) ?? "system", at };
}

/**
 * Wraps a change's work on one existing object: claims the object's next version in the
 * same transaction first (refused when `expected` is stale), so nothing else is written.
 */
export function versioned<T>(
  actor: Actor,
  type: VersionedType,
  id: string,
  expected: number | null | undefined,
  work: (tx: Tx, at: Date) => Promise<Changed<T>>,
): (tx: Tx, at: Date) => Promise<Changed<T>> {
  return async (tx, at) => {
    await claimVersion(tx, type, id, expected, stampOf(actor, at));
    return work(tx, at);
  };
}

/** Wraps a change's work creating an object: stamps the new row with who created it. */
export function created<T>(actor: Actor, type: VersionedType, work: (tx: Tx, at: Date) => Promise<Changed<T>>): (tx: Tx, at: Date) => Promise<Changed<T>> {
  return async (tx, at) => {
    const result = await work(tx, at);
    const id = result.change?.objectId;
    if (id && result.change?.objectType === type) await stampCreated(tx, type, id, stampOf(actor, at));
    return result;
  };
}
