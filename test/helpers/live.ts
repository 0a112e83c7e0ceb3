// Real live-update clients for tests: graphql-ws, urql over graphql-ws, and raw
// SSE. Each subscription collects what arrives in an Inbox that tests await.
import { Client as UrqlClient, subscriptionExchange } from "@urql/core";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

// biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
type Result = { data?: Record<string, any> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

/** Messages of one subscription, in order; `next()` waits for the following one. */
export class Inbox<T = Result> {
  readonly received: T[] = [];
  private read = 0;
  private wake: (() => void) | null = null;
  completed = false;
  error: unknown = null;

  push(item: T): void {
    this.received.push(item);
    this.wake?.();
  }
  end(error?: unknown): void {
    this.completed = true;
    this.error = error ?? null;
    this.wake?.();
  }

  /** The next message not yet read; fails after `timeoutMs`. */
  async next(timeoutMs = 3_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.received.length) {
      if (this.completed) throw new Error(`subscription ended (${String(this.error)}) after ${this.received.length} messages`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms (got ${this.received.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.received[this.read++]!;
  }

  /** Reads until a message satisfies `accept`, skipping the others. */
  async until(accept: (item: T) => boolean, timeoutMs = 3_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const item = await this.next(Math.max(deadline - Date.now(), 1));
      if (accept(item)) return item;
    }
  }
}

/** A graphql-ws client as Node runs it (no global WebSocket), without retries so failures show. */
export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export interface Subscription<T = Result> {
  inbox: Inbox<T>;
  stop(): void;
}

export function subscribeWs(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription {
  const inbox = new Inbox();
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
  const stop = client.subscribe<Record<string, any>>(
    { query, variables },
    {
      next: (result) => inbox.push(result as Result),
      error: (error) => inbox.end(error),
      complete: () => inbox.end(),
    },
  );
  return { inbox, stop };
}

/** An urql client whose subscriptions go through graphql-ws, as the web client's do. */
export function urqlClient(url: string, ws: Client): UrqlClient {
  return new UrqlClient({
    url,
    exchanges: [
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? "" }, sink) }),
        }),
      }),
    ],
  });
}

export function subscribeUrql(client: UrqlClient, query: string, variables: Record<string, unknown> = {}): Subscription {
  const inbox = new Inbox();
  const { unsubscribe } = client.subscription(query, variables).subscribe((result) => {
    inbox.push({ data: result.data ?? null, errors: result.error?.graphQLErrors });
  });
  return { inbox, stop: unsubscribe };
}

/** A subscription over SSE (GraphQL over HTTP, `Accept: text/event-stream`), parsed from the raw stream. */
export function subscribeSse(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Subscription {
  const inbox = new Inbox();
  const abort = new AbortController();
  void (async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = res.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === "next" && data) inbox.push(JSON.parse(data) as Result);
        if (event === "complete") inbox.end();
      }
    }
    inbox.end();
  })().catch((error: unknown) => inbox.end(error));
  return { inbox, stop: () => abort.abort() };
}

/** Waits until `condition()` holds, polling; for server-side state no message announces. */
export async function until(condition: () => boolean, timeoutMs = 3_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
