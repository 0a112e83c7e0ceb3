// Prisma 6.19's CLI, kept only to diff models (scripts/db.ts): its WebAssembly
// schema engine runs offline, while Prisma 7's CLI needs a native one.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA_SCHEMA,
  async adapter() {
    return new PrismaBetterSqlite3({ url: "file::memory:" });
  },
});
