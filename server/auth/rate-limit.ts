/** A request refused by a limiter; `retryAfterSeconds` is for a Retry-After hint. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAt: Date, now: Date) {
    super("Too many sign-in requests; try again later");
    this.name = "RateLimitedError";
    this.retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  }
}
