// Two instances on PostgreSQL and Redis: a viewer signing out, or a key being
// revoked, through one instance ends the live subscriptions made with it on the
// other, while a still-signed-in viewer there keeps receiving changes.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createApiKey } from "../../server/auth/api-keys.js";
import { createCustomerLivePage, createSession, MAIN_STATUS, type CustomerLivePage } from "../helpers/customer-live.js";
import { publishIncident } from "../helpers/fixtures.js";
import { subscribeSse, subscribeWs, until, wsClient, type Subscription } from "../helpers/live.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";

type Refusal = { message: string; extensions?: Record<string, unknown> };
const DAY = 86_400_000;

describeWith([await checkPostgres(), await checkRedis()], "live access revoked through another instance", () => {
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;
  let page: CustomerLivePage;
  let keeper: Subscription;
  const clients: Client[] = [];
  const streams: Subscription[] = [];
  let incidents = 0;

  const ws = (instance: Instance, secret: string) => {
    const client = wsClient(instance.url, { authorization: `Bearer ${secret}` });
    clients.push(client);
    return subscribeWs(client, MAIN_STATUS, { page: page.slug });
  };
  const sse = (instance: Instance, secret: string) => {
    const stream = subscribeSse(instance.url, MAIN_STATUS, { page: page.slug }, { authorization: `Bearer ${secret}` });
    streams.push(stream);
    return stream;
  };
  const session = (email: string) => createSession(shared.database.db, page.id, email, new Date(), DAY);

  /** A change published through A reaches the keeper on B; the revoked received nothing since they ended. */
  async function barrier(revoked: Subscription[]): Promise<void> {
    const before = revoked.map((s) => s.inbox.received.length);
    const name = `Incident ${++incidents}`;
    await publishIncident(a, page.id, [{ componentId: page.components.Zendesk!, impact: "PARTIAL_OUTAGE" }], { name });
    await keeper.inbox.until((m) => ((m.data?.pageStatus.incidents ?? []) as { name: string }[]).some((i) => i.name === name), 10_000);
    expect(revoked.map((s) => s.inbox.received.length)).toEqual(before);
  }

  beforeAll(async () => {
    shared = await sharedDatabase();
    [a, b] = (await startInstances(["A", "B"], { DATABASE_URL: shared.url, REDIS_URL }, shared.adminKey)) as [Instance, Instance];
    page = await createCustomerLivePage(a, ["gitlab.com"]);
    keeper = ws(b, await session("kim@gitlab.com"));
    expect((await keeper.inbox.next(10_000)).data!.pageStatus.status).toBe("OPERATIONAL");
    await eventually(async () => (await subscriberCount(REDIS_URL, "sessions:ended")) >= 2, 10_000, "both instances listening for sign-outs");
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) stream.stop();
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
    await shared?.close();
  }, 30_000);

  it("ends a viewer's subscriptions on B, over graphql-ws and SSE, when they sign out through A", async () => {
    const secret = await session("ann@gitlab.com");
    const [overWs, overSse] = [ws(b, secret), sse(b, secret)];
    for (const s of [overWs, overSse]) expect((await s.inbox.next(10_000)).data!.pageStatus.status).toBeDefined();
    const res = await fetch(a.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    expect(await res.json()).toEqual({ data: { signOut: true } });

    const signedOut = { message: "The session is unknown, expired or signed out; sign in again", extensions: { code: "UNAUTHENTICATED" } };
    await until(() => overWs.inbox.completed && overSse.inbox.completed, 10_000, "both subscriptions to end");
    expect((overWs.inbox.error as Refusal[])[0]).toMatchObject(signedOut);
    expect(overSse.inbox.received.at(-1)!.errors![0]).toMatchObject(signedOut);
    await barrier([overWs, overSse]);
  });

  it("ends an operator's subscription on B when their key is revoked through A", async () => {
    const { key, secret } = await createApiKey(shared.database.db, { name: "reader", scope: "VIEWER" }, new Date());
    const subscription = ws(b, secret);
    expect((await subscription.inbox.next(10_000)).data!.pageStatus.status).toBeDefined();
    await a.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: key.id });
    await until(() => subscription.inbox.completed, 10_000, "the subscription to end");
    expect((subscription.inbox.error as Refusal[])[0]).toMatchObject({ message: "The API key is unknown or revoked", extensions: { code: "UNAUTHENTICATED" } });
    await barrier([subscription]);
  });
});
