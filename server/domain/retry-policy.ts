// When a failed delivery is tried again, per kind of recipient. Email backs off
// exponentially for a few hours; a webhook follows a fixed schedule that keeps trying
// for more than a day (receivers go down for maintenance, deploys, whole nights),
// each wait spread by jitter so endpoints that failed together are not retried together.

/** Exponential backoff: `baseMs`, doubling per attempt up to `capMs`; `maxAttempts` in all. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

/** Email: 30 s, 1 m, 2 m, … up to 1 h between attempts, 8 attempts. */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 60 * 60_000, maxAttempts: 8 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits after each failed webhook attempt, before jitter: 9 retries, 10 attempts, about 34.5 hours in all. */
export const WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [30_000, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 12 * HOUR];

/** Each webhook wait is moved by up to this share of itself, earlier or later. */
export const WEBHOOK_JITTER = 0.1;

/**
 * How long to wait before the next attempt, once `attemptsMade` attempts (at least 1)
 * have failed; null when none is left. `random` is in [0, 1) (Math.random), so the
 * function stays pure.
 */
export function retryDelayMs(kind: "EMAIL" | "WEBHOOK", attemptsMade: number, random: number, email: RetryPolicy = DEFAULT_RETRY): number | null {
  if (kind === "EMAIL") {
    if (attemptsMade >= email.maxAttempts) return null;
    return Math.min(email.baseMs * 2 ** (attemptsMade - 1), email.capMs);
  }
  const wait = WEBHOOK_RETRY_SCHEDULE_MS[attemptsMade - 1];
  if (wait === undefined) return null;
  return Math.round(wait * (1 + WEBHOOK_JITTER * (2 * random - 1)));
}

/** Attempts a webhook delivery gets in all: the first and one per scheduled retry. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SCHEDULE_MS.length + 1;

/**
 * An endpoint that has failed this many attempts in a row (any deliveries, no success
 * between), the first of them at least `spanMs` ago, is disabled even while each
 * delivery still has retries left: it has been down a whole day for everything sent to it.
 */
export interface FailureStreakPolicy {
  failures: number;
  spanMs: number;
}

export const WEBHOOK_FAILURE_STREAK: FailureStreakPolicy = { failures: 10, spanMs: 24 * HOUR };

/** Whether `failures` attempts failed in a row, the first at `firstFailedAt`, call for disabling the endpoint at `now`. */
export function streakDisables(failures: number, firstFailedAt: Date | null, now: Date, policy: FailureStreakPolicy = WEBHOOK_FAILURE_STREAK): boolean {
  return firstFailedAt !== null && failures >= policy.failures && now.getTime() - firstFailedAt.getTime() >= policy.spanMs;
}
