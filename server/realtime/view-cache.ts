// Which view a page slug (and sub-page slug) names, remembered while the page is
// watched. Looking it up is the only database work a new subscription does, and
// thousands of clients reconnecting at once (after a deploy) would each do it.
// Any change announced for the page drops its entries (a renamed page or sub-page,
// a customer added or removed), and so does a resync after missed events.
// Only the lookup is remembered; who may see the view is decided every time.
// The last view each slug named is also kept, past those drops, for while the
// database is unavailable: a new subscriber then still finds its view.
import { LRUCache } from "lru-cache";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import type { PageKind } from "../generated/sqlite/client.js";

export interface ResolvedView {
  pageId: string;
  kind: PageKind;
  /** Null when no sub-page was asked for, or none has that slug. */
  subPageId: string | null;
}

export class ViewCache {
  private readonly entries = new Map<string, ResolvedView>();
  private readonly keysByPage = new Map<string, Set<string>>();
  private readonly lastKnown = new LRUCache<string, ResolvedView>({ max: 1_000 });
  /** Bumped by every drop: a lookup that straddles one is not remembered. */
  private version = 0;

  constructor(private readonly watched: (pageId: string) => boolean) {}

  /** The view, from memory or from `load` (null: no such page). */
  async resolve(pageSlug: string, subPageSlug: string | null, load: () => Promise<ResolvedView | null>): Promise<ResolvedView | null> {
    const key = `${pageSlug}\n${subPageSlug ?? ""}`;
    const known = this.entries.get(key);
    if (known) return known;
    const version = this.version;
    let view: ResolvedView | null;
    try {
      view = await load();
    } catch (error) {
      const last = isDatabaseUnavailable(error) ? this.lastKnown.get(key) : undefined;
      if (!last) throw error;
      return last;
    }
    if (view && version === this.version) this.lastKnown.set(key, view);
    if (view && version === this.version && this.watched(view.pageId)) {
      this.entries.set(key, view);
      let keys = this.keysByPage.get(view.pageId);
      if (!keys) this.keysByPage.set(view.pageId, (keys = new Set()));
      keys.add(key);
    }
    return view;
  }

  dropPage(pageId: string): void {
    this.version++;
    for (const key of this.keysByPage.get(pageId) ?? []) this.entries.delete(key);
    this.keysByPage.delete(pageId);
  }

  clear(): void {
    this.version++;
    this.entries.clear();
    this.keysByPage.clear();
  }
}
