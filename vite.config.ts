// The web client (web/) builds into dist/web, which the server serves in
// production (server/http/web.ts). `vite` alone runs a dev server that proxies
// the API to `npm start` on :4000. Two entries: the public page (web/index.html)
// and the operator console (web/console/index.html, served at /console).
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const api = "http://localhost:4000";

/**
 * The entry (main.ts) imports the React chunk dynamically, so it can start the
 * first query before React is parsed; this preloads that chunk, and every chunk
 * it and the entry import, from the HTML so all download at once instead of one
 * after the other. Only the page's own: the public page never preloads the console's chunks.
 */
function preloadAppChunk(): Plugin {
  return {
    name: "statusgraph:preload-app-chunk",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const wanted = new Set<string>();
        const visit = (fileName: string) => {
          const c = bundle[fileName];
          if (c?.type !== "chunk" || wanted.has(fileName)) return;
          wanted.add(fileName);
          for (const imported of c.imports) visit(imported);
        };
        for (const imported of [...chunk.imports, ...chunk.dynamicImports]) visit(imported);
        wanted.delete(chunk.fileName);
        return [...wanted].map((fileName) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${fileName}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // preloadAppChunk() does the one preload that matters, without Vite's runtime helper.
    modulePreload: false,
    // The public page and the operator console: separate entries, so neither loads the other's code.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("./web/index.html", import.meta.url)),
        console: fileURLToPath(new URL("./web/console/index.html", import.meta.url)),
      },
    },
    // Which files each entry loads (scripts/web-metrics.ts measures each entry's own).
    manifest: true,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/auth": api,
      "/badge": api,
      "/api": api,
      // A page's Statuspage-compatible JSON, /<page>/api/v2/….
      "^/[a-z0-9-]+/api/": api,
    },
  },
});
