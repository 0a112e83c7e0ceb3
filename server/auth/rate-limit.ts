// A fixed-window rate limiter held in memory. No rate-limiting library is
// installed, and the need is small: sign-in requests per address and per client,
// mutations per key and per client. It counts for one instance; with Redis the
// limits are shared between instances (shared-rate-limit.ts) and this is the
// fallback while Redis is unreachable.

export interface RateLimiterOptions {
  /** Requests admitted per key per window. */
  limit: number;
  windowMs: number;
  /** Most keys remembered at once; beyond it the oldest window is forgotten. */
  maxKeys?: number;
}

export interface RateLimiter {
  /** Counts one request for `key`; false when the key has used up its window. */
  take(key: string, now: Date): boolean;
  /** When `key` may next be admitted (`now` when it may be already). */
  retryAt(key: string, now: Date): Date;
  /** Keys currently remembered (for tests and metrics). */
  readonly size: number;
}

interface Window {
  count: number;
  endsAt: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, maxKeys = 10_000 } = options;
  if (!(limit >= 1 && windowMs > 0 && maxKeys >= 1)) throw new RangeError("limit, windowMs and maxKeys must be positive");
  // Map keeps insertion order, and a key is re-inserted when its window restarts,
  // so the first entries are the oldest windows.
  const windows = new Map<string, Window>();
  let nextSweep = 0;

  function sweep(at: number): void {
    for (const [key, w] of windows) if (w.endsAt <= at) windows.delete(key);
    nextSweep = at + windowMs;
  }

  function current(key: string, at: number): Window | undefined {
    const w = windows.get(key);
    if (w && w.endsAt > at) return w;
    if (w) windows.delete(key);
    return undefined;
  }

  return {
    take(key, now) {
      const at = now.getTime();
      if (at >= nextSweep) sweep(at);
      const w = current(key, at);
      if (w) {
        if (w.count >= limit) return false;
        w.count += 1;
        return true;
      }
      if (windows.size >= maxKeys) sweep(at);
      // Still full: forget the oldest window. Spraying keys can then reset some
      // counts early, which beats refusing every new key (a lock-out for all).
      while (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
      windows.set(key, { count: 1, endsAt: at + windowMs });
      return true;
    },
    retryAt(key, now) {
      const w = current(key, now.getTime());
      return w && w.count >= limit ? new Date(w.endsAt) : now;
    },
    get size() {
      return windows.size;
    },
  };
}

/** A request refused by a limiter; `retryAfterSeconds` is for a Retry-After hint. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAt: Date, now: Date) {
    super("Too many sign-in requests; try again later");
    this.name = "RateLimitedError";
    this.retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  }
}
