/**
 * Recomputing a watched page's views after a change, and telling their listeners.
 *
 * Every watched view of the page is computed in one batch of statements; each
 * listener of a view receives the same update objects. While the database is
 * unavailable, new listeners start from the last summary computed for their view
 * and the page is tried again after a while.
 */
import type { Db } from "../db/client.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { NotFoundError, ServiceUnavailableError } from "../errors.js";
import type { PageChange } from "../events.js";
import type { Logger } from "../logger.js";
import { computePageSummaries, type PageSummary } from "../services/page-summary.js";
import type { LastSummaries } from "./last-summaries.js";
import { componentChanges, olderThan, pageEventFor } from "./live-diff.js";
import { sharedPayload } from "./shared-execution.js";
import { inSlices } from "./slices.js";
import { channelState, notify, startAll, type Channel, type PageWatch } from "./summary-channel.js";
import type { LiveListener, SummaryUpdate } from "./summary-types.js";

/** What a refresh needs of its hub. */
export interface RefreshDeps {
  db: Db;
  now: () => Date;
  log: Logger;
  lastSummaries: LastSummaries;
  retryMs: number;
  beforeUpdate?: (pageId: string, change: PageChange | null) => Promise<void>;
  delivered?: (change: PageChange) => void;
  /** Ends a view: its listeners are told (with `error`, if any) and dropped. */
  endChannel(watch: PageWatch, channel: Channel, error?: Error): void;
  /** Queues another refresh of the page, if `watch` still watches it. */
  retry(pageId: string, watch: PageWatch): void;
}

const shareIfAny = <T extends object>(payload: T | null) => payload && sharedPayload(payload);

/** Recomputes the page's views (only those without a summary yet when `initial`) and tells their listeners. */
export async function refreshPage(deps: RefreshDeps, pageId: string, watch: PageWatch, change: PageChange | null, initial: boolean): Promise<void> {
  const { log } = deps;
  if (!initial) await deps.beforeUpdate?.(pageId, change).catch((error: unknown) => log.error({ err: error, pageId }, "Live access check failed"));
  const fresh = change === null || watch.newest.admit(change);
  const channels = [...watch.channels.values()].filter((c) => (initial ? c.state === null : c.state !== null));
  if (channels.length === 0) return;
  const results = await computeViews(deps, pageId, watch, channels, initial);
  if (!results) return;
  const at = change?.at ?? deps.now().toISOString();
  for (const [i, channel] of channels.entries()) {
    const result = results[i]!;
    if (result instanceof NotFoundError) deps.endChannel(watch, channel);
    else await applySummary(deps, channel, result, { change, at, fresh });
  }
}

/** The views' new summaries (a NotFoundError for a view that is gone), or null when the failure was handled here. */
async function computeViews(
  deps: RefreshDeps,
  pageId: string,
  watch: PageWatch,
  channels: Channel[],
  initial: boolean,
): Promise<(PageSummary | NotFoundError)[] | null> {
  try {
    return await computePageSummaries(
      deps.db,
      pageId,
      channels.map((c) => c.key.subPageId),
      deps.now(),
    );
  } catch (error) {
    // The page is gone: its views end. Anything else keeps the last summary until the next change.
    if (error instanceof NotFoundError) {
      deps.lastSummaries.forgetPage(pageId);
      return channels.map(() => error);
    }
    if (isDatabaseUnavailable(error)) return fallBack(deps, pageId, watch, channels, initial).then(() => null);
    if (!initial) throw error;
    // Subscribers are told it failed, not why: the cause is ours to log.
    deps.log.error({ err: error, pageId }, "Live summaries failed");
    for (const c of channels) deps.endChannel(watch, c, new Error("Live updates for this page are unavailable right now; subscribe again later."));
    return null;
  }
}

/** Gives one view its new summary: its first (listeners start), or an update for those started. */
async function applySummary(deps: RefreshDeps, channel: Channel, result: PageSummary, event: { change: PageChange | null; at: string; fresh: boolean }) {
  const { change, at, fresh } = event;
  const before = channel.state;
  // A summary older than the one sent leaves the view as it was.
  const after = before && olderThan(result, before.summary) ? before.summary : result;
  deps.lastSummaries.remember(channel.key, after);
  channel.state = after === before?.summary ? before : channelState(after);
  if (!before) return startAll(deps.log, channel);
  const changed = channel.state.json !== before.json;
  if (!changed) channel.state = before;
  // Every subscriber of the view gets these very objects (see shared-execution.ts).
  const update: SummaryUpdate = {
    change,
    summary: changed ? after : null,
    componentChanges: changed ? componentChanges(before.summary, after, change, at).map(sharedPayload) : [],
    pageEvent: fresh ? shareIfAny(pageEventFor(change, before.summary, after)) : null,
  };
  if (!update.summary && !update.pageEvent) return;
  const started: LiveListener[] = [];
  for (const [listener, isStarted] of channel.members) if (isStarted) started.push(listener);
  // Only those still subscribed when their slice comes up.
  await inSlices(started, (l) => void (channel.members.has(l) && notify(deps.log, l, "update", update)));
  if (change) deps.delivered?.(change);
}

/**
 * The database did not answer: views without a summary yet start from their last
 * known one (or end, when there is none), views with one keep it, and the page is
 * tried again in `retryMs`.
 */
async function fallBack(deps: RefreshDeps, pageId: string, watch: PageWatch, channels: Channel[], initial: boolean): Promise<void> {
  if (!watch.retry) {
    watch.retry = setTimeout(() => {
      watch.retry = null;
      deps.retry(pageId, watch);
    }, deps.retryMs);
    watch.retry.unref();
  }
  if (!initial) return;
  for (const channel of channels) {
    const last = deps.lastSummaries.stale(channel.key);
    if (!last) {
      deps.endChannel(watch, channel, new ServiceUnavailableError());
      continue;
    }
    channel.state = channelState(last);
    await startAll(deps.log, channel);
  }
}
