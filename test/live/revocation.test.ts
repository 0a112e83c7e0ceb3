// Live access follows revocation: a subscription to a customer sub-page ends, with
// the refusal a new request would get, once the access it was granted on ends —
// over graphql-ws and SSE alike. Each case proves the end twice: the subscription
// ends with a typed error, and a later change reaches a still-signed-in viewer of
// the same sub-page but not the revoked subscriber.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createApiKey, revokeApiKey } from "../../server/auth/api-keys.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createCustomerLivePage, createSession, MAIN_STATUS, UPDATE_DOMAINS, type CustomerLivePage } from "../helpers/customer-live.js";
import { publishIncident } from "../helpers/fixtures.js";
import { subscribeSse, subscribeWs, until, wsClient, type Subscription } from "../helpers/live.js";

type Transport = "graphql-ws" | "SSE";
type Refusal = { message: string; extensions?: Record<string, unknown> };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let url: string;
let page: CustomerLivePage;
/** Email domains of the "main" group; contractors-<transport>.io are removed by the tests. */
let domains = ["gitlab.com", "contractors-ws.io", "contractors-sse.io"];
/** A gitlab.com viewer who stays signed in throughout: every barrier change must reach them. */
let keeper: Subscription;
const clients: Client[] = [];
const streams: Subscription[] = [];
let incidents = 0;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  page = await createCustomerLivePage(t, domains);
  url = await t.app.start(0);
  const secret = await createSession(t.app.database.db, page.id, "kim@gitlab.com", clock.now(), 30 * DAY);
  keeper = watch("graphql-ws", secret);
  expect((await keeper.inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
});
afterAll(async () => {
  for (const stream of streams) stream.stop();
  await Promise.all(clients.map((client) => client.dispose()));
  await t.close();
});

/** Subscribes to sub-page "main" with `secret` as bearer credential. */
function watch(transport: Transport, secret: string): Subscription {
  if (transport === "SSE") {
    const stream = subscribeSse(url, MAIN_STATUS, { page: page.slug }, bearer(secret));
    streams.push(stream);
    return stream;
  }
  const client = wsClient(url, { authorization: `Bearer ${secret}` });
  clients.push(client);
  return subscribeWs(client, MAIN_STATUS, { page: page.slug });
}

/** Watches as `secret` and waits for the first summary. */
async function watching(transport: Transport, secret: string): Promise<Subscription> {
  const subscription = watch(transport, secret);
  expect((await subscription.inbox.next()).data!.pageStatus).toBeDefined();
  await until(() => t.app.hub.stats().listeners === 2, 3_000, "the subscription to be listening");
  return subscription;
}

/**
 * How the subscription ended: graphql-ws sends an `error` message (the client's
 * error callback gets its payload); SSE sends a last `next` event carrying the
 * errors, then `complete`.
 */
async function refusalOf(transport: Transport, subscription: Subscription): Promise<Refusal> {
  await until(() => subscription.inbox.completed, 3_000, "the subscription to end");
  if (transport === "graphql-ws") return (subscription.inbox.error as Refusal[])[0]!;
  const last = subscription.inbox.received.at(-1)!;
  expect(last.data ?? null).toBeNull();
  return last.errors![0]!;
}

/** A change on sub-page "main" that reaches the keeper; the revoked subscriber received nothing since it ended. */
async function barrier(revoked: Subscription): Promise<void> {
  const before = revoked.inbox.received.length;
  const name = `Incident ${++incidents}`;
  await publishIncident(t, page.id, [{ componentId: page.components.Zendesk!, impact: "PARTIAL_OUTAGE" }], { name });
  await keeper.inbox.until((m) => ((m.data?.pageStatus.incidents ?? []) as { name: string }[]).some((i) => i.name === name));
  expect(revoked.inbox.received.length).toBe(before);
  expect(t.app.hub.stats().listeners).toBe(1);
}

const SIGNED_OUT = { message: "The session is unknown, expired or signed out; sign in again", extensions: { code: "UNAUTHENTICATED" } };

