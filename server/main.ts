// `npm start`: open (and migrate) the database, seed the demo on first start, serve.
import { buildApp } from "./app.js";
import { setupNotes } from "./auth/first-run.js";
import { ensureWebBuild } from "./http/web-build.js";
import { seedDemo } from "./seed/demo.js";

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? "0.0.0.0";

await ensureWebBuild();
const app = await buildApp();
const seeded = await seedDemo(app);
const url = await app.start(port, host);
const shown = url.replace("0.0.0.0", "localhost");
const where = app.database.target.provider === "sqlite" ? app.database.target.file : "PostgreSQL";

console.log(`Statusgraph is serving GraphQL (with GraphiQL) at ${shown}`);
console.log(`  database: ${where}${seeded ? " (demo data created)" : ""}`);
for (const line of await setupNotes(app.database.db)) console.log(line);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("Shutting down…");
    void app.stop().then(() => process.exit(0));
  });
}
