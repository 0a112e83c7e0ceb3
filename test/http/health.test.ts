// Liveness and readiness, for a load balancer: live while the process answers;
// ready while the database answers and, when configured, Redis carries events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { memoryLog } from "../helpers/logs.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { eventually } from "../helpers/scale.js";
import { checkRedisServerBinary, describeWith } from "../helpers/services.js";

async function get(origin: string, path: string) {
  const res = await fetch(`${origin}${path}`);
  return { status: res.status, cache: res.headers.get("cache-control"), body: (await res.json()) as Record<string, string> };
}

describe("without Redis", () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await createTestApp();
    origin = new URL(await t.app.start(0)).origin;
  });
  afterAll(() => t.close());

  it("is live", async () => {
    expect(await get(origin, "/health/live")).toEqual({ status: 200, cache: "no-store", body: { status: "ok" } });
  });

  it("is ready with its database, Redis not being configured; /health says the same", async () => {
    const ready = { status: 200, cache: "no-store", body: { status: "ready", database: "up", redis: "not configured" } };
    expect(await get(origin, "/health/ready")).toEqual(ready);
    expect(await get(origin, "/health")).toEqual(ready);
  });
});

describeWith([checkRedisServerBinary()], "with Redis", () => {
  let redis: RedisServer;
  let t: TestApp;
  let origin: string;
  const log = memoryLog();
  const logged = () => log.lines().map((line) => line.msg);

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  const ready = () => get(origin, "/health/ready");
  const redisIs = (state: "up" | "down") => eventually(async () => (await ready()).body.redis === state, 15_000, `Redis ${state}`);

  it("starts while Redis is down, serving but not ready, and becomes ready when Redis comes", async () => {
    await redis.kill();
    t = await createTestApp({ redisUrl: redis.url, logger: log.logger });
    origin = new URL(await t.app.start(0)).origin;
    expect(await ready()).toMatchObject({ status: 503, body: { status: "unavailable", database: "up", redis: "down" } });
    expect((await get(origin, "/health/live")).status).toBe(200);
    expect(await t.ok(`{ statusPages { id } }`)).toEqual({ statusPages: [] });
    expect(logged().join("\n")).toContain(`Redis at 127.0.0.1:${redis.port} is unreachable`);

    await redis.restart();
    await redisIs("up");
    expect(await ready()).toEqual({ status: 200, cache: "no-store", body: { status: "ready", database: "up", redis: "up" } });
    expect(logged().join("\n")).toContain(`Redis at 127.0.0.1:${redis.port} is reachable again`);
  }, 60_000);

  it("reports Redis down (503) while it is, and ready again once it is back", async () => {
    await redis.kill();
    await redisIs("down");
    expect(await ready()).toMatchObject({ status: 503, body: { status: "unavailable", database: "up", redis: "down" } });
    await redis.restart();
    await redisIs("up");
    expect((await ready()).status).toBe(200);
  }, 60_000);
});
