// Live events written straight to a subscriber's socket.
//
// On the ordinary path every event travels, per subscriber, through its queue's
// promise, the shared-execution iterator, Yoga's result hooks and graphql-ws's
// loop before it is serialized and written; for a page with thousands of
// subscribers that per-subscriber trip is most of an update's fan-out.
//
// A graphql-ws subscription whose consumer is idle (waiting for its next event,
// so everything before has been sent) has nothing to gain from that trip. For
// it, the queue hands the event to a sink instead, which takes the shared
// execution result and its bytes (each made once per event and operation) and
// writes the `next` message itself, as one ready-made frame (ws-frame.ts). An event whose result has errors, or whose
// result is not ready yet, goes the ordinary way, so Yoga masks errors as ever;
// results without errors pass Yoga's result hooks unchanged, which is what
// makes skipping them safe.
import type { ExecutionResult } from "graphql";
import { resultJson } from "./preserialized.js";

/** Where a WebSocket operation's messages go: its connection and its graphql-ws id. */
export interface SocketTarget {
  /** Sends one text message: `head` then `body`, UTF-8. */
  writeText(head: Buffer, body: Buffer): void;
}

/** Events written by sinks so far, in this process (tests and diagnostics read it). */
export const directDeliveries = { count: 0 };

const targets = new WeakMap<object, { socket: SocketTarget; prefix: Buffer }>();
/** Each result's JSON and the message's closing brace, as UTF-8: made once per result. */
const bodies = new WeakMap<ExecutionResult, Buffer>();

/** Marks an operation's context as belonging to graphql-ws subscription `id` on `socket`. */
export function deliverDirectly(context: object, socket: SocketTarget, id: string): void {
  // graphql-ws writes `{"id":…,"type":"next","payload":…}` (JSON.stringify, key order as here).
  targets.set(context, { socket, prefix: Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`) });
}

/** A queue that can hand items to a sink while its consumer is idle (BoundedQueue). */
export interface SinkCapable<T> {
  sink: ((item: T) => boolean) | null;
}

export const isSinkCapable = (value: object): value is SinkCapable<unknown> => "sink" in value;

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * The sink for a subscription of `context`'s operation, if it runs over graphql-ws:
 * writes an item's result when it is ready and error-free and says whether it did.
 */
export function directSink(context: unknown, execute: (item: unknown) => Result): ((item: unknown) => boolean) | null {
  const target = typeof context === "object" && context !== null ? targets.get(context) : undefined;
  if (!target) return null;
  const { socket, prefix } = target;
  return (item) => {
    const result = execute(item);
    if (typeof (result as Promise<unknown>).then === "function" || (result as ExecutionResult).errors) return false;
    let body = bodies.get(result as ExecutionResult);
    if (!body) bodies.set(result as ExecutionResult, (body = Buffer.from(`${resultJson(result as ExecutionResult)}}`)));
    socket.writeText(prefix, body);
    directDeliveries.count++;
    return true;
  };
}
