// Per-request batching for what the Prisma plugin cannot batch: entries
// referenced from attribute values, sub-pages' components, and pages' snapshots.
import DataLoader from "dataloader";
import type { CatalogEntry } from "./generated/sqlite/client.js";
import type { Db } from "./db/client.js";
import { webhookEventType } from "./notifications/payloads/index.js";
import { subPageComponentIds } from "./services/page-components.js";
import type { PageSnapshot } from "./services/page-snapshot.js";
import type { PageSnapshots } from "./services/page-snapshots.js";
import { loadUptimeHistory, type UptimeHistory } from "./services/uptime-history.js";

export interface Loaders {
  entries: DataLoader<string, CatalogEntry>;
  /** Component (catalog entry) ids a sub-page shows, in order. */
  subPageComponents: DataLoader<string, string[]>;
  /** Incident impacts and maintenance periods of a page over the longest uptime window. */
  uptimeHistory: DataLoader<string, UptimeHistory>;
  /** Pages as every caller may see parts of them, shared between requests until the page changes (null: no such page). */
  snapshots: DataLoader<string, PageSnapshot | null>;
  /** Webhook deliveries as their attempts show them (null: the delivery or its event was pruned). */
  webhookDeliveries: DataLoader<string, WebhookDeliveryState | null>;
}

/** What an attempt's log line tells of its delivery: the event's type and the retry to come. */
export interface WebhookDeliveryState {
  eventType: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
}

/**
 * Each loader is made on first use. Every operation's context gets a set, and a
 * subscription holds its context for as long as it lasts without ever using one:
 * with thousands of subscribers, loaders made up front would be most of their memory.
 */
export function createLoaders(db: Db, now: () => Date, snapshots: PageSnapshots): Loaders {
  return new LazyLoaders(db, now, snapshots);
}

class LazyLoaders implements Loaders {
  private readonly made: Partial<Loaders> = {};
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly pageSnapshots: PageSnapshots,
  ) {}

  get entries() {
    return (this.made.entries ??= new DataLoader(async (ids) => {
      const rows = await this.db.catalogEntry.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`No catalog entry ${id}`));
    }));
  }
  get subPageComponents() {
    return (this.made.subPageComponents ??= new DataLoader(async (ids) => {
      const map = await subPageComponentIds(this.db, ids);
      return ids.map((id) => map.get(id) ?? []);
    }));
  }
  get snapshots() {
    return (this.made.snapshots ??= new DataLoader((pageIds) => this.pageSnapshots.byIds(pageIds)));
  }
  get webhookDeliveries() {
    return (this.made.webhookDeliveries ??= new DataLoader(async (ids) => {
      const rows = await this.db.notificationDelivery.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, status: true, attempts: true, nextAttemptAt: true, event: { select: { subject: true, kind: true } } },
      });
      const byId = new Map(rows.map(({ event, ...r }) => [r.id, { ...r, eventType: webhookEventType(event.subject, event.kind) }]));
      return ids.map((id) => byId.get(id) ?? null);
    }));
  }
  get uptimeHistory() {
    return (this.made.uptimeHistory ??= new DataLoader((pageIds) => loadUptimeHistory(this.db, pageIds, this.now())));
  }
}
