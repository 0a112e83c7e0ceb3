// Live summaries, computed once per change for every watched view of a page (in
// one batch of statements) and shared by all subscribers of the same page or
// sub-page. Listeners receive the shared objects, so resolving a subscriber's
// event does no database work. While the database is unavailable, new subscribers
// start from the last summary computed for their view (marked with `asOf`) and the
// page is recomputed every `retryMs` until it answers; then they get the current one.
import type { Db } from "../db/client.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { NotFoundError, ServiceUnavailableError } from "../errors.js";
import type { Events, PageChange } from "../events.js";
import { computePageSummaries, type PageSummary } from "../services/page-summary.js";
import { componentChanges, olderThan, pageEventFor } from "./live-diff.js";
import { NewestSequences } from "./newest-sequences.js";
import { sharedPayload } from "./shared-execution.js";
import { LastSummaries } from "./last-summaries.js";
import { inSlices } from "./slices.js";
import type { ComponentStatusEvent, LiveListener, LivePageEvent, SummaryKey, SummaryUpdate } from "./summary-types.js";
import { ViewCache, type ResolvedView } from "./view-cache.js";
import { defaultLogger, type Logger } from "../logger.js";

const shareIfAny = <T extends object>(payload: T | null) => payload && sharedPayload(payload);

export type { ComponentStatusEvent, LiveListener, LivePageEvent, ResolvedView, SummaryKey, SummaryUpdate };

interface Channel {
  key: SummaryKey;
  state: { summary: PageSummary; json: string } | null;
  /** Listeners, and whether each has been started. */
  members: Map<LiveListener, boolean>;
}

interface PageWatch {
  channels: Map<string | null, Channel>;
  /** Computations for this page run one at a time, in event order. */
  queue: Promise<void>;
  /** Events older than one already sent are not sent (see newest-sequences.ts). */
  newest: NewestSequences;
  /** The next recomputation while the database is unavailable. */
  retry: NodeJS.Timeout | null;
  stop(): void;
}

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

