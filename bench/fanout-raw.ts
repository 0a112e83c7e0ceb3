// The baseline: a bare `ws` server that sends the same bytes to every socket, as
// fast as ws can, and reports its memory as the app server does.
// Run with `node --expose-gc --import tsx bench/fanout-raw.ts`.
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { clock, type FromRaw, type ToRaw } from "./fanout-protocol.js";

const gc = (globalThis as { gc?: () => void }).gc;

const send = (message: FromRaw) => process.send!(message);
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, backlog: 4096 });
wss.on("connection", (socket) => socket.on("error", () => {}));

process.on("message", (message: ToRaw) => {
  if (message.type === "memory") {
    for (let i = 0; i < 3; i++) gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return send({ type: "memory", memory: { rss, heapUsed } });
  }
  if (message.type === "stop") {
    for (const socket of wss.clients) socket.terminate();
    wss.close(() => process.exit(0));
    return;
  }
  const at = clock();
  const cpu = process.cpuUsage();
  for (const socket of wss.clients) socket.send(message.message);
  const { user, system } = process.cpuUsage(cpu);
  send({ type: "sent", at, doneAt: clock(), cpuMs: (user + system) / 1000 });
});

wss.on("listening", () => send({ type: "ready", url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` }));
