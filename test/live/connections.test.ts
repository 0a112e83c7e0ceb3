// Connections come and go: a client that reconnects starts from the current
// summary, and one that stops reading is closed with 1013 once its backlog passes
// the limit, without holding up anyone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { SLOW_CONSUMER_CLOSE } from "../../server/realtime/websocket.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, until, wsClient } from "../helpers/live.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { name message } } }`;

let t: TestApp;
let page: PageRef;
let api: string;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  url = await t.app.start(0);
});
afterAll(() => t.close());

describe("a reconnecting client", () => {
  it("first receives the current summary, with what changed while it was away", async () => {
    const first = wsClient(url);
    const before = subscribeWs(first, STATUS, { page: page.slug });
    expect((await before.inbox.next()).data!.pageStatus).toEqual({ status: "OPERATIONAL", incidents: [] });
    await first.dispose();
    await until(() => t.app.hub.stats().listeners === 0, 3_000, "the subscription to end");

    await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }], { name: "While you were away", message: "Down." });

    const again = wsClient(url);
    const after = subscribeWs(again, STATUS, { page: page.slug });
    expect((await after.inbox.next()).data!.pageStatus).toEqual({
      status: "FULL_OUTAGE",
      incidents: [{ name: "While you were away", message: "Down." }],
    });
    await again.dispose();
  });
});

describe("a client that stops reading", () => {
  it(`is closed with ${SLOW_CONSUMER_CLOSE.code} while others keep receiving`, async () => {
    const sockets: WebSocket[] = [];
    class RecordedWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    }
    let closeCode: number | null = null;
    const slow = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: RecordedWebSocket, retryAttempts: 0 });
    slow.on("closed", (event) => void (closeCode = (event as { code: number }).code));
    const healthy = wsClient(url);
    const watcher = subscribeWs(healthy, STATUS, { page: page.slug });
    await watcher.inbox.next();

    // Big summaries (long messages), forty subscriptions on one socket: every update is megabytes.
    const incident = await publishIncident(t, page.id, [{ componentId: api, impact: "PARTIAL_OUTAGE" }], { message: "x".repeat(9_000) });
    const slowSubscriptions = Array.from({ length: 40 }, () => subscribeWs(slow, STATUS, { page: page.slug }));
    for (const s of slowSubscriptions) await s.inbox.next();
    sockets[0]!.pause();

    let updates = 0;
    while (t.app.hub.stats().listeners > 1 && updates < 200) {
      await publishIncidentUpdate(t, incident, { message: `${++updates} ${"y".repeat(9_000)}` });
    }
    // The server let go of the slow client's subscriptions; the other one keeps its own.
    expect(t.app.hub.stats().listeners).toBe(1);
    await watcher.inbox.until((r) => r.data!.pageStatus.incidents.some((i: { message: string }) => i.message.startsWith(`${updates} `)));

    sockets[0]!.resume();
    await until(() => closeCode !== null, 5_000, "the slow client to see the close");
    expect(closeCode).toBe(SLOW_CONSUMER_CLOSE.code);
    await Promise.all([slow.dispose(), healthy.dispose()]);
  });
});
