// The live fast path writes frames through two of ws's private fields (ws-frame.ts).
// When a ws release renames or reshapes them, writeTextFrame would quietly fall back
// to ws's own send on every message; this test fails instead, naming what changed.
import { once } from "node:events";
import { Socket, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { writeTextFrame } from "../../server/realtime/ws-frame.js";

describe("ws internals the live fast path relies on", () => {
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
  });

  async function pair(): Promise<{ server: WebSocket; client: WebSocket }> {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(wss, "listening");
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate: false });
    const [server] = (await once(wss, "connection")) as [WebSocket];
    await once(client, "open");
    closers.push(() => {
      client.terminate();
      wss.close();
    });
    return { server, client };
  }

  it("keeps the TCP socket in _socket and the sender's queue size in _sender._bufferedBytes", async () => {
    const { server } = await pair();
    const internals = server as unknown as { _socket?: unknown; _sender?: { _bufferedBytes?: unknown } };
    expect(internals._socket, "ws's _socket is no longer the TCP socket").toBeInstanceOf(Socket);
    expect(typeof internals._sender?._bufferedBytes, "ws's _sender._bufferedBytes is gone").toBe("number");
    expect(server.extensions, "ws's negotiated extensions are no longer a string").toBe("");
  });

  it("writes a frame the client reads as one text message, without falling back to send()", async () => {
    const { server, client } = await pair();
    const message = once(client, "message") as Promise<[Buffer, boolean]>;
    const head = Buffer.from('{"id":"1","type":"next","payload":');
    const body = Buffer.from(`${JSON.stringify({ data: { text: "é".repeat(200) } })}}`);
    expect(writeTextFrame(server, head, body)).toBe(true);
    const [data, isBinary] = await message;
    expect(isBinary).toBe(false);
    expect(JSON.parse(String(data))).toEqual({ id: "1", type: "next", payload: { data: { text: "é".repeat(200) } } });
  });
});
