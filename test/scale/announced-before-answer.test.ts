// A mutation answers only once Redis has taken its announcements: with A's link to
// Redis slow (40 ms each way), what a client does on B right after A's answer still
// sees the change. B keeps credentials and public answers in memory and drops them
// when it hears a change; before this, A answered while its announcement was still
// on the way, and B served from memory what had just been revoked or replaced.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { createCustomerLivePage, createSession, type CustomerLivePage } from "../helpers/customer-live.js";
import { createComponents, createPage, publishIncident, type PageRef } from "../helpers/fixtures.js";
import { eventually, readOn, sharedDatabase, startInstance, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";
import { startSlowLink, type SlowLink } from "../helpers/slow-link.js";

const DAY = 86_400_000;
const SUB_PAGE = `query ($page: String!) { subPage(pageSlug: $page, slug: "main") { name } }`;
const PAGE = `query ($page: String!) { statusPage(slug: $page) { incidents { name } } }`;

type Read = { subPage?: { name: string } | null; statusPage?: { incidents: { name: string }[] } };

describeWith([await checkPostgres(), await checkRedis()], "a mutation on an instance with a slow link to Redis", () => {
  let shared: SharedDatabase;
  let slow: SlowLink;
  let a: Instance;
  let b: Instance;
  let customer: CustomerLivePage;
  let open: PageRef;

  const read = (instance: Instance, query: string, slug: string, authorization?: string) => readOn<Read>(instance, query, { page: slug }, authorization);
  /** Two reads, so the second comes from what B keeps in memory. */
  async function warm(query: string, slug: string, authorization?: string): Promise<void> {
    for (let i = 0; i < 2; i++) expect((await read(b, query, slug, authorization)).errors).toBeUndefined();
  }

  beforeAll(async () => {
    shared = await sharedDatabase();
    slow = await startSlowLink(REDIS_URL, 40);
    [a, b] = await Promise.all([
      startInstance("A", { DATABASE_URL: shared.url, REDIS_URL: slow.url }, shared.adminKey),
      startInstance("B", { DATABASE_URL: shared.url, REDIS_URL }, shared.adminKey),
    ]);
    customer = await createCustomerLivePage(a, ["gitlab.com"]);
    open = await createPage(a, await createComponents(a, ["API"]));
    for (const topic of ["sessions:ended", "api-keys:revoked", "pages:changed"]) {
      await eventually(async () => (await subscriberCount(REDIS_URL, topic)) >= 2, 10_000, `both instances listening on ${topic}`);
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await slow?.close();
    await shared?.close();
  }, 30_000);

  it("B refuses a viewer at the next request after they sign out through A", async () => {
    const viewer = `Bearer ${await createSession(shared.database.db, customer.id, "ann@gitlab.com", new Date(), DAY)}`;
    await warm(SUB_PAGE, customer.slug, viewer);
    const res = await fetch(a.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: viewer },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    expect(await res.json()).toEqual({ data: { signOut: true } });
    const after = await read(b, SUB_PAGE, customer.slug, viewer);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("B refuses a key at the next request after it is revoked through A", async () => {
    const { key, secret } = await createApiKey(shared.database.db, { name: "slow-link reader", scope: "VIEWER" }, new Date());
    await warm(SUB_PAGE, customer.slug, `Bearer ${secret}`);
    await a.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: key.id });
    const after = await read(b, SUB_PAGE, customer.slug, `Bearer ${secret}`);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("B answers a public page with the incident published through A at the next request", async () => {
    await warm(PAGE, open.slug);
    expect((await read(b, PAGE, open.slug)).data?.statusPage?.incidents).toEqual([]);
    await publishIncident(a, open.id, [], { name: "Slow-link outage" });
    expect((await read(b, PAGE, open.slug)).data?.statusPage?.incidents).toEqual([{ name: "Slow-link outage" }]);
  });
});