export function createSummaryHub(options: SummaryHubOptions) {
  const pages = new Map<string, PageWatch>();
  const views = new ViewCache((pageId) => pages.has(pageId));
  const lastSummaries = new LastSummaries();
  const log = options.log ?? defaultLogger();
  const retryMs = options.retryMs ?? SUMMARY_RETRY_MS;

  function enqueue(pageId: string, watch: PageWatch, change: PageChange | null, initial: boolean): void {
    watch.queue = watch.queue
      .then(() => refresh(pageId, watch, change, initial))
      .catch((error: unknown) => log.error({ err: error, pageId }, "Live summaries failed"));
  }

  /** Recomputes the page's views (only those without a summary yet when `initial`) and tells their listeners. */
  async function refresh(pageId: string, watch: PageWatch, change: PageChange | null, initial: boolean): Promise<void> {
    if (!initial) await options.beforeUpdate?.(pageId, change).catch((error: unknown) => log.error({ err: error, pageId }, "Live access check failed"));
    const fresh = change === null || watch.newest.admit(change);
    const channels = [...watch.channels.values()].filter((c) => (initial ? c.state === null : c.state !== null));
    if (channels.length === 0) return;
    let results: (PageSummary | NotFoundError)[];
    try {
      results = await computePageSummaries(
        options.db,
        pageId,
        channels.map((c) => c.key.subPageId),
        options.now(),
      );
    } catch (error) {
      // The page is gone: its views end. Anything else keeps the last summary until the next change.
      if (error instanceof NotFoundError) {
        lastSummaries.forgetPage(pageId);
        results = channels.map(() => error);
      } else if (isDatabaseUnavailable(error)) return fallBack(pageId, watch, channels, initial);
      else if (!initial) throw error;
      else {
        // Subscribers are told it failed, not why: the cause is ours to log.
        log.error({ err: error, pageId }, "Live summaries failed");
        return void channels.forEach((c) => endChannel(watch, c, new Error("Live updates for this page are unavailable right now; subscribe again later.")));
      }
    }
    const at = change?.at ?? options.now().toISOString();
    for (const [i, channel] of channels.entries()) {
      const result = results[i]!;
      if (result instanceof NotFoundError) {
        endChannel(watch, channel);
        continue;
      }
      const before = channel.state;
      // A summary older than the one sent leaves the view as it was.
      const after = before && olderThan(result, before.summary) ? before.summary : result;
      lastSummaries.remember(channel.key, after);
      channel.state = after === before?.summary ? before : { summary: sharedPayload(after), json: JSON.stringify(after) };
      if (!before) {
        await inSlices([...channel.members.keys()], (l) => void (channel.members.has(l) && start(channel, l)));
        continue;
      }
      const changed = channel.state.json !== before.json;
      if (!changed) channel.state = before;
      // Every subscriber of the view gets these very objects (see shared-execution.ts).
      const update: SummaryUpdate = {
        change,
        summary: changed ? after : null,
        componentChanges: changed ? componentChanges(before.summary, after, change, at).map(sharedPayload) : [],
        pageEvent: fresh ? shareIfAny(pageEventFor(change, before.summary, after)) : null,
      };
      if (!update.summary && !update.pageEvent) continue;
      const started: LiveListener[] = [];
      for (const [listener, isStarted] of channel.members) if (isStarted) started.push(listener);
      // Only those still subscribed when their slice comes up.
      await inSlices(started, (l) => void (channel.members.has(l) && call(l, "update", update)));
      if (change) options.delivered?.(change);
    }
  }

  /**
   * The database did not answer: views without a summary yet start from their last
   * known one (or end, when there is none), views with one keep it, and the page is
   * tried again in `retryMs`.
   */
  async function fallBack(pageId: string, watch: PageWatch, channels: Channel[], initial: boolean): Promise<void> {
    if (!watch.retry) {
      watch.retry = setTimeout(() => {
        watch.retry = null;
        if (pages.get(pageId) === watch) enqueue(pageId, watch, null, false);
      }, retryMs);
      watch.retry.unref();
    }
    if (!initial) return;
    for (const channel of channels) {
      const last = lastSummaries.stale(channel.key);
      if (!last) {
        endChannel(watch, channel, new ServiceUnavailableError());
        continue;
      }
      channel.state = { summary: sharedPayload(last), json: JSON.stringify(last) };
      await inSlices([...channel.members.keys()], (l) => void (channel.members.has(l) && start(channel, l)));
    }
  }

  function start(channel: Channel, listener: LiveListener): void {
    channel.members.set(listener, true);
    call(listener, "start", channel.state!.summary);
  }

  function call<M extends keyof LiveListener>(listener: LiveListener, method: M, arg: Parameters<LiveListener[M]>[0]): void {
    // One faulty listener must not keep the others from their update.
    try {
      (listener[method] as (a: typeof arg) => void).call(listener, arg);
    } catch (error) {
      log.error({ err: error }, "A live listener failed");
    }
  }

  function endChannel(watch: PageWatch, channel: Channel, error?: Error): void {
    const listeners = [...channel.members.keys()];
    channel.members.clear();
    if (watch.channels.get(channel.key.subPageId) === channel) watch.channels.delete(channel.key.subPageId);
    unwatchIfIdle(channel.key.pageId, watch);
    for (const listener of listeners) call(listener, "end", error);
  }

  function watchPage(pageId: string): PageWatch {
    const iterator = options.events.subscribe("page:changed", pageId)[Symbol.asyncIterator]();
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
        views.dropPage(pageId);
        enqueue(pageId, watch, next.value, false);
      }
    })();
    // The first summaries queue behind the bus's confirmation of that listener.
    if (options.subscribed) watch.queue = options.subscribed(`page:changed:${pageId}`).catch(() => {});
    return watch;
  }

  function release(pageId: string, watch: PageWatch, channel: Channel, listener: LiveListener): void {
    if (!channel.members.delete(listener) || channel.members.size > 0) return;
    if (watch.channels.get(channel.key.subPageId) === channel) watch.channels.delete(channel.key.subPageId);
    unwatchIfIdle(pageId, watch);
  }

  function unwatchIfIdle(pageId: string, watch: PageWatch): void {
    if (watch.channels.size > 0 || pages.get(pageId) !== watch) return;
    watch.stop();
    pages.delete(pageId);
    views.dropPage(pageId);
  }

  return {
    /**
     * Adds a listener to a view. It starts with the current summary (so a reconnecting
     * client resyncs), then gets every update; returns the unsubscribe function.
     */
    listen(key: SummaryKey, listener: LiveListener): () => void {
      let watch = pages.get(key.pageId);
      if (!watch) pages.set(key.pageId, (watch = watchPage(key.pageId)));
      let channel = watch.channels.get(key.subPageId);
      if (!channel) {
        channel = { key, state: null, members: new Map() };
        watch.channels.set(key.subPageId, channel);
        // Queued behind pending changes, so the first summary is never older than they are.
        enqueue(key.pageId, watch, null, true);
      }
      if (channel.state) start(channel, listener);
      else channel.members.set(listener, false);
      const [w, c] = [watch, channel];
      return () => release(key.pageId, w, c, listener);
    },
    /** Which view the slugs name (null: no such page); `load` looks it up when it is not known. */
    resolveView: (pageSlug: string, subPageSlug: string | null, load: () => Promise<ResolvedView | null>) => views.resolve(pageSlug, subPageSlug, load),
    /** Recomputes every watched view, e.g. after the event bus reconnects and changes may have been missed. */
    async resync(): Promise<void> {
      views.clear();
      for (const [pageId, watch] of pages) enqueue(pageId, watch, null, false);
      await Promise.all([...pages.values()].map((w) => w.queue));
    },
    stats() {
      const channels = [...pages.values()].flatMap((w) => [...w.channels.values()]);
      return { pages: pages.size, channels: channels.length, listeners: channels.reduce((n, c) => n + c.members.size, 0) };
    },
    /** Listeners of each watched page, its sub-pages' included, by page id. */
    listenersByPage(): Map<string, number> {
      return new Map([...pages].map(([id, watch]) => [id, [...watch.channels.values()].reduce((n, c) => n + c.members.size, 0)]));
    },
    /** Ends every listener (their subscriptions complete) and stops watching. */
    close(): void {
      for (const watch of [...pages.values()]) {
        watch.stop();
        for (const channel of [...watch.channels.values()]) endChannel(watch, channel);
      }
      pages.clear();
      views.clear();
    },
  };
}

export type SummaryHub = ReturnType<typeof createSummaryHub>;
