// The mutations incidents and maintenance share in form: publish the first update,
// publish a later one, delete. Each subject names its input, publication type and
// service call; how a publish runs around that (preview, notify, versions, one update
// of an object at a time) is written here once.
import type { InputObjectRef, ObjectRef } from "@pothos/core";
import type { Actor } from "../auth/actor.js";
import type { Types } from "../builder.js";
import type { Context } from "../context.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { commitChange, type Changed } from "../services/change.js";
import type { IncidentDraft } from "../services/incidents.js";
import type { MaintenanceDraft } from "../services/maintenance.js";
import type { Publication, PublishOptions } from "../services/preview.js";
import type { VersionedType } from "../services/versions.js";
import { mutationOf } from "./errors.js";
import type { Incident } from "./incident-types.js";
import type { Maintenance } from "./maintenance-types.js";
import { publish } from "./publication.js";
import { EXPECTED_VERSION_DESCRIPTION, versioned } from "./versioned.js";

type Tx = Prisma.TransactionClient;
type Builder = PothosSchemaTypes.MutationFieldBuilder<Types, object>;

/** What a publish of either subject returns. */
export type AnyPublication = Publication<IncidentDraft> | Publication<MaintenanceDraft>;

/** The flags every publish input carries besides its draft. */
interface Flags {
  preview: boolean;
  notifySubscribers: boolean;
}

/** A publish mutation's own part: its input, the type it returns, and the write it commits. */
export interface Publishing<I extends Flags> {
  description: string;
  type: ObjectRef<Types, Publication<IncidentDraft>> | ObjectRef<Types, Publication<MaintenanceDraft>>;
  input: InputObjectRef<Types, I>;
  /** The write, given the input without its flags. */
  write: (actor: Actor, input: Omit<I, keyof Flags>) => (tx: Tx, options: PublishOptions) => Promise<Changed<AnyPublication>>;
  /** Updates of one object are queued under this name and run one after another; a new object needs none. */
  queue?: (input: Omit<I, keyof Flags>) => string;
  /** What follows a committed publish (maintenance: the transition its window already calls for). */
  after?: (ctx: Context, publication: AnyPublication) => Promise<AnyPublication>;
}

/** A publish or publish-update mutation named `operation`, as PUBLISHER. */
export function publishField<I extends Flags>(t: Builder, operation: string, spec: Publishing<I>) {
  return t.field({
    type: spec.type,
    description: spec.description,
    ...mutationOf("PUBLISHER"),
    args: { input: t.arg({ type: spec.input }) },
    resolve: async (_root, args, ctx) => {
      // Pothos cannot spell out the argument's shape for a generic input; it is the input's own shape, I.
      const { preview, notifySubscribers, ...draft } = (args as { input: I }).input;
      const queue = spec.queue?.(draft) ?? null;
      const published = await publish(ctx, operation, { preview, notify: notifySubscribers }, queue, spec.write(ctx.actor, draft));
      return spec.after ? spec.after(ctx, published) : published;
    },
  });
}

/** A delete mutation named `operation`, as PUBLISHER: returns the deleted object's own fields. */
export function deleteField(
  t: Builder,
  operation: string,
  subject: { type: typeof Incident | typeof Maintenance; name: VersionedType; description: string },
  remove: (tx: Tx, id: string) => Promise<Changed<(typeof Incident | typeof Maintenance)["$inferType"]>>,
) {
  return t.field({
    type: subject.type,
    description: subject.description,
    ...mutationOf("PUBLISHER"),
    args: { id: t.arg.id(), expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }) },
    resolve: (_root, { id, expectedVersion }, ctx) =>
      commitChange(
        ctx,
        operation,
        versioned(ctx.actor, subject.name, String(id), expectedVersion, (tx) => remove(tx, String(id))),
      ),
  });
}
