/**
 * Live summaries, computed once per change for every watched view of a page (in
 * one batch of statements, summary-refresh.ts) and shared by all subscribers of the
 * same page or sub-page. Listeners receive the shared objects, so resolving a
 * subscriber's event does no database work. While the database is unavailable, new
 * subscribers start from the last summary computed for their view (marked with
 * `asOf`) and the page is recomputed every `retryMs` until it answers; then they get
 * the current one.
 */
import type { Db } from "../db/client.js";
import type { Events, PageChange } from "../events.js";
import { LastSummaries } from "./last-summaries.js";
import { NewestSequences } from "./newest-sequences.js";
import { notify, startListener, type Channel, type PageWatch } from "./summary-channel.js";
import { refreshPage, type RefreshDeps } from "./summary-refresh.js";
import type { ComponentStatusEvent, LiveListener, LivePageEvent, SummaryKey, SummaryUpdate } from "./summary-types.js";
import { ViewCache, type ResolvedView } from "./view-cache.js";
import { defaultLogger, type Logger } from "../logger.js";

export type { ComponentStatusEvent, LiveListener, LivePageEvent, ResolvedView, SummaryKey, SummaryUpdate };

/** How often a page whose summaries could not be computed (database unavailable) is tried again. */
export const SUMMARY_RETRY_MS = 2_000;

export interface SummaryHubOptions {
  db: Db;
  events: Events;
  now: () => Date;
  log?: Logger;
  /**
   * Settles once the event bus has confirmed a topic subscription (Redis's SUBSCRIBE):
   * a view's first summary is read only then, so no change falls between the two.
   */
  subscribed?: (topic: string) => Promise<void>;
  /** Runs before a change's updates are computed and sent: the place to end subscriptions whose access it ended. */
  beforeUpdate?: (pageId: string, change: PageChange | null) => Promise<void>;
  /** Called once a change's update has been handed to every listener of a view: once per change and view. */
  delivered?: (change: PageChange) => void;
  /** How often to try again while the database is unavailable (default SUMMARY_RETRY_MS). */
  retryMs?: number;
}

/** The summary hub: views are watched while they have listeners, and recomputed on each change of their page. */
export class SummaryHub {
  private readonly pages = new Map<string, PageWatch>();
  private readonly views = new ViewCache((pageId) => this.pages.has(pageId));
  private readonly log: Logger;
  private readonly deps: RefreshDeps;

  constructor(private readonly options: SummaryHubOptions) {
    this.log = options.log ?? defaultLogger();
    this.deps = {
      db: options.db,
      now: options.now,
      log: this.log,
      lastSummaries: new LastSummaries(),
      retryMs: options.retryMs ?? SUMMARY_RETRY_MS,
      beforeUpdate: options.beforeUpdate,
      delivered: options.delivered,
      endChannel: (watch, channel, error) => this.endChannel(watch, channel, error),
      retry: (pageId, watch) => {
        if (this.pages.get(pageId) === watch) this.enqueue(pageId, watch, null, false);
      },
    };
  }

  /**
   * Adds a listener to a view. It starts with the current summary (so a reconnecting
   * client resyncs), then gets every update; returns the unsubscribe function.
   */
  listen(key: SummaryKey, listener: LiveListener): () => void {
    let watch = this.pages.get(key.pageId);
    if (!watch) this.pages.set(key.pageId, (watch = this.watchPage(key.pageId)));
    let channel = watch.channels.get(key.subPageId);
    if (!channel) {
      channel = { key, state: null, members: new Map() };
      watch.channels.set(key.subPageId, channel);
      // Queued behind pending changes, so the first summary is never older than they are.
      this.enqueue(key.pageId, watch, null, true);
    }
    if (channel.state) startListener(this.log, channel, listener);
    else channel.members.set(listener, false);
    const [w, c] = [watch, channel];
    return () => this.release(key.pageId, w, c, listener);
  }

  /** Which view the slugs name (null: no such page); `load` looks it up when it is not known. */
  resolveView(pageSlug: string, subPageSlug: string | null, load: () => Promise<ResolvedView | null>) {
    return this.views.resolve(pageSlug, subPageSlug, load);
  }

  /** Recomputes every watched view, e.g. after the event bus reconnects and changes may have been missed. */
  async resync(): Promise<void> {
    this.views.clear();
    for (const [pageId, watch] of this.pages) this.enqueue(pageId, watch, null, false);
    await Promise.all([...this.pages.values()].map((w) => w.queue));
  }

  stats() {
    const channels = [...this.pages.values()].flatMap((w) => [...w.channels.values()]);
    return { pages: this.pages.size, channels: channels.length, listeners: channels.reduce((n, c) => n + c.members.size, 0) };
  }

  /** Listeners of each watched page, its sub-pages' included, by page id. */
  listenersByPage(): Map<string, number> {
    return new Map([...this.pages].map(([id, watch]) => [id, [...watch.channels.values()].reduce((n, c) => n + c.members.size, 0)]));
  }

  /** Ends every listener (their subscriptions complete) and stops watching. */
  close(): void {
    for (const watch of [...this.pages.values()]) {
      watch.stop();
      for (const channel of [...watch.channels.values()]) this.endChannel(watch, channel);
    }
    this.pages.clear();
    this.views.clear();
  }

  private enqueue(pageId: string, watch: PageWatch, change: PageChange | null, initial: boolean): void {
    watch.queue = watch.queue
      .then(() => refreshPage(this.deps, pageId, watch, change, initial))
      .catch((error: unknown) => this.log.error({ err: error, pageId }, "Live summaries failed"));
  }

  private endChannel(watch: PageWatch, channel: Channel, error?: Error): void {
    const listeners = [...channel.members.keys()];
    channel.members.clear();
    if (watch.channels.get(channel.key.subPageId) === channel) watch.channels.delete(channel.key.subPageId);
    this.unwatchIfIdle(channel.key.pageId, watch);
    for (const listener of listeners) notify(this.log, listener, "end", error);
  }

  private watchPage(pageId: string): PageWatch {
    const iterator = this.options.events.subscribe("page:changed", pageId)[Symbol.asyncIterator]();
    const watch: PageWatch = {
      channels: new Map(),
      queue: Promise.resolve(),
      retry: null,
      newest: new NewestSequences(),
      stop: () => {
        if (watch.retry) clearTimeout(watch.retry);
        void iterator.return?.();
      },
    };
    void (async () => {
      // The first next() registers the topic listener synchronously: no change is missed.
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        this.views.dropPage(pageId);
        this.enqueue(pageId, watch, next.value, false);
      }
    })();
    // The first summaries queue behind the bus's confirmation of that listener.
    if (this.options.subscribed) watch.queue = this.options.subscribed(`page:changed:${pageId}`).catch(() => {});
    return watch;
  }

  private release(pageId: string, watch: PageWatch, channel: Channel, listener: LiveListener): void {
    if (!channel.members.delete(listener) || channel.members.size > 0) return;
    if (watch.channels.get(channel.key.subPageId) === channel) watch.channels.delete(channel.key.subPageId);
    this.unwatchIfIdle(pageId, watch);
  }

  private unwatchIfIdle(pageId: string, watch: PageWatch): void {
    if (watch.channels.size > 0 || this.pages.get(pageId) !== watch) return;
    watch.stop();
    this.pages.delete(pageId);
    this.views.dropPage(pageId);
  }
}

/** A summary hub with `options`. */
export function createSummaryHub(options: SummaryHubOptions): SummaryHub {
  return new SummaryHub(options);
}
