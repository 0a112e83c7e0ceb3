// Rate limits hold across instances: with Redis they count in one place, so two
// instances together admit the limit, not twice it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { sharedDatabase, startInstances, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedisServerBinary, describeWith } from "../helpers/services.js";

const LIMIT = 4;

describeWith([await checkPostgres(), checkRedisServerBinary()], "mutation rate limits across two instances", () => {
  let redis: RedisServer;
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    redis = await startRedisServer();
    shared = await sharedDatabase();
    const env = { DATABASE_URL: shared.url, REDIS_URL: redis.url, MUTATIONS_PER_MINUTE: String(LIMIT) };
    [a, b] = (await startInstances(["A", "B"], env, shared.adminKey)) as [Instance, Instance];
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.kill();
    await shared?.close();
  }, 30_000);

  /** A mutation without credentials, from this process's address: counted per client address. */
  async function anonymousMutation(instance: Instance): Promise<{ status: number; code: string | undefined }> {
    const res = await fetch(instance.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { deleteIncident(id: "nope") { __typename } }` }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code };
  }

  it("counts one client's mutations on every instance against one limit", async () => {
    // Windows are whole minutes: start well inside one (in its last 10 s, once the next begins).
    await expect.poll(() => Date.now() % 60_000, { timeout: 12_000, interval: 100 }).toBeLessThan(50_000);
    const answers = [];
    for (const instance of [a, b, a, b]) answers.push(await anonymousMutation(instance));
    // Within the limit: refused for want of credentials, not for the rate.
    expect(answers.map((x) => x.code)).not.toContain("RATE_LIMITED");
    // The fifth, on either instance, is over the shared limit (each has counted only two).
    for (const instance of [a, b]) expect(await anonymousMutation(instance)).toEqual({ status: 429, code: "RATE_LIMITED" });
  }, 40_000);
});
