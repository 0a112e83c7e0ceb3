// What the summary hub hands its listeners. Every object in an update is shared
// by all listeners of the view it concerns.
import type { PageChange } from "../events.js";
import type { PageSummary } from "../services/page-summary.js";
import type { ComponentStatusEvent, LivePageEvent } from "./live-diff.js";

export type { ComponentStatusEvent, LivePageEvent };

/** A view: a status page (subPageId null) or one of a customer page's sub-pages. */
export interface SummaryKey {
  pageId: string;
  subPageId: string | null;
}

/** What the listeners of one view receive after a change that concerns it. */
export interface SummaryUpdate {
  change: PageChange | null;
  /** The new summary; null when the change left this view as it was. */
  summary: PageSummary | null;
  componentChanges: ComponentStatusEvent[];
  pageEvent: LivePageEvent | null;
}

export interface LiveListener {
  /** The current summary: called once, before any update. */
  start(summary: PageSummary): void;
  update(update: SummaryUpdate): void;
  /** No more updates: the view is gone (no error), the hub closed, or its first summary failed. */
  end(error?: Error): void;
}
