// The requests `npm run bench` measures, as sent by a browser or a CDN: the web
// client's own page query for the demo page (the text urql sends), by POST, by GET,
// revalidated, and with an API key (which bypasses the shared caches), against the
// cheapest request Yoga serves.
import { stringifyDocument } from "@urql/core";
import { PageQuery } from "../web/src/components/PublicPage.graphql.js";
import type { LoadSpec } from "./read-protocol.js";

export const PAGE = { query: stringifyDocument(PageQuery), variables: { slug: "demo" } };
export const UPDATE = `mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`;

export interface Scenario {
  name: string;
  spec: (url: string, apiKey: string, etag: string) => Omit<LoadSpec, "connections" | "durationSeconds">;
  target?: number;
}

export const json = { "content-type": "application/json", accept: "application/json" };
export const getUrl = (url: string) => `${url}?query=${encodeURIComponent(PAGE.query)}&variables=${encodeURIComponent(JSON.stringify(PAGE.variables))}`;
/** `--only operator`: the baseline and the operator's row. */
export const OPERATOR_ROWS = [0, 4];
export const SCENARIOS: Scenario[] = [
  // GET like the reads it is compared with; `{ __typename }` alone is never cached, so Yoga executes it every time.
  { name: "baseline: GET `{ __typename }`", spec: (url) => ({ url: `${url}?query=${encodeURIComponent("{ __typename }")}`, method: "GET", headers: { accept: "application/json" } }) },
  { name: "page query, POST (response cache)", spec: (url) => ({ url, method: "POST", headers: json, body: JSON.stringify(PAGE) }) },
  { name: "page query, GET", spec: (url) => ({ url: getUrl(url), method: "GET", headers: { accept: "application/json" } }), target: 0.5 },
  { name: "page query, GET + If-None-Match (304)", spec: (url, _k, etag) => ({ url: getUrl(url), method: "GET", headers: { accept: "application/json", "if-none-match": etag } }), target: 0.8 },
  // An operator: no shared cache answers it, but the page it reads is read once per change.
  { name: "page query, POST with an API key (operator)", spec: (url, key) => ({ url, method: "POST", headers: { ...json, authorization: `Bearer ${key}` }, body: JSON.stringify(PAGE) }), target: 0.2 },
];
