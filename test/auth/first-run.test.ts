import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { createApiKey, revokeApiKey } from "../../server/auth/api-keys.js";
import { setupNotes } from "../../server/auth/first-run.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
beforeAll(async () => void (database = await openTestDatabase()));
afterAll(() => database.close());

it("tells how to create the first key while no usable one exists, and to set PUBLIC_URL", async () => {
  const fresh = await setupNotes(database.db, {});
  expect(fresh.join("\n")).toContain("npm run keys -- create --name admin --scope admin");
  expect(fresh.join("\n")).toContain("PUBLIC_URL is not set");

  const now = new Date();
  const { key } = await createApiKey(database.db, { name: "first", scope: "ADMIN" }, now);
  expect(await setupNotes(database.db, { PUBLIC_URL: "https://status.example.com" })).toEqual([]);
  await revokeApiKey(database.db, key.id, now);
  expect((await setupNotes(database.db, { PUBLIC_URL: "https://status.example.com" })).join("\n")).toContain("npm run keys");
});
