import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "../../server/auth/api-keys.js";
import { hashSecret, newSecret } from "../../server/auth/tokens.js";
import { NotFoundError, ValidationError } from "../../server/errors.js";
import { openTestDatabase } from "../helpers/database.js";
import { clock } from "./fixtures.js";

let database: Database;
const t = clock();
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function issuesOf(promise: Promise<unknown>) {
  return promise.then(
    () => expect.fail("expected a ValidationError"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map(({ field, rule }) => ({ field, rule }));
    },
  );
}

describe("secrets", () => {
  it("are random, kind-prefixed, and stored as their SHA-256", () => {
    const a = newSecret("sg_key");
    const b = newSecret("sg_key");
    expect(a.secret).toMatch(/^sg_key_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).toBe(a.secret.slice(0, 12));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashSecret(a.secret));
  });
});

describe("API keys", () => {
  it("shows the secret once and keeps only its hash", async () => {
    const { key, secret } = await createApiKey(database.db, { name: "  deploy bot  ", scope: "PUBLISHER" }, t.now());
    expect(key).toMatchObject({ name: "deploy bot", scope: "PUBLISHER", prefix: secret.slice(0, 12), lastUsedAt: null, revokedAt: null });
    expect(key.createdAt).toEqual(t.now());
    const stored = await database.db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.hash).toBe(hashSecret(secret));
  });

  it("requires a unique name of 1 to 120 characters", async () => {
    expect(await issuesOf(createApiKey(database.db, { name: " ", scope: "VIEWER" }, t.now()))).toEqual([{ field: "name", rule: "too_short" }]);
    expect(await issuesOf(createApiKey(database.db, { name: "x".repeat(121), scope: "VIEWER" }, t.now()))).toEqual([{ field: "name", rule: "too_long" }]);
    await createApiKey(database.db, { name: "x".repeat(120), scope: "VIEWER" }, t.now());
    expect(await issuesOf(createApiKey(database.db, { name: "deploy bot", scope: "ADMIN" }, t.now()))).toEqual([{ field: "name", rule: "unique" }]);
  });

  it("rejects a scope that is not READ, PUBLISH or ADMIN", async () => {
    const bad = { name: "odd", scope: "OWNER" } as unknown as Parameters<typeof createApiKey>[1];
    expect(await issuesOf(createApiKey(database.db, bad, t.now()))).toEqual([{ field: "scope", rule: "enum" }]);
  });

  it("authenticates a live key and records its use at most once a minute", async () => {
    const { key, secret } = await createApiKey(database.db, { name: "ci", scope: "VIEWER" }, t.now());
    const first = await authenticateApiKey(database.db, secret, t.now());
    expect(first).toMatchObject({ id: key.id, scope: "VIEWER", lastUsedAt: t.now() });
    const usedAt = t.now();

    t.advance(59_000);
    expect((await authenticateApiKey(database.db, secret, t.now()))?.lastUsedAt).toEqual(usedAt);
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(usedAt);

    t.advance(2_000);
    await authenticateApiKey(database.db, secret, t.now());
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(t.now());
  });

  it("refuses unknown, malformed and revoked keys", async () => {
    const { key, secret } = await createApiKey(database.db, { name: "to revoke", scope: "ADMIN" }, t.now());
    expect(await authenticateApiKey(database.db, newSecret("sg_key").secret, t.now())).toBeNull();
    expect(await authenticateApiKey(database.db, secret.slice(0, -1), t.now())).toBeNull();
    expect(await authenticateApiKey(database.db, "", t.now())).toBeNull();
    // A session secret is not an API key, even if someone pastes one.
    expect(await authenticateApiKey(database.db, newSecret("sg_session").secret, t.now())).toBeNull();

    const revoked = await revokeApiKey(database.db, "to revoke", t.now());
    expect(revoked).toMatchObject({ id: key.id, revokedAt: t.now() });
    expect(await authenticateApiKey(database.db, secret, t.now())).toBeNull();

    t.advance(1_000);
    expect((await revokeApiKey(database.db, key.id, t.now())).revokedAt).toEqual(revoked.revokedAt);
  });

  it("revokes by id as well as by name, and says when there is no such key", async () => {
    const { key, secret } = await createApiKey(database.db, { name: "by id", scope: "VIEWER" }, t.now());
    await revokeApiKey(database.db, key.id, t.now());
    expect(await authenticateApiKey(database.db, secret, t.now())).toBeNull();
    await expect(revokeApiKey(database.db, "no such key", t.now())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists every key, oldest first (by name within one instant), revoked ones included", async () => {
    const names = (await listApiKeys(database.db)).map((k) => [k.name, k.revokedAt !== null]);
    expect(names).toEqual([
      ["ci", false],
      ["deploy bot", false],
      ["x".repeat(120), false],
      ["to revoke", true],
      ["by id", true],
    ]);
  });
});
