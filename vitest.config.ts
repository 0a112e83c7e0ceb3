import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql: some dependencies load its CommonJS build, and ESM
    // imports would otherwise get the .mjs one ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A loaded two-core machine (Chromium beside two test files) can take over a
    // second for a step a browser test polls for; a poll that fails still fails.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: files run in parallel, each on its own database.
    pool: "forks",
    maxWorkers: 2,
  },
});
