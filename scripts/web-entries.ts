// Which built files each web entry loads, from Vite's manifest (dist/web/.vite/manifest.json):
// the public page (`index.html`) and the operator console (`console/index.html`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** One chunk of Vite's build manifest, keyed by its source. */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

/** The manifest keys of the two entries. */
export const WEB_ENTRIES = { public: "index.html", console: "console/index.html" } as const;

export async function readManifest(dist: string): Promise<ViteManifest> {
  return JSON.parse(await readFile(join(dist, ".vite", "manifest.json"), "utf8")) as ViteManifest;
}

/** The JS files (paths under dist) an entry loads: its own, and every chunk it imports, statically or dynamically. */
export function entryJsFiles(manifest: ViteManifest, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    seen.add(key);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith(".js"));
}
