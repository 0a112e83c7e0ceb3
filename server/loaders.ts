// Per-request batching for what the Prisma plugin cannot batch: entries
// referenced from attribute values, and the derived status of pages.
import DataLoader from "dataloader";
import type { CatalogEntry } from "./generated/sqlite/client.js";
import type { Db } from "./db/client.js";
import { loadPageActivity, type PageActivity } from "./services/page-activity.js";

export interface Loaders {
  entries: DataLoader<string, CatalogEntry>;
  /** Ongoing incidents and in-progress maintenance of a page: what component status derives from. */
  activity: DataLoader<string, PageActivity>;
}

export function createLoaders(db: Db, _now: () => Date): Loaders {
  return {
    entries: new DataLoader(async (ids) => {
      const rows = await db.catalogEntry.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`No catalog entry ${id}`));
    }),
    activity: new DataLoader((pageIds) => loadPageActivity(db, pageIds)),
  };
}
