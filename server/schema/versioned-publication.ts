// Versions for publishing: a publish creates a versioned incident or maintenance, an
// update of one claims its next version (refused when the client's copy is stale).
import type { Actor } from "../auth/actor.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Changed } from "../services/change.js";
import type { Publication, PublishOptions } from "../services/preview.js";
import { claimVersion, stampCreated, type VersionedType } from "../services/versions.js";
import { stampOf } from "./versioned.js";

type Tx = Prisma.TransactionClient;
type Write<D> = (tx: Tx, options: PublishOptions) => Promise<Changed<Publication<D>>>;

/** A publish's write that stamps the new object with who published it. */
export function createdBy<D>(actor: Actor, type: VersionedType, write: Write<D>): Write<D> {
  return async (tx, options) => {
    const result = await write(tx, options);
    if (!options.preview && result.value.id) await stampCreated(tx, type, result.value.id, stampOf(actor, options.now));
    return result;
  };
}

/** An update's write that first claims the object's next version; a preview writes nothing and claims nothing. */
export function updatedFrom<D>(actor: Actor, type: VersionedType, id: string, expected: number | null | undefined, write: Write<D>): Write<D> {
  return async (tx, options) => {
    if (!options.preview) await claimVersion(tx, type, id, expected, stampOf(actor, options.now));
    return write(tx, options);
  };
}
