// The requests `npm run bench` measures, as sent by a browser or a CDN: the web
// client's own page query for the demo page (the text urql sends), by POST, by GET,
// revalidated, and with an API key (an operator: no shared cache answers it, but the
// page it reads is read once per change); the web client's sub-page query of the demo
// customer page by a signed-in viewer, and a viewer's `{ viewer { email } }` — all
// against the cheapest request Yoga serves.
import { stringifyDocument } from "@urql/core";
import { PageQuery } from "../web/src/components/PublicPage.graphql.js";
import { SubPageQuery } from "../web/src/components/SubPageView.graphql.js";
import type { LoadSpec } from "./read-protocol.js";

export const PAGE = { query: stringifyDocument(PageQuery), variables: { slug: "demo" } };
export const SUB_PAGE = { query: stringifyDocument(SubPageQuery), variables: { page: "cust-support-ops", slug: "main" } };
export const UPDATE = `mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`;

export interface Scenario {
  name: string;
  spec: (url: string, apiKey: string, etag: string, session: string) => Omit<LoadSpec, "connections" | "durationSeconds">;
  target?: number;
  /** Also measured alone, with the baseline, by `--only <group>`. */
  group?: "signed-in" | "operator";
}

export const json = { "content-type": "application/json", accept: "application/json" };
const withQuery = (url: string, { query, variables }: { query: string; variables: object }) =>
  `${url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
export const getUrl = (url: string) => withQuery(url, PAGE);
export const subPageUrl = (url: string) => withQuery(url, SUB_PAGE);
const viewerCookie = (session: string) => ({ accept: "application/json", cookie: `sg_session=${session}` });
/** The web client's page query as an operator's script sends it: POST with an API key, so no shared cache answers it. */
export const OPERATOR_PAGE = (url: string, key: string) =>
  ({ url, method: "POST", headers: { ...json, authorization: `Bearer ${key}` }, body: JSON.stringify(PAGE) }) as const;
export const SCENARIOS: Scenario[] = [
  // GET like the reads it is compared with; `{ __typename }` alone is never cached, so Yoga executes it every time.
  {
    name: "baseline: GET `{ __typename }`",
    spec: (url) => ({ url: `${url}?query=${encodeURIComponent("{ __typename }")}`, method: "GET", headers: { accept: "application/json" } }),
  },
  { name: "page query, POST (response cache)", spec: (url) => ({ url, method: "POST", headers: json, body: JSON.stringify(PAGE) }) },
  { name: "page query, GET", spec: (url) => ({ url: getUrl(url), method: "GET", headers: { accept: "application/json" } }), target: 0.5 },
  {
    name: "page query, GET + If-None-Match (304)",
    spec: (url, _k, etag) => ({ url: getUrl(url), method: "GET", headers: { accept: "application/json", "if-none-match": etag } }),
    target: 0.8,
  },
  {
    name: "page query, POST with an API key (operator)",
    spec: OPERATOR_PAGE,
    target: 0.2,
    group: "operator",
  },
  // The customer sub-page as its signed-in viewer's browser asks for it (session cookie).
  {
    name: "customer sub-page query, GET, signed in",
    spec: (url, _k, _e, session) => ({ url: subPageUrl(url), method: "GET", headers: viewerCookie(session) }),
    target: 0.5,
    group: "signed-in",
  },
  {
    name: "`{ viewer { email } }`, GET, signed in",
    spec: (url, _k, _e, session) => ({ url: `${url}?query=${encodeURIComponent("{ viewer { email } }")}`, method: "GET", headers: viewerCookie(session) }),
    target: 0.8,
    group: "signed-in",
  },
];
