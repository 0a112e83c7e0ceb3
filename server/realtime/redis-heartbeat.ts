// A PING on each Redis connection every interval, and a verdict on those left
// unanswered. ioredis has no heartbeat of its own: an idle connection sends nothing,
// so a Redis that froze (or a network that drops packets without a reset) would go
// unnoticed on it, and TCP keep-alive does not help (a stopped process's kernel still
// answers its probes). ioredis's socketTimeout is not used either: its timer can fire
// right after the event loop was busy for a moment, before the reply already waiting
// in the socket is read, and drop a healthy connection; the verdict here waits for the
// next poll phase (setImmediate), so a reply that arrived in time is always counted.
import type { Redis } from "ioredis";

export interface HeartbeatOptions {
  everyMs: number;
  /** A PING went unanswered for `everyMs`: the connection is to be taken for silent. */
  onSilent(name: string, client: Redis): void;
  /** A PING was answered. */
  onAnswer(client: Redis): void;
}

/** Starts the PINGs; call the returned function to stop them. */
export function startHeartbeat(clients: [string, Redis][], options: HeartbeatOptions): () => void {
  const waiting = new Set<Redis>();
  const timer = setInterval(() => {
    for (const [name, client] of clients) {
      // One PING in flight per connection: a silent one gets its verdict, not a queue of PINGs.
      if (client.status !== "ready" || waiting.has(client)) continue;
      waiting.add(client);
      let answered = false;
      client
        .ping()
        .then(
          () => {
            answered = true;
            options.onAnswer(client);
          },
          () => void (answered = true), // The connection closed: its "close" reports that.
        )
        .finally(() => waiting.delete(client));
      const verdict = setTimeout(
        () =>
          setImmediate(() => {
            if (!answered && client.status === "ready") options.onSilent(name, client);
          }),
        options.everyMs,
      );
      verdict.unref();
    }
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
