// The built web client's files as served: read once per build, gzipped when worth it,
// and sent with their ETag so a browser revalidates them without downloading them again.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { gzipSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".map": "application/json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".txt", ".map"]);

/** A file's body as served, with its gzipped body (when worth it), ETag and modification time. */
export interface CachedFile {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  mtimeMs: number;
}

/** A body ready to serve as a file with this extension. */
export function prepare(body: Buffer, ext: string, mtimeMs: number): CachedFile {
  const gzip = COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : null;
  return { body, gzip, etag: `"${createHash("sha1").update(body).digest("base64url")}"`, mtimeMs };
}

/** Reads a file by path, ready to serve (null when there is none), kept until it changes on disk. */
export function createFileCache(): (path: string) => Promise<CachedFile | null> {
  // Small files, read once per build: re-read only when the file changes on disk.
  const cache = new Map<string, CachedFile>();
  return async (path) => {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const file = prepare(await readFile(path), extname(path), info.mtimeMs);
    cache.set(path, file);
    return file;
  };
}

/** Sends the file (typed by `path`'s extension), or 304 when the client has it already. */
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: CachedFile,
  path: string,
  cacheControl: string,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string> = {
    ...extra,
    "content-type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
    "cache-control": cacheControl,
    etag: file.etag,
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
  };
  if (req.headers["if-none-match"] === file.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? file.gzip! : file.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
