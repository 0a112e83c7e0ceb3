// Messages between bench/run.ts and its child processes (Node IPC), and the
// helpers it uses to start them: each child runs under tsx, output inherited.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** From the app server (read-server.ts). */
export type FromServer =
  /** `session`: a signed-in viewer's session secret on the demo customer page. */
  | { type: "ready"; url: string; apiKey: string; incidentId: string; session: string }
  | { type: "statements"; count: number }
  | { type: "sessions"; secrets: string[] }
  /** Heap in use after a full garbage collection, bytes. */
  | { type: "heap"; usedBytes: number };
export type ToServer = { type: "statements" } | { type: "sessions"; count: number } | { type: "heap" } | { type: "stop" };

/** A load run (read-load.ts): what to send, and what came back. */
export interface LoadSpec {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Session secrets sent as the session cookie in turn, one per request (in place of any cookie in `headers`). */
  sessions?: string[];
  connections: number;
  durationSeconds: number;
}
export interface LoadResult {
  type: "result";
  rps: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  /** Responses by status code, e.g. { "200": 41000 } or { "304": 52000 }. */
  statuses: Record<string, number>;
}

/** From the subscriber process (read-subscribers.ts). */
export type FromSubscribers =
  | { type: "ready" }
  /** Every subscriber has received update number `round`; `lastAt` is when the last one did (clock()). */
  | { type: "delivered"; round: number; lastAt: number }
  | { type: "failed"; error: string };
export type ToSubscribers = { type: "subscribe"; url: string; count: number; pageSlug: string } | { type: "stop" };

/** Wall-clock milliseconds, comparable between processes on one machine. */
export const clock = (): number => performance.timeOrigin + performance.now();

const here = new URL(".", import.meta.url).pathname;

/** Starts `bench/<script>` in its own Node process with IPC (`nodeFlags` such as `--expose-gc`). */
export function child(script: string, args: string[] = [], nodeFlags: string[] = []): ChildProcess {
  return fork(join(here, script), args, { execArgv: ["--import", "tsx", ...nodeFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/** The next IPC message of `type` from `proc`; a "failed" message or an early exit rejects. */
export function next<M extends { type: string }, T extends M["type"]>(proc: ChildProcess, type: T): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code} while waiting for "${type}"`));
    const onMessage = (message: M) => {
      if (message.type === "failed") reject(new Error((message as unknown as { error: string }).error));
      if (message.type !== type) return;
      proc.off("message", onMessage);
      proc.off("exit", onExit);
      resolve(message as Extract<M, { type: T }>);
    };
    proc.on("message", onMessage);
    proc.once("exit", onExit);
  });
}
