// A subscription's queue: an async iterator fed by the hub, holding at most a
// bounded number of undelivered items. Either it keeps only the latest (a newer
// summary replaces an undelivered one) or up to `limit` items, past which it
// ends with an error once what it holds is delivered.
//
// Not graphql-yoga's Repeater (with SlidingBuffer / FixedBuffer), which has the same
// policies: a Repeater push costs several promises and closures, and with thousands
// of subscribers of one page that is a large share of an update's fan-out CPU.
// Here an item costs one promise.
import type { SinkCapable } from "./direct-delivery.js";

type Step<T> = IteratorResult<T, undefined>;

export type QueuePolicy = { latestOnly: true } | { limit: number; overflow: () => Error };

export class BoundedQueue<T> implements AsyncIterableIterator<T, undefined>, SinkCapable<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (step: Step<T>) => void; reject: (error: Error) => void } | null = null;
  /** Set once ended; holds the error to raise after the remaining items, if any. */
  private ending: { error: Error | undefined } | null = null;
  /** Called once when the queue ends, however it ends (consumer's return, end(), overflow). */
  onEnd: (() => void) | null = null;
  /**
   * Takes items while the consumer is idle (waiting, everything before delivered)
   * and returns true for each it delivered itself; see direct-delivery.ts.
   */
  sink: ((item: T) => boolean) | null = null;

  constructor(private readonly policy: QueuePolicy) {}

  push(item: T): void {
    if (this.ending) return;
    const waiting = this.waiting;
    if (waiting) {
      if (this.sink?.(item)) return;
      this.waiting = null;
      waiting.resolve({ value: item, done: false });
    } else if ("latestOnly" in this.policy) {
      this.items[0] = item;
    } else if (this.items.length >= this.policy.limit) {
      this.end(this.policy.overflow());
    } else {
      this.items.push(item);
    }
  }

  /** No more items; the consumer gets those still held, then `error` or the end. */
  end(error?: Error): void {
    if (this.ending) return;
    this.ending = { error };
    this.onEnd?.();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting && error) waiting.reject(error);
    else waiting?.resolve({ value: undefined, done: true });
  }

  /** Ends with `error` at once, dropping what is held: nothing more reaches the consumer, directly or not. */
  abort(error: Error): void {
    this.items.length = 0;
    this.end(error);
  }

  next(): Promise<Step<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.ending) {
      const { error } = this.ending;
      this.ending.error = undefined;
      return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** The consumer is done (an unsubscribe): drop what is held. */
  return(): Promise<Step<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
