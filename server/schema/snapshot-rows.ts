// Whether rows of a page snapshot (services/page-snapshot.ts) can stand in for what
// the Prisma plugin planned for a field: the plan asks for nothing the rows lack,
// and every relation it reads, it reads with the same filter, order and page as
// the rows were read with. Then the field returns the shared rows and the types
// below it resolve from them; otherwise it queries as usual.
import { isDeepStrictEqual } from "node:util";
import { getDatamodel } from "../generated/pothos-types.js";
import * as incidents from "../services/incidents.js";
import { IMPACTS } from "./incident-types.js";
import { MAINTENANCE_COMPONENTS, MAINTENANCE_NEWEST_FIRST } from "./maintenance-types.js";

type Args = Record<string, unknown>;

/** Each model's relation fields and the models they lead to. */
const relations = new Map(
  Object.entries(getDatamodel().datamodel.models).map(([model, { fields }]) => [
    model,
    new Map(fields.filter((f) => f.kind === "object").map((f) => [f.name, f.type])),
  ]),
);

/** What the snapshot holds of each incident: every scalar, and its updates as Incident's fields select them. */
export const INCIDENT_ROWS: Args = {
  include: { updates: { orderBy: incidents.NEWEST_FIRST, include: { impacts: IMPACTS, incident: { select: { pageId: true } } } } },
};

export const MAINTENANCE_ROWS: Args = {
  include: { components: MAINTENANCE_COMPONENTS, updates: { orderBy: MAINTENANCE_NEWEST_FIRST } },
};

export const PAGE_ROWS: Args = { include: {} };

const defined = (args: Args) => Object.keys(args).filter((k) => k !== "select" && k !== "include" && args[k] !== undefined);

/** Whether rows read with `have` hold everything a read with `want` would (the top level's own filter and order aside). */
export function rowsCover(model: string, have: Args, want: Args, sameArgs = false): boolean {
  if (sameArgs) {
    for (const key of new Set([...defined(have), ...defined(want)])) if (!isDeepStrictEqual(have[key], want[key])) return false;
  }
  const haveScalars = !have.select;
  const haveFields = (have.select ?? have.include ?? {}) as Args;
  if (!want.select && !haveScalars) return false;
  const modelRelations = relations.get(model);
  for (const [field, value] of Object.entries((want.select ?? want.include ?? {}) as Args)) {
    if (!value) continue;
    const related = modelRelations?.get(field);
    if (field === "_count") return false;
    if (!related) {
      if (haveScalars || haveFields[field] === true) continue;
      return false;
    }
    const held = haveFields[field];
    if (!held) return false;
    if (!rowsCover(related, held === true ? {} : (held as Args), value === true ? {} : (value as Args), true)) return false;
  }
  return true;
}
