// A live result's JSON is made once and spliced into each subscriber's message in
// place of a stand-in token. When the splice cannot happen (here: a JSON replacer
// that rewrites strings, as graphql-ws's `jsonMessageReplacer` option may), the
// token must never reach a client: splicing throws, and the connection closes.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { buildSchema } from "graphql";
import { CloseCode, makeServer, MessageType, stringifyMessage } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { Preserialized, SpliceError } from "../../server/realtime/preserialized.js";
import { Connection, type Extra } from "../../server/realtime/ws-connection.js";
import { memoryLog } from "../helpers/logs.js";

const TOKEN = "@@statusgraph-json:";
const result = { data: { status: { name: "API", state: "OPERATIONAL" } } };
/** Rewrites the strings of payloads (not the protocol's `id` and `type`), as a replacer that re-encodes text would. */
const rewriteStrings = (key: string, value: unknown) => (typeof value === "string" && key !== "id" && key !== "type" ? `~${value}` : value);

describe("Preserialized.splice", () => {
  it("puts the result's JSON where graphql-ws serialized the stand-in", () => {
    const preserialized = new Preserialized();
    const message = stringifyMessage({ id: "7", type: MessageType.Next, payload: preserialized.standIn(result) as typeof result });
    expect(message).toContain(TOKEN);
    const spliced = preserialized.splice(message);
    expect(spliced).not.toContain(TOKEN);
    expect(JSON.parse(spliced)).toEqual({ id: "7", type: "next", payload: result });
  });

  it("leaves a message without a stand-in unchanged, even one whose text looks like a token", () => {
    const preserialized = new Preserialized();
    const text = { data: { message: `${TOKEN}1` } };
    const message = stringifyMessage({ id: "1", type: MessageType.Next, payload: text });
    expect(preserialized.splice(message)).toBe(message);
  });

  it("throws rather than return a message whose token a replacer changed", () => {
    const preserialized = new Preserialized();
    const message = stringifyMessage({ id: "1", type: MessageType.Next, payload: preserialized.standIn(result) as typeof result }, rewriteStrings);
    expect(message).toContain(TOKEN);
    expect(() => preserialized.splice(message)).toThrow(SpliceError);
  });
});

describe("a connection whose live result cannot be spliced", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  /** A real graphql-ws server on a loopback ws server, through the app's Connection and stand-ins. */
  async function serve(replacer?: (key: string, value: unknown) => unknown) {
    const schema = buildSchema("type Query { ok: Boolean } type Status { name: String state: String } type Subscription { status: Status }");
    const root = {
      status: async function* () {
        yield result.data;
      },
    };
    const protocol = makeServer<Record<string, unknown> | undefined, Extra>({
      schema,
      roots: { subscription: root },
      jsonMessageReplacer: replacer,
      onNext: (ctx, _id, _payload, _args, next) => (ctx.extra.preserialized ??= new Preserialized()).standIn(next) as never,
    });
    const log = memoryLog();
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    wss.on("connection", (socket, request) => new Connection(socket, request, protocol, false, log.logger));
    await once(wss, "listening");
    closers.push(() => new Promise((resolve) => wss.close(() => resolve())));
    return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, log };
  }

  /** Subscribes over a raw socket; resolves with every frame received and the close code. */
  async function subscribe(url: string): Promise<{ frames: string[]; code: number }> {
    const socket = new WebSocket(url, "graphql-transport-ws");
    const frames: string[] = [];
    socket.on("message", (data) => {
      const frame = String(data);
      frames.push(frame);
      if (JSON.parse(frame).type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { status { name state } }" } }));
      }
      if (JSON.parse(frame).type === "complete") socket.close(1000);
    });
    await once(socket, "open");
    socket.send(JSON.stringify({ type: "connection_init" }));
    const [code] = (await once(socket, "close")) as [number];
    return { frames, code };
  }

  it("delivers the spliced result when nothing gets in the way", async () => {
    const { url } = await serve();
    const { frames, code } = await subscribe(url);
    expect(code).toBe(1000);
    expect(frames.map((frame) => JSON.parse(frame))).toContainEqual({ id: "1", type: "next", payload: result });
  });

  it("closes with graphql-ws's internal-error code (4500) and logs the failure, never sending the token", async () => {
    const { url, log } = await serve(rewriteStrings);
    const { frames, code } = await subscribe(url);
    expect(code).toBe(CloseCode.InternalServerError);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).not.toContain("statusgraph-json");
    expect(log.lines().map((line) => line.msg)).toContain("A live result could not be written; closing its connection");
  });
});
