// Two instances on PostgreSQL and Redis, each keeping signed-in answers and
// credentials in memory: a sign-out, a key revocation or a domain removed
// through one instance holds on the other from its very next request, and an
// expired session is refused by both though they keep it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { createCustomerLivePage, createSession, UPDATE_DOMAINS, type CustomerLivePage } from "../helpers/customer-live.js";
import { eventually, readOn, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";

const DAY = 86_400_000;
const SUB_PAGE = `query ($page: String!) { subPage(pageSlug: $page, slug: "main") { name components { name } } }`;

type Read = { subPage?: { name: string } | null; viewer?: { kind: string } };

describeWith([await checkPostgres(), await checkRedis()], "signed-in reads kept by each of two instances", () => {
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;
  let page: CustomerLivePage;

  const session = (email: string) => createSession(shared.database.db, page.id, email, new Date(), DAY);
  const read = (instance: Instance, authorization: string, query = SUB_PAGE) => readOn<Read>(instance, query, { page: page.slug }, authorization);
  /** Two reads, so the second comes from what B keeps. */
  async function warm(instance: Instance, authorization: string, query = SUB_PAGE): Promise<void> {
    for (let i = 0; i < 2; i++) expect((await read(instance, authorization, query)).errors).toBeUndefined();
  }

  beforeAll(async () => {
    shared = await sharedDatabase();
    [a, b] = (await startInstances(["A", "B"], { DATABASE_URL: shared.url, REDIS_URL }, shared.adminKey)) as [Instance, Instance];
    page = await createCustomerLivePage(a, ["gitlab.com"]);
    for (const topic of ["sessions:ended", "api-keys:revoked", "pages:changed"]) {
      await eventually(async () => (await subscriberCount(REDIS_URL, topic)) >= 2, 10_000, `both instances listening on ${topic}`);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await shared?.close();
  }, 30_000);

  it("refuses a viewer on B at the next request after they sign out through A", async () => {
    const viewer = `Bearer ${await session("ann@gitlab.com")}`;
    await warm(b, viewer);
    const res = await fetch(a.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: viewer },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    expect(await res.json()).toEqual({ data: { signOut: true } });
    const after = await read(b, viewer);
    expect(after.data?.subPage ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a viewer on either instance once their session expires, though both keep it in memory", async () => {
    const ttlMs = 10_000;
    const expiresAt = Date.now() + ttlMs;
    const viewer = `Bearer ${await createSession(shared.database.db, page.id, "lee@gitlab.com", new Date(expiresAt - ttlMs), ttlMs)}`;
    await warm(a, viewer);
    await warm(b, viewer);
    // Kept for 30 s after the look-up, yet refused from the expiry on: each use checks it.
    for (const instance of [a, b]) {
      await expect.poll(async () => (await read(instance, viewer)).errors?.[0]?.extensions?.code, { timeout: 20_000, interval: 100 }).toBe("UNAUTHENTICATED");
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    }
    expect(Date.now()).toBeLessThan(expiresAt + 15_000);
  });

  it("refuses a key on B at the next request after it is revoked through A", async () => {
    const { key, secret } = await createApiKey(shared.database.db, { name: "scale reader", scope: "VIEWER" }, new Date());
    const operator = `Bearer ${secret}`;
    await warm(b, operator);
    await a.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: key.id });
    const after = await read(b, operator);
    expect(after.data?.subPage ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a viewer on B at the next request after their domain is removed through A", async () => {
    const viewer = `Bearer ${await session("kim@gitlab.com")}`;
    await warm(b, viewer);
    await a.ok(UPDATE_DOMAINS, { input: { id: page.mainEntryId, values: [{ attribute: "Email domains", values: ["example.org"] }] } });
    const after = await read(b, viewer);
    expect(after.data?.subPage ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
