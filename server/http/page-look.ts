// Each page's colour scheme and title, for the HTML of its client routes: kept
// per slug in memory, so serving a page's HTML costs no query once it has been
// looked up, and dropped when a page changes (on any instance, through Redis).
import type { Db } from "../db/client.js";
import { isValidSlug } from "../domain/slug.js";
import type { Events, PageChange } from "../events.js";
import type { Theme } from "../generated/sqlite/enums.js";

export interface PageLook {
  title: string;
  theme: Theme;
}

/** Slugs remembered at most, unknown ones included (the oldest go first). */
export const PAGE_LOOKS_MAX = 1_000;

/** Only changes to a page itself can rename it, retheme it, move its slug, create or delete it. */
const changesLooks = (change: PageChange) => change.subject === "PAGE";

export function createPageLooks(options: { db: Db; events: Events }) {
  const looks = new Map<string, PageLook | null>();
  // Bumped on every drop: a lookup that started before a change must not store what it read.
  let generation = 0;

  function clear(): void {
    looks.clear();
    generation++;
  }

  /** The page's look, or null when no page has this slug. */
  async function lookFor(slug: string): Promise<PageLook | null> {
    if (!isValidSlug(slug)) return null;
    const known = looks.get(slug);
    if (known !== undefined) return known;
    const started = generation;
    const look = await options.db.statusPage.findUnique({ where: { slug }, select: { title: true, theme: true } });
    if (started === generation) {
      if (looks.size >= PAGE_LOOKS_MAX) looks.delete(looks.keys().next().value!);
      looks.set(slug, look);
    }
    return look;
  }

  const iterator = options.events.subscribe("pages:changed")[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) if (changesLooks(next.value)) clear();
  })();

  return {
    lookFor,
    /** Forget every look, e.g. after Redis was unreachable and changes may have gone unheard. */
    clear,
    close: () => void iterator.return?.(),
  };
}

export type PageLooks = ReturnType<typeof createPageLooks>;
