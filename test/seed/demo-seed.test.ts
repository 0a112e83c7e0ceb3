// The demo is created once, by whichever instance gets there first, even when
// several start together on an empty database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

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
