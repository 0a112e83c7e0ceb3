// What a public page's Atom feed lists: every incident and maintenance update,
// newest first, under the name its incident or maintenance has now.
import type { Db } from "../db/client.js";
import type { IncidentStatus, MaintenanceStatus } from "../domain/types.js";

export const FEED_ENTRIES_MAX = 50;

export interface FeedUpdate {
  id: string;
  subject: "INCIDENT" | "MAINTENANCE";
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  message: string;
  publishedAt: Date;
  /** The maintenance's window as scheduled now (updates carry none of their own); null for incidents. */
  window: { startsAt: Date; endsAt: Date } | null;
}

export interface PageFeedSource {
  pageId: string;
  slug: string;
  title: string;
  createdAt: Date;
  updates: FeedUpdate[];
}

const newestFirst = (a: FeedUpdate, b: FeedUpdate) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The public page with this slug and its newest updates; null for customer pages
 * and unknown slugs. A fixed number of statements, however many updates there are.
 */
export async function loadPageFeed(db: Db, slug: string, limit = FEED_ENTRIES_MAX): Promise<PageFeedSource | null> {
  const page = await db.statusPage.findUnique({ where: { slug }, select: { id: true, kind: true, title: true, createdAt: true } });
  if (page?.kind !== "PUBLIC") return null;
  const orderBy = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
  const select = { id: true, status: true, message: true, publishedAt: true };
  // The newest `limit` of both kinds together are among the newest `limit` of each.
  const [incidentUpdates, maintenanceUpdates] = await Promise.all([
    db.incidentUpdate.findMany({
      where: { incident: { pageId: page.id } },
      orderBy,
      take: limit,
      select: { ...select, incident: { select: { name: true } } },
    }),
    db.maintenanceUpdate.findMany({
      where: { maintenance: { pageId: page.id } },
      orderBy,
      take: limit,
      select: { ...select, maintenance: { select: { name: true, startsAt: true, endsAt: true } } },
    }),
  ]);
  const updates: FeedUpdate[] = [
    ...incidentUpdates.map(({ incident, ...u }) => ({ ...u, subject: "INCIDENT" as const, name: incident.name, window: null })),
    ...maintenanceUpdates.map(({ maintenance: { name, ...window }, ...u }) => ({ ...u, subject: "MAINTENANCE" as const, name, window })),
  ];
  return { pageId: page.id, slug, title: page.title, createdAt: page.createdAt, updates: updates.sort(newestFirst).slice(0, limit) };
}
