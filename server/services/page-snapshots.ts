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
  const kept = createSnapshotCache();
  const { bySlug, byIds } = createSnapshotReads(options, kept);
  const stopFollowing = followPageChanges(options.events, kept.drop);
  return { bySlug, byIds, clear: kept.clear, close: stopFollowing };
}

/** The snapshots kept, by id and by slug, and what drops them. */
function createSnapshotCache() {
  const byId = new LRUCache<string, PageSnapshot>({ max: PAGE_SNAPSHOTS.max, ttl: PAGE_SNAPSHOTS.ttlMs });
  // Only ever names kept pages: an id evicted or dropped from byId misses there, and is read anew.
  const idBySlug = new LRUCache<string, string>({ max: PAGE_SNAPSHOTS.max });
  /** Bumped by every drop: a read that straddles one is served but not kept. */
  let generation = 0;

  function clear(): void {
    generation++;
    byId.clear();
    idBySlug.clear();
  }

  return {
    generation: () => generation,
    current(pageId: string | undefined): PageSnapshot | null {
      return (pageId === undefined ? undefined : byId.get(pageId)) ?? null;
    },
    idOf: (slug: string) => idBySlug.get(slug),
    keep(snapshots: PageSnapshot[], started: number): void {
      if (started !== generation) return;
      for (const snapshot of snapshots) {
        byId.set(snapshot.page.id, snapshot);
        idBySlug.set(snapshot.page.slug, snapshot.page.id);
      }
    },
    clear,
    drop(change: PageChange): void {
      if (change.subject === "PAGE") {
        clear();
        return;
      }
      generation++;
      byId.delete(change.pageId);
    },
  };
}

type SnapshotCache = ReturnType<typeof createSnapshotCache>;

/** Snapshots by slug and by ids, from the cache when kept there, else read and kept. */
function createSnapshotReads(options: { db: Db; onLookup?: (hit: boolean) => void }, kept: SnapshotCache) {
  /** The page with this slug, null when there is none. */
  async function bySlug(slug: string): Promise<PageSnapshot | null> {
    const known = kept.current(kept.idOf(slug));
    options.onLookup?.(known !== null);
    if (known) return known;
    const started = kept.generation();
    const [rows] = await loadPageRows(options.db, { slug });
    const snapshot = rows ? toSnapshot(rows) : null;
    if (snapshot) kept.keep([snapshot], started);
    return snapshot;
  }

  /** Snapshots of these pages (null for unknown ids), the missing ones read together. */
  async function byIds(ids: readonly string[]): Promise<(PageSnapshot | null)[]> {
    const found = new Map<string, PageSnapshot>();
    for (const id of ids) {
      const known = kept.current(id);
      options.onLookup?.(known !== null);
      if (known) found.set(id, known);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const started = kept.generation();
      const loaded = (await loadPageRows(options.db, { id: { in: [...new Set(missing)] } })).map(toSnapshot);
      kept.keep(loaded, started);
      for (const snapshot of loaded) found.set(snapshot.page.id, snapshot);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  return { bySlug, byIds };
}

/** Calls `drop` for every page change, this instance's own at once; returns what stops listening. */
function followPageChanges(events: Events, drop: (change: PageChange) => void): () => void {
  // This instance's own writes drop at once; every instance's (its own again) arrive on the bus.
  const stopLocal = onAnnounce(events, drop);
  const iterator = events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) drop(next.value);
  })();
  return () => {
    stopLocal();
    void iterator.return?.();
  };
}

export type PageSnapshots = ReturnType<typeof createPageSnapshots>;
