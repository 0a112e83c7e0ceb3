// One subscriber's stream of a hub view, with a bounded queue: what a slow
// consumer can make the server hold is capped per subscription. Summaries keep
// only the latest (each one is complete); events are kept up to a limit, past
// which the subscription ends with an error saying why.
//
// The listeners are classes rather than objects of closures: one lives per
// subscriber, and under tsx (keepNames) every named closure has a property store.
import type { PageSummary } from "../services/page-summary.js";
import { BoundedQueue, type QueuePolicy } from "./bounded-queue.js";
import type { LiveListener, SummaryHub, SummaryKey, SummaryUpdate } from "./summary-hub.js";

export const LIVE_LIMITS = {
  /** Undelivered events one subscription may queue before it is ended. */
  maxQueuedEvents: 100,
} as const;

/** Error a subscription ends with when its consumer fell too far behind. */
export class TooFarBehindError extends Error {
  constructor(limit: number) {
    super(`More than ${limit} undelivered events: the subscription was ended. Subscribe again (pageStatus starts from the current summary).`);
    this.name = "TooFarBehindError";
  }
}

const LATEST_ONLY: QueuePolicy = { latestOnly: true };
const EVENTS: QueuePolicy = { limit: LIVE_LIMITS.maxQueuedEvents, overflow: () => new TooFarBehindError(LIVE_LIMITS.maxQueuedEvents) };

class SummaryFeed implements LiveListener {
  constructor(private readonly queue: BoundedQueue<PageSummary>) {}
  start(summary: PageSummary): void {
    this.queue.push(summary);
  }
  update(update: SummaryUpdate): void {
    if (update.summary) this.queue.push(update.summary);
  }
  end(error?: Error): void {
    this.queue.end(error);
  }
}

class EventFeed<T> implements LiveListener {
  constructor(
    private readonly queue: BoundedQueue<T>,
    private readonly pick: (update: SummaryUpdate) => readonly T[],
  ) {}
  start(): void {}
  update(update: SummaryUpdate): void {
    for (const item of this.pick(update)) this.queue.push(item);
  }
  end(error?: Error): void {
    this.queue.end(error);
  }
}

/** The current summary, then each summary a change alters; an overtaken one is dropped. */
export function summaryStream(hub: SummaryHub, key: SummaryKey): BoundedQueue<PageSummary> {
  const queue = new BoundedQueue<PageSummary>(LATEST_ONLY);
  queue.onEnd = hub.listen(key, new SummaryFeed(queue));
  return queue;
}

/** The items `pick` takes from each update, all of them, in order, up to LIVE_LIMITS.maxQueuedEvents waiting. */
export function eventStream<T>(hub: SummaryHub, key: SummaryKey, pick: (update: SummaryUpdate) => readonly T[]): BoundedQueue<T> {
  const queue = new BoundedQueue<T>(EVENTS);
  queue.onEnd = hub.listen(key, new EventFeed(queue, pick));
  return queue;
}
