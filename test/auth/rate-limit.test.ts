import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../server/auth/rate-limit.js";
import { createSharedRateLimiter } from "../../server/auth/shared-rate-limit.js";
import { createSignInLimits, takeSignIn } from "../../server/auth/sign-in-limits.js";

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 12, 0, seconds));

describe("createSharedRateLimiter, in memory", () => {
  it("admits `limit` requests per key per window of the app's clock, then refuses until the window ends", async () => {
    const limiter = createSharedRateLimiter("test-window", { limit: 3, windowMs: 10_000 });
    const admitted = async (key: string, s: number) => (await limiter.take(key, at(s))).admitted;
    expect([await admitted("a", 1), await admitted("a", 2), await admitted("a", 3), await admitted("a", 4)]).toEqual([true, true, true, false]);
    expect(await admitted("b", 4)).toBe(true);
    expect(await limiter.take("a", at(9))).toEqual({ admitted: false, retryAt: at(10) });
    expect(await limiter.take("a", at(10))).toEqual({ admitted: true, retryAt: at(10) });
  });

  it("rejects nonsensical settings", () => {
    expect(() => createSharedRateLimiter("bad", { limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => createSharedRateLimiter("bad", { limit: 1, windowMs: 0 })).toThrow(RangeError);
    expect(() => createSharedRateLimiter("bad", { limit: 1, windowMs: 1_500 })).toThrow(RangeError);
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
