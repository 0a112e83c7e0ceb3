// The fields every versioned object leads with, as a GraphQL interface: its id,
// version, and who changed it last, when.
import { builder } from "../builder.js";
import { UPDATED_BY, VERSION_DESCRIPTION } from "./versioned.js";

/** A row of a versioned table, as far as these fields read it. */
interface VersionedRow {
  id: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export const Versioned = builder.interfaceRef<VersionedRow>("Versioned").implement({
  description: "An object changed by operators: send its `version` back as `expectedVersion` to edit from what you read.",
  fields: (t) => ({
    id: t.exposeID("id"),
    version: t.exposeInt("version", { description: VERSION_DESCRIPTION }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it last changed." }),
    updatedBy: t.exposeString("updatedBy", UPDATED_BY),
  }),
});
