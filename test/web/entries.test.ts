// The public page loads none of the operator console's code: its entry's files
// (by Vite's manifest) hold no console document, while the console's do.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ensureWebBuild } from "../../server/http/web-build.js";
import { WEB_DIST } from "../../server/http/web.js";
import { entryJsFiles, readManifest, WEB_ENTRIES, type ViteManifest } from "../../scripts/web-entries.js";

let manifest: ViteManifest;

beforeAll(async () => {
  await ensureWebBuild({ rebuildIfStale: true, log: () => {} });
  manifest = await readManifest(WEB_DIST);
}, 120_000);

/** Every console document is named Console…; the bundle keeps documents as text. */
const CONSOLE_CODE = /\b(?:query|mutation|subscription|fragment) Console[A-Z]\w*/;

async function consoleCodeIn(files: string[]): Promise<string[]> {
  const hits = await Promise.all(files.map(async (file) => (CONSOLE_CODE.test(await readFile(join(WEB_DIST, file), "utf8")) ? file : null)));
  return hits.filter((f): f is string => f !== null);
}

it("the public entry pulls no console code", async () => {
  const publicFiles = entryJsFiles(manifest, WEB_ENTRIES.public);
  expect(publicFiles.length).toBeGreaterThan(0);
  expect(await consoleCodeIn(publicFiles)).toEqual([]);
});

it("the console entry is where the console code is", async () => {
  expect(await consoleCodeIn(entryJsFiles(manifest, WEB_ENTRIES.console))).not.toEqual([]);
});

it("the public page's HTML loads and preloads only the public entry's files", async () => {
  const html = await readFile(join(WEB_DIST, "index.html"), "utf8");
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(referenced.length).toBeGreaterThan(0);
  const allowed = new Set(entryJsFiles(manifest, WEB_ENTRIES.public));
  for (const file of referenced) expect(allowed).toContain(file);
});
