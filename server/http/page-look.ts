// Each page's colour scheme, title and favicon, for the HTML of its client routes: kept
// per slug in memory, so serving a page's HTML costs no query once it has been
// looked up, and dropped when a page changes (on any instance, through Redis).
import type { Db } from "../db/client.js";
import { isValidSlug } from "../domain/slug.js";
import type { Events } from "../events.js";
import type { Theme } from "../generated/sqlite/enums.js";
import { createSlugMemo } from "./slug-memo.js";

export interface PageLook {
  title: string;
  theme: Theme;
  faviconUrl: string | null;
}

/** Pages whose looks are kept at most (and dressed copies of index.html). */
export const PAGE_LOOKS_MAX = 1_000;

/** Each page's look by slug (`get` answers null when no page has the slug). */
export function createPageLooks(options: { db: Db; events: Events; onLookup?: (hit: boolean) => void }) {
  return createSlugMemo<PageLook>({
    events: options.events,
    onLookup: options.onLookup,
    load: async (slug) => {
      if (!isValidSlug(slug)) return null;
      const page = await options.db.statusPage.findUnique({ where: { slug }, select: { id: true, title: true, theme: true, faviconUrl: true } });
      return page && { pageId: page.id, value: { title: page.title, theme: page.theme, faviconUrl: page.faviconUrl } };
    },
    // Only a change to the page itself can change its look.
    staleAfter: () => false,
    max: PAGE_LOOKS_MAX,
  });
}
