// The last summary computed for each view, kept after its subscribers have gone:
// while the database is unavailable, a new subscriber starts from it (marked
// with `asOf`) rather than being turned away.
import { LRUCache } from "lru-cache";
import type { PageSummary } from "../services/page-summary.js";
import type { SummaryKey } from "./summary-types.js";

/** Views whose last summary is kept at most (least recently used go first). */
export const LAST_SUMMARIES_MAX = 1_000;

const keyOf = (key: SummaryKey) => `${key.pageId}\n${key.subPageId ?? ""}`;

export class LastSummaries {
  private readonly summaries = new LRUCache<string, { summary: PageSummary; at: Date }>({ max: LAST_SUMMARIES_MAX });

  remember(key: SummaryKey, summary: PageSummary): void {
    this.summaries.set(keyOf(key), { summary, at: new Date() });
  }

  /** The view's last summary, marked as such with when it was computed; null when none is known. */
  stale(key: SummaryKey): PageSummary | null {
    const last = this.summaries.get(keyOf(key));
    return last ? { ...last.summary, asOf: last.at.toISOString() } : null;
  }

  /** The page is gone: none of its views has a state to fall back on. */
  forgetPage(pageId: string): void {
    for (const key of [...this.summaries.keys()]) if (key.startsWith(`${pageId}\n`)) this.summaries.delete(key);
  }
}
