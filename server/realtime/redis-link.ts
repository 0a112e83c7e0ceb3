// Whether events flow through Redis: the outage (slow or down, and why) while they do
// not, logged once as it begins, and a recovery announced once both connections are
// ready again with every subscription restored.
import type { Logger } from "../logger.js";
import { bothReady, named, outageOf, type OutageState, type RedisConnections } from "./redis-connections.js";

/** Why events do not flow. */
export interface Outage {
  state: OutageState;
  detail: string;
}

/** The link's state as the bus reads it. */
export interface RedisLink {
  /** True once events flow, until the next outage. */
  up(): boolean;
  /** True once the bus is closing: nothing is logged or announced any more. */
  closing(): boolean;
  /** True while an outage has been logged and not yet ended. */
  outageLogged(): boolean;
  /** The current outage, or the last one. */
  outage(): Outage;
  /** Settles the first time events flow. */
  connected: Promise<void>;
  /** Marks an outage; logs it as it begins, and again only when it changes between slow and down. */
  lost(state: OutageState, reason: string): void;
  /** Declares events flowing once both connections are ready and the subscriptions restored. */
  recoverIfReady(): Promise<void>;
  /** Adds a listener called each time events flow again. */
  onRecovered(listener: () => void): void;
  close(): void;
}

/** Follows both connections' errors, closes and readiness; `at` names Redis in the logs. */
export function watchLink(connections: RedisConnections, log: Logger, at: string, pingEveryMs: number): RedisLink {
  const link = createLink(connections, log, at);
  for (const [name, client] of named(connections)) {
    client.on("error", (error: Error) => {
      // An error on a ready connection is followed by "close" if it is fatal; alone, it is no outage.
      if (link.closing()) return;
      if (client.status === "ready") return void log.warn(`Redis ${name}: ${error.message}`);
      const state = outageOf(error);
      if (state) link.lost(state, `${name}: ${state === "slow" ? `no connection within ${pingEveryMs} ms` : error.message}`);
      else if (link.up()) link.lost("down", `${name}: ${error.message}`);
    });
    // During an outage a close is one more retry; it is news only on a working connection.
    client.on("close", () => void (link.up() && link.lost("down", `${name} connection closed`)));
    client.on("ready", () => void link.recoverIfReady());
  }
  return link;
}

function createLink(connections: RedisConnections, log: Logger, at: string): RedisLink {
  const { subscriber } = connections;
  const listeners: (() => void)[] = [];
  let up = false;
  let closing = false;
  let outageLogged = false;
  let outage: Outage = { state: "down", detail: "not connected yet" };
  let firstUp = () => {};
  const connected = new Promise<void>((resolve) => (firstUp = resolve));

  function lost(state: OutageState, reason: string): void {
    if (closing) return;
    up = false;
    const changed = state !== outage.state;
    outage = { state, detail: reason };
    if (outageLogged && !changed) return;
    outageLogged = true;
    const what = state === "slow" ? "not answering" : "unreachable";
    log.warn(`Redis at ${at} is ${what} (${reason}): live events between instances are paused, queries and mutations are unaffected`);
  }

  async function recoverIfReady(): Promise<void> {
    if (up || closing || !bothReady(connections)) return;
    // ioredis re-subscribes right after "ready"; a PING queued behind those SUBSCRIBEs
    // answers once they are in place, so the resync cannot miss an event after it.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await subscriber.ping();
    } catch {
      return; // Lost again; the next "ready" retries.
    }
    if (up || closing || !bothReady(connections)) return;
    up = true;
    firstUp();
    if (outageLogged) log.info(`Redis at ${at} is reachable again: resyncing live subscribers`);
    outageLogged = false;
    for (const listener of listeners) listener();
  }

  return {
    up: () => up,
    closing: () => closing,
    outageLogged: () => outageLogged,
    outage: () => outage,
    connected,
    lost,
    recoverIfReady,
    onRecovered: (listener) => void listeners.push(listener),
    close: () => void (closing = true),
  };
}
