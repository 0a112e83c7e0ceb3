/**
 * One JSON serialization per live result, whoever receives it.
 *
 * graphql-ws serializes every `next` message, result included, for each
 * subscriber; one update going to thousands of subscribers would be thousands of
 * JSON.stringify calls over the same shared result object (shared-execution.ts).
 * Instead `onNext` hands graphql-ws a stand-in that serializes to a token, and the
 * socket adapter (ws-connection.ts) splices the result's JSON, made once per result
 * object, in place of the token. A token that cannot be replaced is never sent:
 * `splice` throws instead.
 */
import type { ExecutionResult } from "graphql";

const TOKEN = "@@statusgraph-json:";
const serialized = new WeakMap<object, string>();

/** The result's JSON, made once per result object. */
export function resultJson(result: ExecutionResult): string {
  let json = serialized.get(result);
  if (json === undefined) serialized.set(result, (json = JSON.stringify(result)));
  return json;
}

/** Thrown when a message that carries a stand-in cannot have the result spliced in. */
export class SpliceError extends Error {
  override readonly name = "SpliceError";
}

/** Serializes to its token, and tells its owner that the next message sent carries it. */
class StandIn {
  constructor(
    private readonly owner: Preserialized,
    private readonly token: number,
  ) {}
  toJSON(): string {
    this.owner.serializing(this.token);
    return `${TOKEN}${this.token}`;
  }
}

/** JSON of results waiting to be spliced into one socket's next messages, by token number. */
export class Preserialized {
  private readonly pending = new Map<number, string>();
  private last = 0;
  /** The token serialized into the message being made (graphql-ws stringifies and sends in one go); 0 when none. */
  private expected = 0;

  /** A stand-in for `result` (for graphql-ws `onNext`), or undefined to let graphql-ws format it (results with errors). */
  standIn(result: ExecutionResult): object | undefined {
    if (result.errors) return undefined;
    const token = ++this.last;
    this.pending.set(token, resultJson(result));
    return new StandIn(this, token);
  }

  /** Called by a stand-in as it is serialized. */
  serializing(token: number): void {
    this.expected = token;
  }

  /**
   * The message with the stand-in's token replaced by the result's JSON; a message
   * no stand-in went into is returned unchanged. Throws SpliceError, never returning
   * the token, when the token serialized into the message is not found in it (e.g. a
   * JSON replacer changed it) or its result is unknown.
   */
  splice(message: string): string {
    const token = this.expected;
    if (token === 0) return message;
    this.expected = 0;
    const json = this.pending.get(token);
    this.pending.delete(token);
    const quoted = `"${TOKEN}${token}"`;
    const at = message.lastIndexOf(quoted);
    if (json === undefined || at < 0) throw new SpliceError(`The live result for stand-in ${token} could not be spliced into its message; not sent`);
    return message.slice(0, at) + json + message.slice(at + quoted.length);
  }
}
