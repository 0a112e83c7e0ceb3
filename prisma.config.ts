// The Prisma CLI only generates clients and diffs models here; migrations are
// applied by the server itself (server/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
});
