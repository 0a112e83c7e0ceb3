// Renders web components to HTML with the real urql client, talking to a real server.
import { createServer, type AddressInfo } from "node:net";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { prerender } from "react-dom/static";
import { Client, cacheExchange, fetchExchange, Provider } from "urql";

/**
 * The web client's exchanges (web/src/client.ts) aimed at `origin`: queries and mutations over
 * HTTP, each request carrying `headers` (a session cookie, an operator's key) when given.
 * Subscriptions are left out: they start in effects, which a server render does not run.
 * `suspense` lets a render wait for its answers.
 */
export function serverClient(origin: string, options: { headers?: Record<string, string>; suspense?: boolean } = {}): Client {
  const { headers = {}, suspense = false } = options;
  return new Client({ url: `${origin}/graphql`, exchanges: [cacheExchange, fetchExchange], fetchOptions: { headers }, suspense });
}

/** The first render, before any answer has arrived: what a viewer sees while the page loads. */
export function renderNow(client: Client, element: ReactElement): string {
  return renderToStaticMarkup(<Provider value={client}>{element}</Provider>);
}

/**
 * The render once every query it (and what it reveals) asks has been answered: the client
 * suspends each component until its answer has arrived, and the render waits for all of them.
 * React's markers for resuming in a browser (comments) are left out, as a static render has none.
 */
export async function renderSettled(origin: string, element: ReactElement, headers?: Record<string, string>): Promise<string> {
  const client = serverClient(origin, { headers, suspense: true });
  const { prelude } = await prerender(<Provider value={client}>{element}</Provider>);
  const html = await new Response(prelude).text();
  return html.replace(/<!--.*?-->/g, "");
}

/** An origin on loopback where nothing listens: requests to it are refused. */
export async function refusingOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}

/** Visible text, tags stripped and entities read, so assertions read like what a person sees. */
export function visibleText(html: string): string {
  const entities: Record<string, string> = { "&#x27;": "'", "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">" };
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&quot;|&amp;|&lt;|&gt;/g, (e) => entities[e]!)
    .replace(/\s+/g, " ");
}
