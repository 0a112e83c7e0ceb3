// Uploaded logos and favicons at /assets/<sha256>.<ext>: content-addressed, so cached
// for good by browsers and proxies (not here: a replaced image must stop being served
// at once, on every instance), with the media type read from
// the bytes at upload and nosniff. Public: a customer page's sign-in screen shows its logo.
// Paths of another shape under /assets/ are the web client's files (web.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_ASSET_TYPES, parsePageAssetPath } from "../domain/page-assets.js";
import type { ServedAsset } from "../services/page-assets.js";
import type { Route } from "./routes.js";

/** Serves the stored image a path names; declines paths of another shape. */
export function pageAssetRoute(find: (sha256: string) => Promise<ServedAsset | null>): Route {
  return async (req, res, url) => {
    const named = parsePageAssetPath(url.pathname);
    if (!named) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed");
      return true;
    }
    const asset = await find(named.sha256);
    if (!asset || PAGE_ASSET_TYPES[asset.contentType] !== named.ext) {
      res.writeHead(404, { "content-type": "text/plain", "x-content-type-options": "nosniff" }).end("Not found");
      return true;
    }
    send(req, res, asset, `"${named.sha256}"`);
    return true;
  };
}

function send(req: IncomingMessage, res: ServerResponse, asset: ServedAsset, etag: string): void {
  const headers = {
    "content-type": asset.contentType,
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=31536000, immutable",
    etag,
  };
  if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": String(asset.bytes.byteLength) });
  res.end(req.method === "HEAD" ? undefined : asset.bytes);
}
