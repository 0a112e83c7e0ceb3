// A page of another site can open a WebSocket here, and the browser sends the
// viewer's session cookie with it. Such a socket is served as signed out: it
// cannot stream the viewer's sub-page, though it still streams public pages.
// The service's own pages, configured origins, clients without an Origin and
// clients with a token in connectionParams keep their access.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { buildWorld, type World } from "../auth/world.js";
import { subscribeWs } from "../helpers/live.js";

const CONFIGURED = "https://app.example.com";
const ACORN = `subscription { pageStatus(pageSlug: "customers", subPageSlug: "acorn-corp") { subPage { name } components { name } } }`;
const BIRCH = `subscription { pageStatus(pageSlug: "customers", subPageSlug: "birch-ltd") { subPage { name } } }`;
const PUBLIC = `subscription { pageStatus(pageSlug: "public") { components { name } } }`;

let w: World;
let url: string;
let own: string;
let cookie: string;
const clients: Client[] = [];

beforeAll(async () => {
  w = await buildWorld({ corsOrigins: [CONFIGURED] });
  url = await w.t.app.start(0);
  own = new URL(url).origin;
  cookie = (w.as.viewerA as Record<string, string>).cookie!;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await w.t.close();
});

/** A graphql-ws client whose upgrade carries what a browser's would: the page's Origin and the site's cookie. */
function browserClient(headers: { origin?: string; cookie?: string }, connectionParams?: Record<string, unknown>): Client {
  const { origin, ...rest } = headers;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { origin, headers: rest });
    }
  }
  const client = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: BrowserLikeSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

const first = (client: Client, query: string) => subscribeWs(client, query).inbox.next();

it("serves a foreign origin's socket as signed out, cookie or not: no sub-page", async () => {
  for (const origin of ["https://evil.example", "null", "https://app.example.com.evil.example", "not a url"]) {
    const { data, errors } = await first(browserClient({ origin, cookie }), ACORN);
    expect(data ?? null, origin).toBeNull();
    expect(errors, origin).toEqual([expect.objectContaining({ message: "Sign in to see this page", extensions: { code: "UNAUTHENTICATED" } })]);
  }
});

it("still streams public pages to a foreign origin, so other sites can show them live", async () => {
  const { data } = await first(browserClient({ origin: "https://evil.example", cookie }), PUBLIC);
  expect(data!.pageStatus.components).toEqual([{ name: "Public Search" }]);
});

it("streams the viewer's sub-page to the service's own origin, a configured one and a client sending no Origin", async () => {
  for (const origin of [own, CONFIGURED, undefined]) {
    const { data } = await first(browserClient({ origin, cookie }), ACORN);
    expect(data?.pageStatus, String(origin)).toEqual({ subPage: { name: "Acorn Corp" }, components: [{ name: "Alpha API" }, { name: "Alpha Web" }] });
  }
});

it("streams a sub-page to a client from a foreign origin that authenticates with a token in connectionParams", async () => {
  const authorization = (w.as.viewerB as Record<string, string>).authorization!;
  const { data } = await first(browserClient({ origin: "https://evil.example" }, { authorization }), BIRCH);
  expect(data?.pageStatus.subPage).toEqual({ name: "Birch Ltd" });
});
