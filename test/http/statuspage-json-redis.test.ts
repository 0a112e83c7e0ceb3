// A page's Statuspage-compatible JSON is kept until a change to the page is heard.
// Changes made while Redis was down may never be heard, so the documents are dropped
// once Redis is back, as the other per-change caches are.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, type PageRef } from "../helpers/fixtures.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { checkRedisServerBinary, describeWith } from "../helpers/services.js";

describeWith([checkRedisServerBinary()], "Statuspage-compatible JSON across a Redis outage", () => {
  let redis: RedisServer;
  let t: TestApp;
  let origin: string;
  let page: PageRef;
  let component: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    t = await createTestApp({ redisUrl: redis.url });
    [component] = (await createComponents(t, ["API"])) as [string];
    page = await createPage(t, [component]);
    origin = new URL(await t.app.start(0)).origin;
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  const names = async () => {
    const res = await fetch(`${origin}/${page.slug}/api/v2/components.json`);
    return ((await res.json()) as { components: { name: string }[] }).components.map((c) => c.name);
  };

  it("drops what it kept once Redis is back", async () => {
    expect(await names()).toEqual(["API"]);
    await redis.kill();
    await expect.poll(async () => (await fetch(`${origin}/health/ready`)).status, { timeout: 10_000 }).toBe(503);
    // A change nobody announces stands for one whose announcement was lost in the outage.
    await t.app.database.db.catalogEntry.update({ where: { id: component }, data: { name: "Public API" } });
    expect(await names()).toEqual(["API"]);
    await redis.restart();
    await expect.poll(names, { timeout: 15_000, interval: 100 }).toEqual(["Public API"]);
  }, 40_000);
});
