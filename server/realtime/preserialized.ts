// graphql-ws serializes every `next` message, result included, for each
// subscriber. When one update goes to thousands of subscribers that is thousands
// of JSON.stringify calls over the same shared result object (shared-execution.ts).
// Instead, `onNext` hands graphql-ws a stand-in that serializes to a short token,
// and the socket adapter splices in the result's JSON, made once per result object.
import type { ExecutionResult } from "graphql";

const PREFIX = '"@@statusgraph-json:';
const serialized = new WeakMap<object, string>();

/** The result's JSON, made once per result object. */
export function resultJson(result: ExecutionResult): string {
  let json = serialized.get(result);
  if (json === undefined) serialized.set(result, (json = JSON.stringify(result)));
  return json;
}

/** Serializes to its token. */
class StandIn {
  constructor(private readonly token: string) {}
  toJSON(): string {
    return this.token;
  }
}

/** JSON of results waiting to be spliced into one socket's next messages, by token number. */
export class Preserialized {
  private readonly pending = new Map<number, string>();
  private last = 0;

  /** A stand-in for `result` (for graphql-ws `onNext`), or undefined to let graphql-ws format it (results with errors). */
  standIn(result: ExecutionResult): object | undefined {
    if (result.errors) return undefined;
    const token = ++this.last;
    this.pending.set(token, resultJson(result));
    return new StandIn(`@@statusgraph-json:${token}`);
  }

  /** The message with the stand-in's token replaced by the result's JSON; other messages unchanged. */
  splice(message: string): string {
    // The token is the payload, the message's last value: `…,"payload":"@@statusgraph-json:7"}`.
    const at = message.lastIndexOf(PREFIX);
    const end = message.length - 2;
    if (at < 0 || message.slice(end) !== '"}') return message;
    const token = Number(message.slice(at + PREFIX.length, end));
    const json = this.pending.get(token);
    if (json === undefined) return message;
    this.pending.delete(token);
    return message.slice(0, at) + json + message.slice(end + 1);
  }
}
