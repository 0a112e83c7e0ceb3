// The Prisma CLI runs on its WebAssembly schema engine (no native binary to
// download). It only generates clients and diffs models here; migrations are
// applied by the server itself (server/db/migrate.ts).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file::memory:" });
  },
});
