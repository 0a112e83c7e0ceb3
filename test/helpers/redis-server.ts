// A Redis of a test's own, on a spare loopback port, that the test may kill and
// restart (the shared one on 6379 serves everyone else and is never touched).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { checkRedis } from "./services.js";

export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL: no goodbye to clients, as a crash or a lost machine looks to them. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers, as a hung server or a silent network fault looks. */
  freeze(): void;
  /** SIGCONT, after `freeze`. */
  thaw(): void;
}

/** A port nothing listens on right now (the kernel's pick, released at once). */
export async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `redis-server` without persistence on a spare port; `kill()` it in afterAll. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await sparePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const args = ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"];
    const started = spawn("redis-server", args, { stdio: ["ignore", "ignore", "inherit"] });
    child = started;
    const exited = once(started, "exit").then(() => {
      throw new Error(`redis-server on port ${port} exited at start`);
    });
    exited.catch(() => undefined);
    await Promise.race([waitUntil(async () => (await checkRedis(url, 500)).available, 10_000, `redis-server on port ${port}`), exited]);
  }

  async function kill(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill("SIGKILL");
    await once(running, "exit");
  }

  await start();
  return {
    port,
    url,
    kill,
    restart: start,
    freeze: () => void child?.kill("SIGSTOP"),
    thaw: () => void child?.kill("SIGCONT"),
  };
}
