// One change reaches thousands of subscribers with the same payload object. When
// they also sent the same operation (same document, operation name and
// variables) the result is the same too, so it is executed once and shared.
// That holds only for payloads whose fields resolve from the payload alone,
// never from the context (who is asking): the hub's live payloads, marked with
// `sharedPayload` after access was checked when each subscription started.
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { directSink, isSinkCapable } from "./direct-delivery.js";

type Result = ExecutionResult | Promise<ExecutionResult>;

const sharedPayloads = new WeakSet<object>();
/** Results by payload, then by operation; both go when the payload is no longer referenced. */
const results = new WeakMap<object, Map<string, Result>>();
const documentIds = new WeakMap<DocumentNode, number>();
let lastDocumentId = 0;

/** Marks a payload whose subscribers may share execution results (its fields must not read the context). */
export function sharedPayload<T extends object>(payload: T): T {
  sharedPayloads.add(payload);
  return payload;
}

// Yoga's parser cache hands every subscriber that sent the same text the same document object.
function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = ++lastDocumentId));
  return `${id}\n${args.operationName ?? ""}\n${JSON.stringify(args.variableValues ?? {})}`;
}

function executeEvent(args: ExecutionArgs, key: string, payload: unknown): Result {
  if (typeof payload !== "object" || payload === null || !sharedPayloads.has(payload)) return execute({ ...args, rootValue: payload });
  let byOperation = results.get(payload);
  if (!byOperation) results.set(payload, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) {
    byOperation.set(key, (result = execute({ ...args, rootValue: payload })));
    // Once settled, later subscribers take the result as it is, without a promise turn.
    if (isPromise(result)) void result.then((settled) => byOperation.set(key, settled));
  }
  return result;
}

const isPromise = (value: Result): value is Promise<ExecutionResult> => typeof (value as Promise<unknown>).then === "function";

/** graphql-js `subscribe`, executing each event through the shared results. */
async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = operationKey(args);
  // Over graphql-ws, events reaching an idle subscriber are written to its socket at once.
  if (isSinkCapable(source)) source.sink = directSink(args.contextValue, (item) => executeEvent(args, key, item));
  return new SharedEvents(source, args, key);
}

const DONE = { value: undefined, done: true } as const;

/**
 * The subscription's events, executed. Unlike an async generator, `return()` reaches
 * the source at once even while a `next()` is pending, so an unsubscribe frees the
 * subscription without waiting for one more event. (A class: one lives per subscriber.)
 */
class SharedEvents implements AsyncGenerator<ExecutionResult> {
  private readonly source: AsyncIterator<unknown>;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly args: ExecutionArgs,
    private readonly key: string,
  ) {
    this.source = source[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then((step) => this.executed(step));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (!this.source.throw) throw error;
    return this.executed(await this.source.throw(error));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private executed(step: IteratorResult<unknown>): IteratorResult<ExecutionResult> | Promise<IteratorResult<ExecutionResult>> {
    if (step.done) return DONE;
    const result = executeEvent(this.args, this.key, step.value);
    return isPromise(result) ? result.then((value) => ({ value, done: false })) : { value: result, done: false };
  }
}

/** Yoga plugin: subscriptions (WebSocket and SSE alike) execute their events through the shared results. */
export function useSharedExecution(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
