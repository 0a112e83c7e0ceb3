/**
 * The views a summary hub watches, and how their listeners are told.
 *
 * A `Channel` is one view (a page or a sub-page) with its listeners; a `PageWatch`
 * is a page's channels with the subscription to its change events.
 */
import type { PageSummary } from "../services/page-summary.js";
import type { Logger } from "../logger.js";
import type { NewestSequences } from "./newest-sequences.js";
import { sharedPayload } from "./shared-execution.js";
import { inSlices } from "./slices.js";
import type { LiveListener, SummaryKey } from "./summary-types.js";

/** One view and its listeners. */
export interface Channel {
  key: SummaryKey;
  state: ChannelState | null;
  /** Listeners, and whether each has been started. */
  members: Map<LiveListener, boolean>;
}

/** The summary a view's listeners last got, and its JSON (to tell whether a new one differs). */
export interface ChannelState {
  summary: PageSummary;
  json: string;
}

/** The watched views of one page. */
export interface PageWatch {
  channels: Map<string | null, Channel>;
  /** Computations for this page run one at a time, in event order. */
  queue: Promise<void>;
  /** Events older than one already sent are not sent (see newest-sequences.ts). */
  newest: NewestSequences;
  /** The next recomputation while the database is unavailable. */
  retry: NodeJS.Timeout | null;
  stop(): void;
}

/** A channel state for `summary`, shared by every listener of the view. */
export function channelState(summary: PageSummary): ChannelState {
  return { summary: sharedPayload(summary), json: JSON.stringify(summary) };
}

/** Calls one listener; one faulty listener must not keep the others from their update. */
export function notify<M extends keyof LiveListener>(log: Logger, listener: LiveListener, method: M, arg: Parameters<LiveListener[M]>[0]): void {
  try {
    (listener[method] as (a: typeof arg) => void).call(listener, arg);
  } catch (error) {
    log.error({ err: error }, "A live listener failed");
  }
}

/** Starts a listener with the channel's current summary. */
export function startListener(log: Logger, channel: Channel, listener: LiveListener): void {
  channel.members.set(listener, true);
  notify(log, listener, "start", channel.state!.summary);
}

/** Starts every listener still waiting for the channel's first summary (in slices: see slices.ts). */
export function startAll(log: Logger, channel: Channel): Promise<void> {
  return inSlices([...channel.members.keys()], (l) => void (channel.members.has(l) && startListener(log, channel, l)));
}
