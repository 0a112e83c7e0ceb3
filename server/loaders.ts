// Per-request batching for what the Prisma plugin cannot batch: entries
// referenced from attribute values, and the derived status of pages.
import DataLoader from "dataloader";
import type { CatalogEntry } from "./generated/sqlite/client.js";
import type { Db } from "./db/client.js";
import { loadPageActivity, type PageActivity } from "./services/page-activity.js";
import { pageComponentIds, subPageComponentIds } from "./services/page-components.js";
import { loadPageLayouts, type PageLayout } from "./services/page-layout.js";
import { loadUptimeHistory, type UptimeHistory } from "./services/uptime-history.js";

export interface Loaders {
  entries: DataLoader<string, CatalogEntry>;
  /** Ongoing incidents and in-progress maintenance of a page: what component status derives from. */
  activity: DataLoader<string, PageActivity>;
  /** Component (catalog entry) ids a sub-page shows, in order. */
  subPageComponents: DataLoader<string, string[]>;
  /** Every component id a page shows (for a customer page: of any sub-page). */
  pageComponents: DataLoader<string, Set<string>>;
  /** A public page's components in order, with their group headings. */
  pageLayout: DataLoader<string, PageLayout>;
  /** Incident impacts and maintenance periods of a page over the longest uptime window. */
  uptimeHistory: DataLoader<string, UptimeHistory>;
}

/**
 * Each loader is made on first use. Every operation's context gets a set, and a
 * subscription holds its context for as long as it lasts without ever using one:
 * with thousands of subscribers, loaders made up front would be most of their memory.
 */
export function createLoaders(db: Db, now: () => Date): Loaders {
  return new LazyLoaders(db, now);
}

class LazyLoaders implements Loaders {
  private readonly made: Partial<Loaders> = {};
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get entries() {
    return (this.made.entries ??= new DataLoader(async (ids) => {
      const rows = await this.db.catalogEntry.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`No catalog entry ${id}`));
    }));
  }
  get activity() {
    return (this.made.activity ??= new DataLoader((pageIds) => loadPageActivity(this.db, pageIds)));
  }
  get subPageComponents() {
    return (this.made.subPageComponents ??= new DataLoader(async (ids) => {
      const map = await subPageComponentIds(this.db, ids);
      return ids.map((id) => map.get(id) ?? []);
    }));
  }
  // One page per request in practice, so no batching beyond the loader's cache.
  get pageComponents() {
    return (this.made.pageComponents ??= new DataLoader((pageIds) => Promise.all(pageIds.map((id) => pageComponentIds(this.db, id)))));
  }
  get pageLayout() {
    return (this.made.pageLayout ??= new DataLoader((pageIds) => loadPageLayouts(this.db, pageIds)));
  }
  get uptimeHistory() {
    return (this.made.uptimeHistory ??= new DataLoader((pageIds) => loadUptimeHistory(this.db, pageIds, this.now())));
  }
}
