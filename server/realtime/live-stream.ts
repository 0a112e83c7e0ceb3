// One subscriber's stream of a hub view, with a bounded queue: what a slow
// consumer can make the server hold is capped per subscription. Summaries keep
// only the latest (each one is complete); events are kept up to a limit, past
// which the subscription ends with an error saying why.
//
// The listeners are classes rather than objects of closures: one lives per
// subscriber, and under tsx (keepNames) every named closure has a property store.
import { FixedBuffer, Repeater, SlidingBuffer } from "graphql-yoga";
import type { PageSummary } from "../services/page-summary.js";
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

type Push<T> = (value: T) => Promise<unknown>;
type Stop = (error?: Error) => unknown;

class SummaryFeed implements LiveListener {
  constructor(
    private readonly push: Push<PageSummary>,
    private readonly stop: Stop,
  ) {}
  start(summary: PageSummary): void {
    void this.push(summary);
  }
  update(update: SummaryUpdate): void {
    if (update.summary) void this.push(update.summary);
  }
  end(error?: Error): void {
    this.stop(error);
  }
}

class EventFeed<T> implements LiveListener {
  constructor(
    private readonly push: Push<T>,
    private readonly stop: Stop,
    private readonly buffer: FixedBuffer,
    private readonly pick: (update: SummaryUpdate) => readonly T[],
  ) {}
  start(): void {}
  update(update: SummaryUpdate): void {
    for (const item of this.pick(update)) {
      // A waiting consumer takes the item directly, so a full buffer means it is not keeping up.
      if (this.buffer.full) return void this.stop(new TooFarBehindError(LIVE_LIMITS.maxQueuedEvents));
      void this.push(item);
    }
  }
  end(error?: Error): void {
    this.stop(error);
  }
}

/** The current summary, then each summary a change alters; an overtaken one is dropped. */
export function summaryStream(hub: SummaryHub, key: SummaryKey): AsyncIterable<PageSummary> {
  return new Repeater<PageSummary>(async (push, stop) => {
    const unsubscribe = hub.listen(key, new SummaryFeed(push, stop));
    await stop;
    unsubscribe();
  }, new SlidingBuffer(1));
}

/** The items `pick` takes from each update, all of them, in order, up to LIVE_LIMITS.maxQueuedEvents waiting. */
export function eventStream<T>(hub: SummaryHub, key: SummaryKey, pick: (update: SummaryUpdate) => readonly T[]): AsyncIterable<T> {
  const buffer = new FixedBuffer(LIVE_LIMITS.maxQueuedEvents);
  return new Repeater<T>(async (push, stop) => {
    const unsubscribe = hub.listen(key, new EventFeed(push, stop, buffer, pick));
    await stop;
    unsubscribe();
  }, buffer);
}
