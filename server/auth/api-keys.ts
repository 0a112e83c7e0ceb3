// Operators' API keys: created with a secret shown once, stored as a hash,
// revocable, and stamped with when they were last used.
import type { ApiKey, Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { LIMITS } from "../domain/limits.js";
import { TEXT_RULE_MESSAGES, hasControlCharacter, isWellFormed } from "../domain/text.js";
import type { CredentialCache } from "./credential-cache.js";
import { ROLES, type Role } from "./roles.js";
import { hashSecret, isSecretOf, newSecret } from "./tokens.js";

export type { ApiKey };
/** A key's scope is one of the operators' roles: keys and people are authorized by one rule. */
export type ApiKeyScope = Role;
export const API_KEY_SCOPES = ROLES;

/** A database client or a transaction: the API runs these in its change's transaction, the keys CLI without one. */
type Client = Db | Prisma.TransactionClient;

/** lastUsedAt is refreshed at most this often, so authenticating is not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreateApiKeyInput {
  name: string;
  scope: ApiKeyScope;
}

export interface CreatedApiKey {
  key: ApiKey;
  /** The only time the secret exists outside the caller's hands. */
  secret: string;
}

/** Throws ValidationError (`name`: too_short, too_long, lone_surrogate, control_character, unique; `scope`: enum). */
export async function createApiKey(db: Client, input: CreateApiKeyInput, now: Date): Promise<CreatedApiKey> {
  const name = input.name.trim();
  if (name.length === 0) throw ValidationError.of("name", "too_short", "must not be empty");
  if (name.length > LIMITS.name) {
    throw ValidationError.of("name", "too_long", `must be at most ${LIMITS.name} characters`);
  }
  if (!isWellFormed(name)) throw ValidationError.of("name", "lone_surrogate", TEXT_RULE_MESSAGES.lone_surrogate);
  if (hasControlCharacter(name)) throw ValidationError.of("name", "control_character", TEXT_RULE_MESSAGES.control_character);
  // The CLI and GraphQL both feed this; the type alone does not guard runtime input.
  if (!(API_KEY_SCOPES as readonly string[]).includes(input.scope)) {
    throw ValidationError.of("scope", "enum", `must be one of ${API_KEY_SCOPES.join(", ")}`);
  }
  const taken = () => ValidationError.of("name", "unique", `an API key named "${name}" already exists`);
  if (await db.apiKey.findUnique({ where: { name }, select: { id: true } })) throw taken();
  const { secret, hash, prefix } = newSecret("sg_key");
  try {
    const key = await db.apiKey.create({ data: { name, scope: input.scope, prefix, hash, createdAt: now } });
    return { key, secret };
  } catch (error) {
    // A concurrent create with the same name got in between the check and the insert.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** Every key, revoked ones included (they stay listed so their use can be audited), oldest first. */
export function listApiKeys(db: Db): Promise<ApiKey[]> {
  return db.apiKey.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
}

/**
 * Revokes by id or name; revoking a revoked key keeps its original revocation time. Throws NotFoundError.
 * `revoked` is false when the key was revoked already (here or by a concurrent call): nothing changed.
 * Announcing it is the caller's: see `revokeApiKey`, and the API's change flow.
 */
export async function revokeKey(db: Client, idOrName: string, now: Date): Promise<{ key: ApiKey; before: ApiKey; revoked: boolean }> {
  const key = await db.apiKey.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName.trim() }] } });
  if (!key) throw new NotFoundError("API key", idOrName);
  if (key.revokedAt) return { key, before: key, revoked: false };
  const { count } = await db.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
  return { key: (await db.apiKey.findUnique({ where: { id: key.id } })) ?? key, before: key, revoked: count === 1 };
}

/**
 * Revokes outside the API (the keys CLI). With `events`, running instances end the key's
 * live subscriptions and drop cached copies at once; without (the CLI), at their next
 * check of held credentials (LIVE_ACCESS.verifyIntervalMs), and once their cached copy
 * ages out (CREDENTIAL_CACHE.ttlMs).
 */
export async function revokeApiKey(db: Db, idOrName: string, now: Date, events?: Events, cache?: CredentialCache): Promise<ApiKey> {
  const { key, revoked } = await revokeKey(db, idOrName, now);
  // Dropped here before the event goes out: through Redis, this instance hears its own event only after a round trip.
  if (revoked) cache?.forgetKey(key.id);
  if (revoked) events?.publish("api-keys:revoked", key.id);
  return key;
}

/** The live key a secret belongs to, or null for unknown and revoked keys; `cache` spares the database on repeat. */
export async function authenticateApiKey(db: Db, secret: string, now: Date, cache?: CredentialCache): Promise<ApiKey | null> {
  if (!isSecretOf("sg_key", secret)) return null;
  const hash = hashSecret(secret);
  const load = () => db.apiKey.findUnique({ where: { hash } });
  const key = cache ? await cache.apiKey(hash, load) : await load();
  if (!key || key.revokedAt) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < stale) {
    const { id } = key;
    // Stamped before the write, on the cached copy too: the requests meanwhile do not write again.
    key.lastUsedAt = now;
    // Conditional, so concurrent requests with one key (on any instance) write once between them.
    await db.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { ...key };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
