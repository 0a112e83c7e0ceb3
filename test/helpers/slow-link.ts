// A TCP proxy on loopback that holds every chunk for a while in each direction:
// a link to Redis that is slow, but loses and reorders nothing.
import { once } from "node:events";
import { createConnection, createServer, type Socket } from "node:net";

export interface SlowLink {
  /** The proxy's `redis://` URL (the target's scheme and path, the proxy's host and port). */
  url: string;
  close(): Promise<void>;
}

/** Relays `chunk`s from `from` to `to`, each `delayMs` later (timers of one delay fire in order). */
function relay(from: Socket, to: Socket, delayMs: number): void {
  from.on("data", (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
  from.on("end", () => setTimeout(() => to.end(), delayMs));
  from.on("error", () => to.destroy());
  from.on("close", () => setTimeout(() => to.destroy(), delayMs));
}

/** Listens on a spare loopback port and forwards each connection to `targetUrl`'s host and port, `delayMs` each way. */
export async function startSlowLink(targetUrl: string, delayMs: number): Promise<SlowLink> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    relay(client, upstream, delayMs);
    relay(upstream, client, delayMs);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
