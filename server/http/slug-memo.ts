// Answers about a page by slug (its look, its badge, its feed), kept in memory so serving
// them costs no query once computed, and dropped when the page changes. Changes
// arrive on `pages:changed`, from every instance through Redis. A change to a
// page itself (created, renamed, moved to another slug, deleted) drops every
// answer, those for unknown slugs included: any of them may now name that page.
// The last answer computed for each slug outlives those drops, as a fallback for
// while the database is unavailable: better the last known badge than none.
import { LRUCache } from "lru-cache";
import { isDatabaseUnavailable } from "../db/unavailable.js";
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
}

/** An answer for a slug: `asOf` is null when current, else when this last known one was computed. */
export interface Lookup<T> {
  value: T | null;
  asOf: Date | null;
}

/** Deletes the entries whose value matches (collected first, so the iteration never runs into its own deletions). */
function deleteWhere<V extends {}>(cache: LRUCache<string, V>, matches: (value: V) => boolean): void {
  const doomed: string[] = [];
  cache.forEach((value, key) => {
    if (matches(value)) doomed.push(key);
  });
  for (const key of doomed) cache.delete(key);
}

/** Answers by slug, computed once per change to their page, with the last known ones kept as a fallback. */
export function createSlugMemo<T>(options: SlugMemoOptions<T>) {
  const memo = createMemoCaches<T>(options.max ?? 1_000, options.ttlMs ?? 60_000);
  /** The answer for the slug; while the database is unavailable, the last known one (asOf set). */
  const lookup = (slug: string): Promise<Lookup<T>> => lookupIn(memo, options, slug);
  const stopFollowing = followPageChanges(options.events, (change) => {
    if (change.subject === "PAGE" && change.kind === "DELETED") memo.forgetPage(change.pageId);
    if (change.subject === "PAGE") memo.clear();
    else if (options.staleAfter(change)) memo.dropPage(change.pageId);
  });

  return {
    lookup,
    /** The current answer's value (null: no page has the slug); like `lookup`, the last known one while the database is unavailable. */
    get: async (slug: string): Promise<T | null> => (await lookup(slug)).value,
    /** Forget every current answer, e.g. after Redis was unreachable and changes may have gone unheard (last known ones stay). */
    clear: memo.clear,
    close: stopFollowing,
  };
}

/** The current answers and the last known ones, and what drops them. */
function createMemoCaches<T>(max: number, ttlMs: number) {
  const entries = new LRUCache<string, Entry<T>>({ max, ttl: ttlMs });
  const lastKnown = new LRUCache<string, { pageId: string | null; value: T | null; at: Date }>({ max });
  // Bumped on every drop: a load that started before a change must not store what it read.
  let generation = 0;

  return {
    entries,
    lastKnown,
    generation: () => generation,
    /** Keeps what a load read, unless a drop came while it ran. */
    store(slug: string, started: number, pageId: string | null, value: T | null): void {
      if (started !== generation) return;
      entries.set(slug, { pageId, value });
      lastKnown.set(slug, { pageId, value, at: new Date() });
    },
    clear(): void {
      entries.clear();
      generation++;
    },
    dropPage(pageId: string): void {
      deleteWhere(entries, (entry) => entry.pageId === pageId);
      generation++;
    },
    /** A deleted page has no last known answer to fall back on. */
    forgetPage(pageId: string): void {
      deleteWhere(lastKnown, (last) => last.pageId === pageId);
    },
  };
}

type MemoCaches<T> = ReturnType<typeof createMemoCaches<T>>;

/**
 * The answer for the slug (value null when no page has it). While the database is
 * unavailable, the last one computed (asOf set); throws the database's error when there is none.
 */
async function lookupIn<T>(memo: MemoCaches<T>, options: SlugMemoOptions<T>, slug: string): Promise<Lookup<T>> {
  const known = memo.entries.get(slug);
  options.onLookup?.(known !== undefined);
  if (known) return { value: known.value, asOf: null };
  const started = memo.generation();
  let loaded: Awaited<ReturnType<typeof options.load>>;
  try {
    loaded = await options.load(slug);
  } catch (error) {
    const last = isDatabaseUnavailable(error) ? memo.lastKnown.get(slug) : undefined;
    if (!last) throw error;
    return { value: last.value, asOf: last.at };
  }
  const pageId = loaded?.pageId ?? null;
  const value = loaded?.value ?? null;
  memo.store(slug, started, pageId, value);
  return { value, asOf: null };
}

/** Calls `apply` for every change heard on `pages:changed`; returns what stops listening. */
function followPageChanges(events: Events, apply: (change: PageChange) => void): () => void {
  const iterator = events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) apply(next.value);
  })();
  return () => void iterator.return?.();
}
