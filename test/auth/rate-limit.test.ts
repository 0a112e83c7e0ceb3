import { describe, expect, it } from "vitest";
import { createRateLimiter, RateLimitedError } from "../../server/auth/rate-limit.js";
import { createSignInLimits, takeSignIn } from "../../server/auth/sign-in-limits.js";

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 12, 0, seconds));

describe("createRateLimiter", () => {
  it("admits `limit` requests per key per window, then refuses until the window ends", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 10_000 });
    expect([1, 2, 3, 4].map((s) => limiter.take("a", at(s)))).toEqual([true, true, true, false]);
    expect(limiter.take("b", at(4))).toBe(true);
    expect(limiter.retryAt("a", at(5))).toEqual(at(11));
    expect(limiter.take("a", at(10))).toBe(false);
    expect(limiter.take("a", at(11))).toBe(true);
    expect(limiter.retryAt("a", at(11))).toEqual(at(11));
  });

  it("forgets keys whose window has ended", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    for (let i = 0; i < 100; i++) limiter.take(`client-${i}`, at(0));
    expect(limiter.size).toBe(100);
    limiter.take("late", at(2));
    expect(limiter.size).toBe(1);
  });

  it("never holds more than maxKeys, dropping the oldest windows first", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) expect(limiter.take(key, at(0))).toBe(true);
    expect(limiter.size).toBe(3);
    expect(limiter.take("d", at(1))).toBe(false);
    expect(limiter.take("b", at(1))).toBe(false);
    // "a" was dropped to make room, so it starts afresh.
    expect(limiter.take("a", at(1))).toBe(true);
  });

  it("rejects nonsensical settings", () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("sign-in limits", () => {
  it("limit an address however it is capitalised, with a retry hint", async () => {
    const limits = createSignInLimits();
    for (let i = 0; i < 5; i++) await takeSignIn(limits, i % 2 ? "Ann@Example.com" : "ann@example.com ", `10.0.0.${i}`, at(0));
    const error = await takeSignIn(limits, "ANN@example.com", "10.0.0.9", at(60)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(15 * 60 - 60);
    await expect(takeSignIn(limits, "ann@example.com", "10.0.0.9", at(15 * 60))).resolves.toBeUndefined();
  });

  it("limit a client across addresses, without using up the addresses' allowance", async () => {
    const limits = createSignInLimits();
    for (let i = 0; i < 30; i++) await takeSignIn(limits, `user${i}@example.com`, "10.0.0.1", at(0));
    await expect(takeSignIn(limits, "user0@example.com", "10.0.0.1", at(1))).rejects.toThrow(RateLimitedError);
    await expect(takeSignIn(limits, "new@example.com", "10.0.0.1", at(1))).rejects.toThrow(RateLimitedError);
    // The refused attempt did not count against new@example.com.
    for (let i = 0; i < 5; i++) await takeSignIn(limits, "new@example.com", `10.0.1.${i}`, at(2));
  });
});
