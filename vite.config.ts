// The web client (web/) builds into dist/web, which the server serves in
// production (server/http/web.ts). `vite` alone runs a dev server that proxies
// the API to `npm start` on :4000.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const api = "http://localhost:4000";

/**
 * The entry (main.ts) imports the React chunk dynamically, so it can start the
 * first query before React is parsed; this preloads that chunk from the HTML so
 * both download at once instead of one after the other.
 */
function preloadAppChunk(): Plugin {
  return {
    name: "statusgraph:preload-app-chunk",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === "chunk" && c.isDynamicEntry);
        return chunks.map((c) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${c.fileName}` }, injectTo: "head" as const }));
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
