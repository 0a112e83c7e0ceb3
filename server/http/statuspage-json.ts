// /<page>/api/v2/*.json, and /api/v2/*.json for the default page (DEFAULT_PAGE):
// a public page as Atlassian Statuspage's public v2 API shows one, so existing
// Statuspage clients, widgets and monitors read it unchanged. As with badges and
// feeds, customer pages have none (such clients cannot sign in), and the 404 says
// nothing about whether such a page exists. Readable from any site: the documents
// hold nothing a visitor of the page cannot see, and no cookie is ever consulted.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { STATUSPAGE_DOCUMENTS, buildStatuspageDocuments, type StatuspageDocumentName } from "../domain/statuspage-v2.js";
import type { StatuspageSource } from "../domain/statuspage-source.js";
import type { Events } from "../events.js";
import { loadStatuspageSource } from "../services/statuspage-data.js";
import { requestBaseUrl } from "./base-url.js";
import { sendDocument, type Route } from "./routes.js";
import { createSlugMemo } from "./slug-memo.js";

/** Without PUBLIC_URL each Host a client sends gets its own rendering: keep only a few per page. */
const BASE_URLS_MAX = 4;
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

export interface JsonDocument {
  body: string;
  etag: string;
}

/** A page's documents with its links under a base URL (PUBLIC_URL, else the request's origin). */
export type StatuspageJson = (baseUrl: string) => Record<StatuspageDocumentName, JsonDocument>;

function documentsOf(source: StatuspageSource): StatuspageJson {
  const rendered = new LRUCache<string, Record<StatuspageDocumentName, JsonDocument>>({ max: BASE_URLS_MAX });
  return (baseUrl) => {
    const known = rendered.get(baseUrl);
    if (known) return known;
    const built = buildStatuspageDocuments(source, `${baseUrl}/${source.page.slug}`);
    const documents = Object.fromEntries(
      STATUSPAGE_DOCUMENTS.map((name) => {
        const body = JSON.stringify(built[name]);
        return [name, { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` }];
      }),
    ) as Record<StatuspageDocumentName, JsonDocument>;
    rendered.set(baseUrl, documents);
    return documents;
  };
}

/** Documents of public pages, each page read once per change to it (components, incidents, maintenance, the page). */
export function createStatuspageJson(options: { db: Db; events: Events }) {
  return createSlugMemo<StatuspageJson>({
    events: options.events,
    load: async (slug) => {
      const source = await loadStatuspageSource(options.db, slug);
      return source && { pageId: source.page.id, value: documentsOf(source) };
    },
    // Statuses, incidents, maintenance and component names (the catalog) all show.
    staleAfter: () => true,
  });
}

/** `/api/…` and `/<page>/api/…`; every path under them is this route's. */
const OWNED = /^\/(?:[^/]+\/)?api(?:\/|$)/;
const DOCUMENT = new RegExp(`^/(?:([a-z0-9-]{1,60})/)?api/v2/(${STATUSPAGE_DOCUMENTS.join("|")})\\.json$`);
const CORS = { "access-control-allow-origin": "*" };
const HEADERS = {
  ...CORS,
  "content-type": "application/json; charset=utf-8",
  "cache-control": "public, max-age=30",
  "x-content-type-options": "nosniff",
};
const MISSING = JSON.stringify({ error: "Not found" });

export interface StatuspageRouteOptions {
  find: (slug: string) => Promise<StatuspageJson | null>;
  publicUrl: string | null;
  /** The page `/api/v2/…` answers for; without one only `/<page>/api/v2/…` exist. */
  defaultPage: string | null;
}

export function statuspageRoute({ find, publicUrl, defaultPage }: StatuspageRouteOptions): Route {
  return async (req, res, url) => {
    if (!OWNED.test(url.pathname)) return false;
    if (req.method === "OPTIONS") {
      // The same answer for every path, so a preflight tells nothing about which pages exist.
      const asked = req.headers["access-control-request-headers"];
      res.writeHead(204, {
        ...CORS,
        "access-control-allow-methods": "GET, HEAD, OPTIONS",
        ...(asked ? { "access-control-allow-headers": String(asked) } : {}),
        "access-control-max-age": String(PREFLIGHT_MAX_AGE_SECONDS),
      });
      res.end();
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...CORS, allow: "GET, HEAD, OPTIONS", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    const match = DOCUMENT.exec(url.pathname);
    const slug = match ? (match[1] ?? defaultPage) : null;
    const documents = slug ? await find(slug) : null;
    if (!documents) {
      res.writeHead(404, { ...HEADERS, "content-length": String(Buffer.byteLength(MISSING)) });
      res.end(req.method === "HEAD" ? undefined : MISSING);
      return true;
    }
    const name = match![2] as StatuspageDocumentName;
    sendDocument(req, res, documents(publicUrl ?? requestBaseUrl(req.headers.host))[name], HEADERS);
    return true;
  };
}
