// Rate limits counted in Redis by rate-limiter-flexible: two buses (as two instances)
// share one count; with Redis gone or frozen, each counts on its own in memory (the
// insurance limiter) without waiting on Redis, and the limit stays in force.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSharedRateLimiter } from "../../server/auth/shared-rate-limit.js";
import { createLogger } from "../../server/logger.js";
import { connectRedis, type RedisBus } from "../../server/realtime/redis.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { checkRedisServerBinary, describeWith } from "../helpers/services.js";

const LIMIT = 3;
const TIMEOUT_MS = 100;
const log = createLogger({ level: "silent" });

describeWith([checkRedisServerBinary()], "rate limits in Redis, with a local insurance limiter", () => {
  let redis: RedisServer;
  let a: RedisBus;
  let b: RedisBus;
  const connect = () => connectRedis(redis.url, { log, counterTimeoutMs: TIMEOUT_MS, pingIntervalMs: 300 });

  beforeAll(async () => {
    redis = await startRedisServer();
    [a, b] = await Promise.all([connect(), connect()]);
  }, 30_000);

  afterAll(async () => {
    redis?.thaw();
    await Promise.all([a?.close(), b?.close()]);
    await redis?.kill();
  });

  /** Takes `count` requests for `key` in turn, alternating between the limiters; what each got and how long it took. */
  async function takeTurns(limiters: ReturnType<typeof createSharedRateLimiter>[], key: string, count: number, now: Date) {
    const outcomes: { admitted: boolean; ms: number }[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const { admitted } = await limiters[i % limiters.length]!.take(key, now);
      outcomes.push({ admitted, ms: performance.now() - started });
    }
    return outcomes;
  }

  it("counts every instance's requests against one limit while Redis answers", async () => {
    const now = new Date("2030-01-01T00:00:05Z");
    const limiters = [a, b].map((bus) => createSharedRateLimiter("test-shared", { limit: LIMIT, windowMs: 60_000 }, bus.counters));
    const outcomes = await takeTurns(limiters, "client-1", LIMIT + 1, now);
    expect(outcomes.map((o) => o.admitted)).toEqual([true, true, true, false]);
    expect(await limiters[1]!.take("client-1", now)).toEqual({ admitted: false, retryAt: new Date("2030-01-01T00:01:00Z") });
  });

  it("counts on each instance alone, at once, while Redis is frozen and after it is gone", async () => {
    const now = new Date("2030-01-01T00:02:05Z");
    const onA = createSharedRateLimiter("test-frozen", { limit: LIMIT, windowMs: 60_000 }, a.counters);
    const onB = createSharedRateLimiter("test-frozen", { limit: LIMIT, windowMs: 60_000 }, b.counters);
    redis.freeze();
    // The first count waits for Redis at most the timeout; the next ones do not wait at all.
    const [first] = await takeTurns([onA], "client-2", 1, now);
    expect(first).toMatchObject({ admitted: true });
    expect(first!.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    // Once the silent connection is dropped, the count Redis never gave fails: it must not count a second time.
    await expect.poll(() => a.counters.client.status, { timeout: 10_000 }).not.toBe("ready");
    const frozen = await takeTurns([onA], "client-2", LIMIT, now);
    expect(frozen.map((o) => o.admitted)).toEqual([true, true, false]);
    expect(Math.max(...frozen.map((o) => o.ms))).toBeLessThan(TIMEOUT_MS);
    // B has counted nothing of A's: its own allowance is whole.
    expect((await takeTurns([onB], "client-2", LIMIT, now)).map((o) => o.admitted)).toEqual([true, true, true]);

    redis.thaw();
    await redis.kill();
    await expect.poll(() => a.healthy(), { timeout: 10_000 }).toBe(false);
    const gone = await takeTurns([onA], "client-3", LIMIT + 1, now);
    expect(gone.map((o) => o.admitted)).toEqual([true, true, true, false]);
    expect(Math.max(...gone.map((o) => o.ms))).toBeLessThan(TIMEOUT_MS);
  }, 30_000);
});