describe.each<Transport>(["graphql-ws", "SSE"])("a viewer subscribed over %s", (transport) => {
  it("stops receiving the sub-page when they sign out", async () => {
    const secret = await createSession(t.app.database.db, page.id, "ann@gitlab.com", clock.now(), DAY);
    const subscription = await watching(transport, secret);
    expect(await t.ok("mutation { signOut }", {}, bearer(secret))).toEqual({ signOut: true });
    expect(await refusalOf(transport, subscription)).toMatchObject(SIGNED_OUT);
    await barrier(subscription);
  });

  it("stops receiving the sub-page when their session expires", async () => {
    const secret = await createSession(t.app.database.db, page.id, "bob@gitlab.com", clock.now(), HOUR);
    const subscription = await watching(transport, secret);
    clock.advance(HOUR);
    await t.app.liveAccess.tick();
    expect(await refusalOf(transport, subscription)).toMatchObject(SIGNED_OUT);
    await barrier(subscription);
  });

  it("stops receiving the sub-page when their email domain is removed from it", async () => {
    const domain = transport === "SSE" ? "contractors-sse.io" : "contractors-ws.io";
    const secret = await createSession(t.app.database.db, page.id, `eve@${domain}`, clock.now(), DAY);
    const subscription = await watching(transport, secret);
    domains = domains.filter((d) => d !== domain);
    await t.ok(UPDATE_DOMAINS, { input: { id: page.mainEntryId, values: [{ attribute: "Email domains", values: domains }] } });
    expect(await refusalOf(transport, subscription)).toMatchObject({ message: "You may not see this page", extensions: { code: "FORBIDDEN" } });
    await barrier(subscription);
  });

  it("stops when the operator's API key is revoked", async () => {
    const { key, secret } = await createApiKey(t.app.database.db, { name: `reader over ${transport}`, scope: "VIEWER" }, clock.now());
    const subscription = await watching(transport, secret);
    await t.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: key.id });
    expect(await refusalOf(transport, subscription)).toMatchObject({ message: "The API key is unknown or revoked", extensions: { code: "UNAUTHENTICATED" } });
    await barrier(subscription);
  });
});

describe("an expired session", () => {
  it("gets nothing of the first change after its expiry, even before any timer ran", async () => {
    const secret = await createSession(t.app.database.db, page.id, "cy@gitlab.com", clock.now(), HOUR);
    const subscription = await watching("graphql-ws", secret);
    clock.advance(HOUR);
    await barrier(subscription);
    expect(await refusalOf("graphql-ws", subscription)).toMatchObject(SIGNED_OUT);
    expect(subscription.inbox.received).toHaveLength(1);
  });
});

describe("the periodic check of held credentials", () => {
  it("ends the subscriptions of a key revoked without telling any instance (the keys CLI)", async () => {
    const { key, secret } = await createApiKey(t.app.database.db, { name: "revoked by the CLI", scope: "VIEWER" }, clock.now());
    const subscription = await watching("graphql-ws", secret);
    await revokeApiKey(t.app.database.db, key.id, clock.now());
    await t.app.liveAccess.tick();
    expect(await refusalOf("graphql-ws", subscription)).toMatchObject({
      message: "The API key is unknown or revoked",
      extensions: { code: "UNAUTHENTICATED" },
    });
    await barrier(subscription);
  });
});

describe("on real timers", () => {
  it("ends a subscription at its session's expiry, with no change to prompt it", async () => {
    const live = await createTestApp({ schedulerTimers: true });
    const customer = await createCustomerLivePage(live, ["gitlab.com"]);
    const liveUrl = await live.app.start(0);
    // Long enough to subscribe first on a busy machine; the end then comes by itself.
    const secret = await createSession(live.app.database.db, customer.id, "fay@gitlab.com", live.app.now(), 3_000);
    const client = wsClient(liveUrl, { token: secret });
    try {
      const subscription = subscribeWs(client, MAIN_STATUS, { page: customer.slug });
      expect((await subscription.inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
      await until(() => subscription.inbox.completed, 10_000, "the subscription to end");
      expect((subscription.inbox.error as Refusal[])[0]).toMatchObject(SIGNED_OUT);
      expect(live.app.hub.stats().listeners).toBe(0);
    } finally {
      await client.dispose();
      await live.close();
    }
  });
});
