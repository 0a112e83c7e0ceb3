// Keep-alives: every open WebSocket is pinged once per interval (so proxies see
// traffic on idle connections), and a peer that stops answering is dropped.
import { EventEmitter } from "node:events";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { startHeartbeat } from "../../server/realtime/heartbeat.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { until } from "../helpers/live.js";

const INTERVAL_MS = 600;

let t: TestApp;
let wsUrl: string;

beforeAll(async () => {
  t = await createTestApp({ webSocketKeepAliveMs: INTERVAL_MS });
  wsUrl = (await t.app.start(0)).replace(/^http/, "ws");
});
afterAll(() => t.close());

function open(options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, "graphql-transport-ws", options);
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

describe("WebSocket keep-alive", () => {
  it("pings every idle connection once per interval, and keeps the ones that answer", async () => {
    const sockets = await Promise.all(Array.from({ length: 5 }, () => open()));
    const pings = sockets.map(() => [] as number[]);
    const started = Date.now();
    for (const [i, socket] of sockets.entries()) socket.on("ping", () => pings[i]!.push(Date.now() - started));

    // Three pings each; a loaded machine may delay timers, so the wait is generous.
    await until(() => pings.every((times) => times.length >= 3), INTERVAL_MS * 15, "three pings on every socket");

    for (const times of pings) {
      // Never more than one per interval (a round takes the whole interval, however few the sockets).
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(INTERVAL_MS * 0.9);
    }
    // ws answers pings itself, so every socket is still open.
    expect(sockets.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);
    for (const socket of sockets) socket.close();
  });

  it("drops a connection that stops answering pings", async () => {
    // autoPong off: this client never answers, like a peer whose network went away.
    const silent = await open({ autoPong: false } as WebSocket.ClientOptions);
    const answering = await open();
    const closed = new Promise<number>((resolve) => silent.once("close", (code) => resolve(code)));

    const code = await Promise.race([closed, new Promise<"open">((resolve) => setTimeout(() => resolve("open"), INTERVAL_MS * 10))]);

    // Terminated without a closing handshake: the client sees 1006 (abnormal closure).
    expect(code).toBe(1006);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });
});

describe("the ping rounds", () => {
  it("are spread over the interval, so no moment pings more than a small share of the sockets", () => {
    vi.useFakeTimers();
    try {
      class FakeSocket extends EventEmitter {
        pings: number[] = [];
        ping() {
          this.pings.push(Date.now());
        }
        terminate() {
          throw new Error("an answering socket was terminated");
        }
      }
      const fakes = Array.from({ length: 12_000 }, () => new FakeSocket());
      const sockets = new Set(fakes as unknown as WebSocket[]);
      const heartbeat = startHeartbeat(sockets, 12_000);
      for (const socket of sockets) heartbeat.track(socket);

      vi.advanceTimersByTime(12_000);
      // Every socket answers the first round's ping before the second round reaches it.
      for (const fake of fakes) fake.emit("pong");
      vi.advanceTimersByTime(12_000);
      heartbeat.stop();

      expect(fakes.every((fake) => fake.pings.length === 2)).toBe(true);
      const perInstant = new Map<number, number>();
      for (const fake of fakes) for (const at of fake.pings) perInstant.set(at, (perInstant.get(at) ?? 0) + 1);
      // 120 steps per interval: 100 of 12,000 sockets at a time, never all at once.
      expect(Math.max(...perInstant.values())).toBe(100);
      // Each socket's two pings are one interval apart.
      expect(fakes.every((fake) => Math.abs(fake.pings[1]! - fake.pings[0]! - 12_000) <= 100)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
