// The demo is created once, by whichever instance gets there first, even when
// several start together on an empty database; and not at all with SEED_DEMO=false.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { startMain } from "../helpers/main-process.js";

let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp({ databaseUrl: first.app.database.target.url });
});
afterAll(async () => {
  await second.close();
  await first.close();
});

it("is seeded by exactly one of two instances starting together, and the other carries on", async () => {
  const seeded = await Promise.all([seedDemo(first.app), seedDemo(second.app)]);
  expect(seeded.sort()).toEqual([false, true]);

  const db = first.app.database.db;
  expect(await db.catalogType.count({ where: { name: "Components" } })).toBe(1);
  expect((await db.statusPage.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((p) => p.slug)).toEqual(["cust-support-ops", "demo"]);
  expect(await db.incident.count()).toBe(1);
  expect(await db.maintenance.count()).toBe(1);
  // A restart finds the demo and leaves it be.
  expect(await seedDemo(second.app)).toBe(false);
});

// A process of its own: tsx, Prisma and the migrations take seconds on a busy machine.
it("is not seeded when npm start runs with SEED_DEMO=false", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sg-no-demo-"));
  const databaseUrl = `file:${dir}/status.db`;
  const main = await startMain({ DATABASE_URL: databaseUrl, SEED_DEMO: "false" });
  try {
    expect(main.output()).toMatch(/Status pages:\n {4}none yet/);
    expect(main.output()).not.toContain("demo created");
    const res = await fetch(`${main.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ statusPages { slug } }" }),
    });
    expect(await res.json()).toEqual({ data: { statusPages: [] } });
  } finally {
    await main.stop();
  }
  // Restarted without the variable on that empty database, it seeds as any first start does.
  const again = await startMain({ DATABASE_URL: databaseUrl });
  try {
    expect(again.output()).toContain(`${again.origin}/demo`);
  } finally {
    await again.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
