// The create, update and delete mutations of the catalog's types and entries, as
// EDITOR: each commits one versioned change and answers with the object as the client
// selected it (for a delete, read before it goes).
import type { InputObjectRef } from "@pothos/core";
import type { Types } from "../builder.js";
import type { Context } from "../context.js";
import type PrismaTypes from "../generated/pothos-types.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { commitChange, type Changed } from "../services/change.js";
import type { CatalogEntry, CatalogType } from "./catalog-objects.js";
import { mutationOf } from "./errors.js";
import { created, EXPECTED_VERSION_DESCRIPTION, versioned } from "./versioned.js";

type Tx = Prisma.TransactionClient;
type Model = "CatalogType" | "CatalogEntry";
type Row = (typeof CatalogType | typeof CatalogEntry)["$inferType"];

/** What the client selected of an object of model M, as Prisma's `include` or `select`. */
export type Selection<M extends Model> = { include?: PrismaTypes[M]["Include"]; select?: PrismaTypes[M]["Select"] };

/** One catalog model's part: its GraphQL type, inputs and service calls. */
export interface CatalogSubject<M extends Model, C, U extends { id: string; expectedVersion?: number | null }> {
  name: M;
  type: typeof CatalogType | typeof CatalogEntry;
  /** Reads the object as selected. */
  read: (db: Tx | Context["db"], id: string, selection: Selection<M>) => Promise<Row>;
  create: { input: InputObjectRef<Types, C>; write: (tx: Tx, input: C) => Promise<Changed<{ id: string }>> };
  update: {
    input: InputObjectRef<Types, U>;
    description: string | undefined;
    write: (tx: Tx, id: string, patch: Omit<U, "id" | "expectedVersion">) => Promise<Changed<unknown>>;
  };
  delete: { description: string; write: (tx: Tx, id: string, read: (tx: Tx) => Promise<Row>) => Promise<Changed<Row>> };
}

/** `create<Name>`, `update<Name>` and `delete<Name>` for one catalog model. */
export function catalogMutations<M extends Model, C, U extends { id: string; expectedVersion?: number | null }>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, object>,
  subject: CatalogSubject<M, C, U>,
) {
  const { name, type } = subject;
  // Pothos types the selection of a field typed by either model as either's; the field's
  // type is the subject's, so the selection is the subject's own.
  const selected = (query: Selection<Model>) => query as Selection<M>;
  return {
    [`create${name}`]: t.prismaField({
      type,
      ...mutationOf("EDITOR"),
      args: { input: t.arg({ type: subject.create.input }) },
      resolve: async (query, _root, args, ctx) => {
        const input = (args as { input: C }).input;
        const row = await commitChange(
          ctx,
          `create${name}`,
          created(ctx.actor, name, (tx) => subject.create.write(tx, input)),
        );
        return subject.read(ctx.db, row.id, selected(query));
      },
    }),
    [`update${name}`]: t.prismaField({
      type,
      description: subject.update.description,
      ...mutationOf("EDITOR"),
      args: { input: t.arg({ type: subject.update.input }) },
      resolve: async (query, _root, args, ctx) => {
        const { id, expectedVersion, ...patch } = (args as { input: U }).input;
        await commitChange(
          ctx,
          `update${name}`,
          versioned(ctx.actor, name, id, expectedVersion, (tx) => subject.update.write(tx, id, patch)),
        );
        return subject.read(ctx.db, id, selected(query));
      },
    }),
    [`delete${name}`]: t.prismaField({
      type,
      description: subject.delete.description,
      ...mutationOf("EDITOR"),
      args: { id: t.arg.id(), expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }) },
      resolve: (query, _root, { id, expectedVersion }, ctx) =>
        commitChange(
          ctx,
          `delete${name}`,
          versioned(ctx.actor, name, id, expectedVersion, (tx) => subject.delete.write(tx, id, (tx) => subject.read(tx, id, selected(query)))),
        ),
    }),
  };
}
