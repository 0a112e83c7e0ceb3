// Answers about a page by slug (its look, its badge, its feed), kept in memory so serving
// them costs no query once computed, and dropped when the page changes. Changes
// arrive on `pages:changed`, from every instance through Redis. A change to a
// page itself (created, renamed, moved to another slug, deleted) drops every
// answer, those for unknown slugs included: any of them may now name that page.
import type { Events, PageChange } from "../events.js";

export interface SlugMemoOptions<T> {
  events: Events;
  /** The page behind the slug and the answer for it; null when no page has the slug. */
  load: (slug: string) => Promise<{ pageId: string; value: T } | null>;
  /** Whether a change to the page (other than to the page itself) makes its answer stale. */
  staleAfter: (change: PageChange) => boolean;
  /** Slugs kept at most (the oldest go first). */
  max?: number;
  /** How long an answer is kept at most, in case a change went unheard. */
  ttlMs?: number;
  /** Told whether each look-up found a current answer (metrics). */
  onLookup?: (hit: boolean) => void;
}

interface Entry<T> {
  pageId: string | null;
  value: T | null;
  expiresAt: number;
}

export function createSlugMemo<T>(options: SlugMemoOptions<T>) {
  const max = options.max ?? 1_000;
  const ttlMs = options.ttlMs ?? 60_000;
  const entries = new Map<string, Entry<T>>();
  // Bumped on every drop: a load that started before a change must not store what it read.
  let generation = 0;

  function clear(): void {
    entries.clear();
    generation++;
  }

  function dropPage(pageId: string): void {
    for (const [slug, entry] of entries) if (entry.pageId === pageId) entries.delete(slug);
    generation++;
  }

  /** The answer for the slug, or null when no page has it. */
  async function get(slug: string): Promise<T | null> {
    const known = entries.get(slug);
    const hit = known !== undefined && Date.now() < known.expiresAt;
    options.onLookup?.(hit);
    if (hit) return known.value;
    const started = generation;
    const loaded = await options.load(slug);
    if (started === generation) {
      entries.delete(slug);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(slug, { pageId: loaded?.pageId ?? null, value: loaded?.value ?? null, expiresAt: Date.now() + ttlMs });
    }
    return loaded?.value ?? null;
  }

  const iterator = options.events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const change = next.value;
      if (change.subject === "PAGE") clear();
      else if (options.staleAfter(change)) dropPage(change.pageId);
    }
  })();

  return {
    get,
    /** Forget everything, e.g. after Redis was unreachable and changes may have gone unheard. */
    clear,
    close: () => void iterator.return?.(),
  };
}
