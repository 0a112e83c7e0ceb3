// Rate limits that hold across instances. With Redis, every instance counts in
// the same fixed windows there (one INCR per request), so N instances admit the
// limit, not N times it. Without Redis, or while it is unreachable, each instance
// falls back to counting on its own (rate-limit.ts): limits stay in force, per
// instance, rather than being lifted or refusing everyone.
import { createHash } from "node:crypto";
import { createRateLimiter, type RateLimiterOptions } from "./rate-limit.js";

/** A store of per-window counters shared by every instance (Redis). */
export interface WindowCounter {
  /** Counts one hit on `key`, which lives `ttlMs`; the new count, or null when the store cannot answer now. */
  hit(key: string, ttlMs: number): Promise<number | null>;
}

export interface Admission {
  admitted: boolean;
  /** When the key may next be admitted (`now` when admitted). */
  retryAt: Date;
}

export interface SharedRateLimiter {
  take(key: string, now: Date): Promise<Admission>;
}

export function createSharedRateLimiter(name: string, options: RateLimiterOptions, counter?: WindowCounter): SharedRateLimiter {
  const local = createRateLimiter(options);
  const takeLocally = (key: string, now: Date): Admission =>
    local.take(key, now) ? { admitted: true, retryAt: now } : { admitted: false, retryAt: local.retryAt(key, now) };
  if (!counter) return { take: async (key, now) => takeLocally(key, now) };
  return {
    async take(key, now) {
      const window = Math.floor(now.getTime() / options.windowMs);
      // Keys may be email addresses: Redis holds a hash of them, never the address.
      const id = createHash("sha256").update(key).digest("base64url").slice(0, 22);
      const count = await counter.hit(`ratelimit:${name}:${id}:${window}`, options.windowMs);
      if (count === null) return takeLocally(key, now);
      return count <= options.limit ? { admitted: true, retryAt: now } : { admitted: false, retryAt: new Date((window + 1) * options.windowMs) };
    },
  };
}
