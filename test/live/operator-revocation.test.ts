// A graphql-ws subscription opened with an operator's session cookie on a customer
// sub-page (operators read every sub-page) ends, with the refusal a new request would
// get, once that session ends: the operator signs out, or an admin disables them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createOperator } from "../../server/auth/operators.js";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createCustomerLivePage, MAIN_STATUS, type CustomerLivePage } from "../helpers/customer-live.js";
import { subscribeWs, until, type Subscription } from "../helpers/live.js";

type Refusal = { message: string; extensions?: Record<string, unknown> };

const clock = testClock("2030-04-02T09:00:00Z");
let t: TestApp;
let url: string;
let page: CustomerLivePage;
const clients: Client[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  page = await createCustomerLivePage(t, ["gitlab.com"]);
  url = await t.app.start(0);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await t.close();
});

/** A new operator's session cookie (`sg_operator=…`) and the operator's id. */
async function signedIn(email: string): Promise<{ cookie: string; id: string }> {
  const db = t.app.database.db;
  const operator = await createOperator(db, { email, name: email, role: "VIEWER" }, clock.now());
  const { secret } = await startOperatorSession(db, operator.id, { address: null, userAgent: null }, clock.now());
  return { cookie: `sg_operator=${secret}`, id: operator.id };
}

/** Subscribes to sub-page "main" over graphql-ws with `cookie` on the upgrade request, as a browser sends it. */
async function watching(cookie: string): Promise<Subscription> {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const client = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: CookieSocket, retryAttempts: 0, lazy: true });
  clients.push(client);
  const subscription = subscribeWs(client, MAIN_STATUS, { page: page.slug });
  expect((await subscription.inbox.next()).data!.pageStatus.status).toBe("OPERATIONAL");
  return subscription;
}

async function refusalOf(subscription: Subscription): Promise<Refusal> {
  await until(() => subscription.inbox.completed, 3_000, "the subscription to end");
  return (subscription.inbox.error as Refusal[])[0]!;
}

const gql = (query: string, cookie: string) =>
  fetch(`${url.replace(/\/$/, "")}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query }) });

it("ends when the operator signs out", async () => {
  const { cookie } = await signedIn("sol@ops.example");
  const subscription = await watching(cookie);
  const out = (await (await gql(`mutation { signOut }`, cookie)).json()) as { data?: { signOut: boolean } };
  expect(out.data?.signOut).toBe(true);
  const refusal = await refusalOf(subscription);
  expect(refusal.extensions?.code).toBe("UNAUTHENTICATED");
  expect(refusal.message).toMatch(/sign in again/i);
});

it("ends when an admin disables the operator", async () => {
  const { cookie, id } = await signedIn("dora@ops.example");
  const subscription = await watching(cookie);
  const off = await t.ok<{ disableOperator: { __typename: string } }>(`mutation ($id: ID!) { disableOperator(id: $id) { __typename } }`, { id });
  expect(off.disableOperator.__typename).toBe("Operator");
  const refusal = await refusalOf(subscription);
  expect(refusal.extensions?.code).toBe("UNAUTHENTICATED");
  // A new request with the cookie is anonymous too.
  const who = (await (await gql(`{ viewer { role } }`, cookie)).json()) as { data?: { viewer: { role: string | null } } };
  expect(who.data?.viewer.role).toBeNull();
});
