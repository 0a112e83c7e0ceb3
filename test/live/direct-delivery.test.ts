// Events for an idle graphql-ws subscriber are written straight to its socket
// (direct-delivery.ts): the same bytes graphql-ws would send, in order, while
// SSE subscribers and anything not ready keep the ordinary path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as wsModule from "ws";
import WebSocket from "ws";
import { BoundedQueue } from "../../server/realtime/bounded-queue.js";
import { directDeliveries } from "../../server/realtime/direct-delivery.js";
import { textFrame } from "../../server/realtime/ws-frame.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, type PageRef } from "../helpers/fixtures.js";
import { Inbox, subscribeSse, subscribeWs, wsClient } from "../helpers/live.js";

/** ws's framer; @types/ws does not declare it. */
const { Sender } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[] };
};

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status incidents { message } } }`;

describe("a subscription queue with a sink", () => {
  it("hands items to the sink only while its consumer waits, and queues them otherwise", async () => {
    const queue = new BoundedQueue<number>({ limit: 10, overflow: () => new Error("overflow") });
    const sunk: number[] = [];
    queue.sink = (item) => {
      sunk.push(item);
      return true;
    };

    queue.push(1); // nobody waits yet: queued for next()
    expect(await queue.next()).toEqual({ value: 1, done: false });
    const pending = queue.next(); // the consumer waits: everything before is delivered
    queue.push(2);
    queue.push(3);
    expect(sunk).toEqual([2, 3]);

    queue.sink = (item) => {
      if (item === 4) return false;
      sunk.push(item);
      return true;
    };
    queue.push(4); // refused (say, a result with errors): the waiting consumer gets it
    expect(await pending).toEqual({ value: 4, done: false });
    queue.push(5); // the consumer is busy with 4: queued behind it, in order
    expect(sunk).toEqual([2, 3]);
    expect(await queue.next()).toEqual({ value: 5, done: false });

    queue.end();
    queue.push(6);
    expect(sunk).toEqual([2, 3]);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});

describe("over a real server", () => {
  let t: TestApp;
  let page: PageRef;
  let url: string;
  let incident: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [api] = (await createComponents(t, ["API"])) as [string];
    page = await createPage(t, [api]);
    incident = await publishIncident(t, page.id, [{ componentId: api, impact: "PARTIAL_OUTAGE" }], { message: "Looking." });
    url = await t.app.start(0);
  });
  afterAll(() => t.close());

  it("writes updates to idle graphql-ws subscribers directly, as graphql-ws formats them", async () => {
    // A bare socket, to see the exact bytes.
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const raw = new Inbox<string>();
    // Text frames, as graphql-transport-ws requires (browsers hand binary ones over as Blobs).
    socket.on("message", (data, isBinary) => raw.push(isBinary ? "binary frame" : String(data)));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init" }));
    expect(JSON.parse(await raw.next())).toEqual({ type: "connection_ack" });
    socket.send(JSON.stringify({ id: "sub-1", type: "subscribe", payload: { query: STATUS, variables: { page: page.slug } } }));
    const first = await raw.next();

    const before = directDeliveries.count;
    await publishIncidentUpdate(t, incident, { message: "Found it." });
    const second = await raw.next();

    expect(directDeliveries.count).toBe(before + 1);
    for (const [message, text] of [
      [first, "Looking."],
      [second, "Found it."],
    ] as const) {
      // Byte for byte what graphql-ws's stringifyMessage makes of the parsed message.
      const parsed = JSON.parse(message) as { id: string; type: string; payload: unknown };
      expect(message).toBe(JSON.stringify({ id: parsed.id, type: parsed.type, payload: parsed.payload }));
      expect(parsed).toEqual({ id: "sub-1", type: "next", payload: { data: { pageStatus: { status: "PARTIAL_OUTAGE", incidents: [{ message: text }] } } } });
    }
    socket.close();
  });

  it("delivers to many graphql-ws subscribers directly and in order, and to SSE subscribers the ordinary way", async () => {
    const clients = Array.from({ length: 10 }, () => wsClient(url));
    const subscriptions = clients.map((client) => subscribeWs(client, STATUS, { page: page.slug }));
    const sse = subscribeSse(url, STATUS, { page: page.slug });
    for (const s of [...subscriptions, sse]) await s.inbox.next();

    const before = directDeliveries.count;
    for (const message of ["One.", "Two.", "Three."]) await publishIncidentUpdate(t, incident, { message });
    for (const s of [...subscriptions, sse]) {
      const received = [];
      for (let i = 0; i < 3; i++) received.push((await s.inbox.next()).data!.pageStatus.incidents[0].message);
      expect(received).toEqual(["One.", "Two.", "Three."]);
    }
    // Thirty direct writes for the WebSocket subscribers, none for the SSE one.
    expect(directDeliveries.count - before).toBe(30);
    sse.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  });
});

describe("a direct text frame", () => {
  it("is byte for byte the frame ws sends, at every length encoding", () => {
    for (const length of [0, 1, 125, 126, 993, 65_535, 65_536, 200_000]) {
      const text = "é".repeat(Math.floor(length / 2)) + "x".repeat(length % 2);
      const bytes = Buffer.from(text);
      const [head, body] = [bytes.subarray(0, 7), bytes.subarray(7)];
      const ws = Sender.frame(Buffer.from(text), { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false });
      expect(textFrame(head, body)).toEqual(Buffer.concat(ws));
    }
  });
});
