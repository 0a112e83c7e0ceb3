// The built web client (dist/web): hashed assets cached forever, and the SPA's
// index.html for the client's own routes. Registered last, and it declines
// every path another route or GraphQL owns, so it can never shadow them.
// A page's routes get index.html dressed in the page's theme, title and favicon;
// the operator console's routes get the console's own HTML.
import { join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { SERVER_PATHS } from "../domain/slug.js";
import { defaultLogger, type Logger } from "../logger.js";
import { dressIndexHtml } from "./index-html.js";
import { PAGE_LOOKS_MAX, type PageLook } from "./page-look.js";
import type { Route } from "./routes.js";
import type { Lookup } from "./slug-memo.js";
import { staleHeaders } from "./stale.js";
import { createFileCache, prepare, send, type CachedFile } from "./web-files.js";

export const WEB_DIST = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** Paths that belong to the API and the server's own routes, whatever is in dist/web. */
const RESERVED = new RegExp(`^/(?:${SERVER_PATHS.join("|")})(?:[/.]|$)`);
/** `/console` and every path under it: the operator console's routes, one HTML file of their own. */
const CONSOLE_ROUTE = /^\/console(?:\/[^.]*)?$/;
/** `/`, `/:page`, `/:page/:subPage`, `/embed/:page`: the client's routes; one or two segments without a dot. */
const CLIENT_ROUTE = /^\/(?:[^/.]+(?:\/[^/.]+)?)?\/?$/;

// Scripts and styles only from this server; logos and favicons may live anywhere.
// No frame-ancestors: /embed/:page exists to be framed by other sites.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'";

export interface WebRouteOptions {
  dir?: string;
  /** A page's look by slug (`asOf`: the last known one); without it every client route gets index.html as built. */
  lookFor?: (slug: string) => Promise<Lookup<PageLook>>;
  /** The logger of the request being served. */
  log?: () => Logger;
}

/** What serving a path needs: where the build is, how its files are read, and which index.html a client route gets. */
interface WebFiles {
  dir: string;
  load: (path: string) => Promise<CachedFile | null>;
  indexFor: (index: CachedFile, path: string) => Promise<{ file: CachedFile; asOf: Date | null }>;
}

/** Serves the built web client: its assets, the console's HTML, and index.html for the client's routes; declines every other path. */
export function webRoute({ dir = WEB_DIST, lookFor, log = defaultLogger }: WebRouteOptions = {}): Route {
  const files: WebFiles = { dir, load: createFileCache(), indexFor: createIndexFor(lookFor, log) };
  return async (req, res, url) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = url.pathname;
    if (RESERVED.test(path)) return false;
    if (path.startsWith("/assets/")) return serveAsset(files, req, res, path);
    if (CONSOLE_ROUTE.test(path)) return serveConsole(files, req, res);
    if (!CLIENT_ROUTE.test(path)) return false;
    return serveClient(files, req, res, path);
  };
}

async function serveAsset({ dir, load }: WebFiles, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const file = safeJoin(dir, path);
  const found = file ? await load(file) : null;
  if (!found) return false;
  send(req, res, found, file!, "public, max-age=31536000, immutable");
  return true;
}

async function serveConsole({ dir, load }: WebFiles, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const consoleIndex = join(dir, "console", "index.html");
  const found = await load(consoleIndex);
  if (!found) return false;
  // Operators' own screens: never stored by a shared cache, never framed.
  send(req, res, found, consoleIndex, "no-cache, private", { "content-security-policy": `${CSP}; frame-ancestors 'none'` });
  return true;
}

async function serveClient({ dir, load, indexFor }: WebFiles, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const index = join(dir, "index.html");
  const found = await load(index);
  if (!found) return false;
  // Revalidated every time, so a new deploy's asset names and a page's new look are picked up at once.
  const { file, asOf } = await indexFor(found, path);
  send(req, res, file, index, "no-cache", { "content-security-policy": CSP, ...(asOf ? staleHeaders(asOf) : {}) });
  return true;
}

/** index.html for a client route: dressed for the page it names, as built for `/` and unknown pages. */
function createIndexFor(lookFor: WebRouteOptions["lookFor"], log: () => Logger): WebFiles["indexFor"] {
  const dress = createDressing();
  return async (index, path) => {
    const slug = pageSlug(path);
    if (!slug || !lookFor) return { file: index, asOf: null };
    // The app works without the dressing: a failed look-up must not fail the page.
    const { value: look, asOf } = await lookFor(slug).catch((error: unknown) => {
      // An unavailable database is reported by readiness, not once per page view.
      if (!isDatabaseUnavailable(error)) log().error({ err: error }, "Page look-up for index.html failed; serving it undressed");
      return { value: null, asOf: null };
    });
    return { file: look ? dress(index, look) : index, asOf };
  };
}

/** index.html dressed in a look, kept per look and dropped with the build it came from. */
function createDressing(): (index: CachedFile, look: PageLook) => CachedFile {
  const dressed = new WeakMap<CachedFile, LRUCache<string, CachedFile>>();
  return (index, look) => {
    let variants = dressed.get(index);
    if (!variants) dressed.set(index, (variants = new LRUCache({ max: PAGE_LOOKS_MAX })));
    const key = JSON.stringify([look.theme, look.title, look.faviconUrl]);
    let variant = variants.get(key);
    if (!variant) {
      variant = prepare(Buffer.from(dressIndexHtml(index.body.toString("utf8"), look)), ".html", index.mtimeMs);
      variants.set(key, variant);
    }
    return variant;
  };
}

/** The page a client route names, as web/src/routes.ts reads it; null for `/` and a bare `/embed`. */
function pageSlug(path: string): string | null {
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "embed") return parts.length === 2 ? parts[1]! : null;
  return parts[0] ?? null;
}

/** The file under `dir` for a URL path; null when it would escape `dir`. */
function safeJoin(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(dir, decoded));
  return full.startsWith(normalize(dir.endsWith(sep) ? dir : dir + sep)) ? full : null;
}
