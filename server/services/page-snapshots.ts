// Page snapshots kept in memory, each read once per change to its page and shared
// by every request (operators, viewers and the public alike: who sees what is
// decided per request). Changes arrive on `pages:changed`, from every instance
// through Redis (this instance's own also at once, see onAnnounce); a change to a page itself (created, renamed, deleted) also drops
// the slug look-ups, since a slug may now name another page. Like the response
// cache, snapshots also expire after a minute in case a change went unheard.
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { onAnnounce, type Events, type PageChange } from "../events.js";
import { loadPageRows } from "./page-snapshot-data.js";
import { toSnapshot, type PageSnapshot } from "./page-snapshot.js";

export const PAGE_SNAPSHOTS = {
  /** Pages kept at most (the least recently read go first). */
  max: 1_000,
  ttlMs: 60_000,
} as const;

/** A page's snapshot by id, and the id by slug; both bounded, and read once per change. */
export function createPageSnapshots(options: { db: Db; events: Events; onLookup?: (hit: boolean) => void }) {
  const byId = new LRUCache<string, PageSnapshot>({ max: PAGE_SNAPSHOTS.max, ttl: PAGE_SNAPSHOTS.ttlMs });
  // Only ever names kept pages: an id evicted or dropped from byId misses there, and is read anew.
  const idBySlug = new LRUCache<string, string>({ max: PAGE_SNAPSHOTS.max });
  /** Bumped by every drop: a read that straddles one is served but not kept. */
  let generation = 0;

  function current(pageId: string | undefined): PageSnapshot | null {
    return (pageId === undefined ? undefined : byId.get(pageId)) ?? null;
  }

  function keep(snapshots: PageSnapshot[], started: number): void {
    if (started !== generation) return;
    for (const snapshot of snapshots) {
      byId.set(snapshot.page.id, snapshot);
      idBySlug.set(snapshot.page.slug, snapshot.page.id);
    }
  }

  /** The page with this slug, null when there is none. */
  async function bySlug(slug: string): Promise<PageSnapshot | null> {
    const known = current(idBySlug.get(slug));
    options.onLookup?.(known !== null);
    if (known) return known;
    const started = generation;
    const [rows] = await loadPageRows(options.db, { slug });
    const snapshot = rows ? toSnapshot(rows) : null;
    if (snapshot) keep([snapshot], started);
    return snapshot;
  }

  /** Snapshots of these pages (null for unknown ids), the missing ones read together. */
  async function byIds(ids: readonly string[]): Promise<(PageSnapshot | null)[]> {
    const found = new Map<string, PageSnapshot>();
    for (const id of ids) {
      const known = current(id);
      options.onLookup?.(known !== null);
      if (known) found.set(id, known);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const started = generation;
      const loaded = (await loadPageRows(options.db, { id: { in: [...new Set(missing)] } })).map(toSnapshot);
      keep(loaded, started);
      for (const snapshot of loaded) found.set(snapshot.page.id, snapshot);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  function clear(): void {
    generation++;
    byId.clear();
    idBySlug.clear();
  }

  function drop(change: PageChange): void {
    if (change.subject === "PAGE") {
      clear();
      return;
    }
    generation++;
    byId.delete(change.pageId);
  }

  // This instance's own writes drop at once; every instance's (its own again) arrive on the bus.
  const stopLocal = onAnnounce(options.events, drop);
  const iterator = options.events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) drop(next.value);
  })();

  return {
    bySlug,
    byIds,
    clear,
    close: () => {
      stopLocal();
      void iterator.return?.();
    },
  };
}

export type PageSnapshots = ReturnType<typeof createPageSnapshots>;
