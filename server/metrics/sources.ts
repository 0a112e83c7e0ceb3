// What the scrape-time gauges read: counted when Prometheus asks, not as things happen.
import type { Db } from "../db/client.js";
import type { SummaryHub } from "../realtime/summary-hub.js";

/** Live subscribers of each watched page, by slug (pages deleted meanwhile are left out). */
export async function liveSubscribersBySlug(db: Db, hub: SummaryHub): Promise<Map<string, number>> {
  const byId = hub.listenersByPage();
  if (byId.size === 0) return new Map();
  const pages = await db.statusPage.findMany({ where: { id: { in: [...byId.keys()] } }, select: { id: true, slug: true } });
  return new Map(pages.map((page) => [page.slug, byId.get(page.id) ?? 0]));
}
