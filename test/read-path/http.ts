// Requests as HTTP caches and browsers send them: GET with the query in the URL,
// anonymous unless headers say otherwise, and the headers of the answer kept.
import type { TestApp } from "../helpers/app.js";

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; null for an empty body (304). */
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** GET /graphql?query=…&variables=… through `yoga.fetch`; no credentials unless `headers` carry some. */
export async function get(t: TestApp, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL("http://localhost/graphql");
  url.searchParams.set("query", query);
  if (variables) url.searchParams.set("variables", JSON.stringify(variables));
  return answer(await t.app.yoga.fetch(url, { method: "GET", headers: { accept: "application/json", ...headers } }));
}

/** POST /graphql as JSON; anonymous unless `headers` carry credentials. */
export async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init = { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: JSON.stringify(body) };
  return answer(await t.app.yoga.fetch("http://localhost/graphql", init));
}

/** The web client's first-screen query for a public page, trimmed to what a status page shows. */
export const PAGE_QUERY = /* GraphQL */ `
  query Page($slug: String!) {
    statusPage(slug: $slug) {
      title
      summary { status sentence }
      groups { name components { id name status } }
      incidents { name status updates { status message } }
      maintenances(state: UPCOMING) { name startsAt }
    }
  }
`;
