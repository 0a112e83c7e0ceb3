// Builds the web client into dist/web unless it is already up to date; run by
// `npm install` (postinstall), so the first `npm start` is no heavier than the next.
// Without Vite (a production install without dev dependencies) it says so and
// succeeds: the server then serves the API alone.
import { ensureWebBuild } from "../server/http/web-build.js";

await ensureWebBuild({ rebuildIfStale: true });
