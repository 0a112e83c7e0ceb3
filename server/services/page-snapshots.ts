// Page snapshots kept in memory, each read once per change to its page and shared
// by every request (operators, viewers and the public alike: who sees what is
// decided per request). Changes arrive on `pages:changed`, from every instance
// through Redis (this instance's own also at once, see onAnnounce); a change to a page itself (created, renamed, deleted) also drops
// the slug look-ups, since a slug may now name another page. Like the response
// cache, snapshots also expire after a minute in case a change went unheard.
import type { Db } from "../db/client.js";
import { onAnnounce, type Events, type PageChange } from "../events.js";
import { loadPageRows } from "./page-snapshot-data.js";
import { toSnapshot, type PageSnapshot } from "./page-snapshot.js";

export const PAGE_SNAPSHOTS = {
  /** Pages kept at most (the least recently read go first). */
  max: 1_000,
  ttlMs: 60_000,
} as const;

interface Entry {
  snapshot: PageSnapshot;
  expiresAt: number;
}

export function createPageSnapshots(options: { db: Db; events: Events; onLookup?: (hit: boolean) => void }) {
  const byId = new Map<string, Entry>();
  const idBySlug = new Map<string, string>();
  /** Bumped by every drop: a read that straddles one is served but not kept. */
  let generation = 0;

  function current(pageId: string | undefined): PageSnapshot | null {
    const entry = pageId === undefined ? undefined : byId.get(pageId);
    if (!entry || Date.now() >= entry.expiresAt) return null;
    // Refreshed as most recently read.
    byId.delete(pageId!);
    byId.set(pageId!, entry);
    return entry.snapshot;
  }

  function keep(snapshots: PageSnapshot[], started: number): void {
    if (started !== generation) return;
    for (const snapshot of snapshots) {
      const { id, slug } = snapshot.page;
      byId.delete(id);
      if (byId.size >= PAGE_SNAPSHOTS.max) byId.delete(byId.keys().next().value!);
      byId.set(id, { snapshot, expiresAt: Date.now() + PAGE_SNAPSHOTS.ttlMs });
      idBySlug.set(slug, id);
    }
    for (const [slug, id] of idBySlug) if (!byId.has(id)) idBySlug.delete(slug);
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
    if (change.subject === "PAGE") return clear();
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
