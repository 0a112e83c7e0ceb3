// Fixed-window rate limits counted by rate-limiter-flexible. With Redis, every
// instance counts in the same windows there, so N instances admit the limit, not N
// times it. Without Redis, while it is known to be out, or when it does not answer
// in time, each instance counts on its own (the insurance limiter, in memory):
// limits stay in force, per instance, rather than being lifted or refusing everyone.
//
// Windows are whole multiples of the window length on the app's clock (`now`), and
// the window is part of the key: the library times its records by the real clock,
// the app (and its tests) by an injectable one, and this way the app's clock decides.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible";

/** Where counts shared by every instance are kept (Redis), and whether to ask it now. */
export interface SharedCounterStore {
  client: Redis;
  /** How long a request waits for Redis's count before counting locally. */
  timeoutMs: number;
  /** False while Redis is known to be out, and after a count it did not give, until it answers again. */
  usable(): boolean;
  /** A count did not come from Redis: count locally until Redis answers a PING again. */
  distrust(): void;
}

export interface RateLimiterOptions {
  /** Requests admitted per key per window. */
  limit: number;
  /** A whole number of seconds, in milliseconds. */
  windowMs: number;
}

export interface Admission {
  admitted: boolean;
  /** When the key may next be admitted (`now` when admitted). */
  retryAt: Date;
}

export interface SharedRateLimiter {
  take(key: string, now: Date): Promise<Admission>;
}

/** The local limiter, telling `onUse` each time it counts (after Redis failed to). */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(...args);
  }
}

/** A limiter named `name` (its keys in Redis start `ratelimit:<name>:`), shared through `store` when given. */
export function createSharedRateLimiter(name: string, options: RateLimiterOptions, store?: SharedCounterStore): SharedRateLimiter {
  const { limit, windowMs } = options;
  if (!(Number.isInteger(limit) && limit >= 1 && Number.isInteger(windowMs / 1000) && windowMs > 0)) {
    throw new RangeError("limit must be a positive integer and windowMs a positive whole number of seconds");
  }
  const settings = { points: limit, duration: windowMs / 1000, keyPrefix: `ratelimit:${name}` };
  // One local count per limiter, whether Redis was skipped, failed or was too slow.
  const local = store ? new InsuranceLimiter(settings, () => store.distrust()) : new RateLimiterMemory(settings);
  let shared: RateLimiterAbstract | null = null;
  if (store) {
    // rejectIfRedisNotReady: a disconnected Redis is not waited for, its count is taken locally at once.
    // Only the outer wrapper has the insurance: a Redis count that fails after timing out must not count locally twice.
    const redis = new RateLimiterRedis({ ...settings, storeClient: store.client, rejectIfRedisNotReady: true });
    shared = new RLWrapperTimeouts({ limiter: redis, timeoutMs: store.timeoutMs, insuranceLimiter: local });
  }

  return {
    async take(key, now) {
      const window = Math.floor(now.getTime() / windowMs);
      // Keys may be email addresses: Redis (and memory) hold a hash of them, never the address.
      const id = `${createHash("sha256").update(key).digest("base64url").slice(0, 22)}:${window}`;
      const limiter = shared && store?.usable() ? shared : local;
      try {
        await limiter.consume(id);
        return { admitted: true, retryAt: now };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { admitted: false, retryAt: new Date((window + 1) * windowMs) };
      }
    },
  };
}
