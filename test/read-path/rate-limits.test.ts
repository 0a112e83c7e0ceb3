// Per-client limits: mutations per minute (per API key, or per address without
// one) and open WebSockets (per instance and per address). Over a limit, the
// client is told so and when to retry; other clients are not affected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../../server/auth/api-keys.js";
import { WS_LIMITS } from "../../server/realtime/websocket.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    limits: { keyMutationsPerMinute: 5, mutationsPerMinute: 3, webSocketConnections: 3, webSocketConnectionsPerClient: 2 },
  });
  url = await t.app.start(0);
});
afterAll(() => t.close());

describe("mutations", () => {
  let n = 0;
  const createType = (as?: Record<string, string>) =>
    t.gql<{ createCatalogType: { __typename: string } }>(
      `mutation ($name: String!) { createCatalogType(input: { name: $name }) { __typename } }`,
      { name: `Type ${++n}` },
      as,
    );

  it("are refused past the API key's allowance per minute, with a typed error saying when to retry", async () => {
    for (let i = 0; i < 5; i++) expect((await createType()).data!.createCatalogType.__typename).toBe("CatalogType");
    const refused = await createType();
    expect(refused.data).toBeUndefined();
    expect(refused.errors![0]).toMatchObject({ extensions: { code: "RATE_LIMITED", retryAfterSeconds: 60 } });
    expect(refused.errors![0]!.message).toMatch(/at most 5 per minute per API key/);

    // Another key has its own allowance; reads are not counted.
    const other = await createApiKey(t.app.database.db, { name: "other", scope: "ADMIN" }, clock.now());
    expect((await createType(bearer(other.secret))).data!.createCatalogType.__typename).toBe("CatalogType");
    expect((await t.gql(`{ statusPages { slug } }`)).errors).toBeUndefined();

    clock.advance(60_000);
    expect((await createType()).data!.createCatalogType.__typename).toBe("CatalogType");
  });

  it("without a key, are counted per client address, and over HTTP refused with 429 and Retry-After", async () => {
    const signOut = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "mutation { signOut }" }) });
    for (let i = 0; i < 3; i++) expect((await signOut()).status).toBe(200);
    const refused = await signOut();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]!.message).toMatch(/at most 3 per minute per client address/);
  });
});

describe("WebSocket connections", () => {
  type Outcome = { socket: WebSocket } | { status: number; retryAfter: string | undefined; body: string };

  /** Opens a graphql-ws socket from `localAddress` (127.0.0.0/8 is all loopback). */
  function connect(localAddress: string, target = url): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target.replace(/^http/, "ws"), "graphql-transport-ws", { localAddress });
      socket.once("open", () => resolve({ socket }));
      socket.once("unexpected-response", (_request, response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, retryAfter: response.headers["retry-after"], body }));
      });
      socket.on("error", reject);
    });
  }
  const opened = (o: Outcome) => ("socket" in o ? o.socket : expect.fail(`refused: ${JSON.stringify(o)}`));

  it("are refused past the per-address limit (429) and the per-instance limit (503), until one closes", async () => {
    const first = opened(await connect("127.0.0.1"));
    opened(await connect("127.0.0.1"));
    expect(await connect("127.0.0.1")).toEqual({ status: 429, retryAfter: "10", body: "Too many WebSocket connections from your address" });

    opened(await connect("127.0.0.2"));
    expect(await connect("127.0.0.3")).toMatchObject({ status: 503, body: "Too many WebSocket connections on this server; try again later" });

    first.close();
    // The server counts the close once its side of the closing handshake ends: ask until it has.
    let again = await connect("127.0.0.3");
    const admitted = async () => {
      if (!("socket" in again)) again = await connect("127.0.0.3");
      return "socket" in again;
    };
    await expect.poll(admitted, { timeout: 5_000, interval: 50 }).toBe(true);
    opened(again);
  });

  it("are closed with 1009 when a message exceeds 64 KB", async () => {
    // An app of its own: the one above is at its connection limit.
    const own = await createTestApp();
    try {
      const socket = opened(await connect("127.0.0.1", await own.app.start(0)));
      const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
      socket.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(WS_LIMITS.maxPayloadBytes) } }));
      expect(await closed).toBe(1009);
    } finally {
      await own.close();
    }
  });
});
