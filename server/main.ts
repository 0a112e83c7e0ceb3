// `npm start`: open (and migrate) the database, seed the demo on first start
// (unless SEED_DEMO=false), serve, and say where everything is.
import { buildApp } from "./app.js";
import { setupNotes } from "./auth/first-run.js";
import { ConfigError } from "./auth/oidc-config.js";
import { describeDatabase } from "./db/url.js";
import { startBanner } from "./http/addresses.js";
import { ensureWebBuild } from "./http/web-build.js";
import { envFlag, limitsFromEnv } from "./limits.js";
import { loggerFromEnv } from "./logger.js";
import { seedDemo } from "./seed/demo.js";

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "0.0.0.0";
const wantDemo = envFlag(process.env, "SEED_DEMO", true);
const log = loggerFromEnv();

// Builds only when dist/web is missing or older than web/ (`npm install` builds it).
await ensureWebBuild({ rebuildIfStale: true, log: (line) => log.info(line) });
const app = await buildApp({ logger: log }).catch((error: unknown) => {
  // The message names the variable to fix; a stack trace would only bury it.
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Statusgraph cannot start: ${error.message}\n`);
  process.exit(1);
});
const seeded = wantDemo && (await seedDemo(app));
const url = await app.start(port, host);
const origin = new URL(url.replace("0.0.0.0", "localhost")).origin;

const banner = await startBanner(app.database.db, { origin, graphiql: limitsFromEnv().introspection });
const database = describeDatabase(app.database.target);
const databaseLine = `  Database: ${database}${seeded ? " (demo created; SEED_DEMO=false starts without it)" : ""}`;
// One event each, its lines kept together: read as they are in a terminal, and fields for machines.
log.info({ startup: { origin, database, demoSeeded: seeded } }, [...banner, databaseLine].join("\n"));
const notes = await setupNotes(app.database.db, app.database.target);
if (notes.length) log.warn(notes.join("\n"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info("Shutting down…");
    void app.stop().then(() => process.exit(0));
  });
}
