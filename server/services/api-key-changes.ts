// API keys as changes made through the API: created and revoked in the change's
// transaction, so they are recorded like every other change, and a revocation
// reaches running instances once it has committed.
import { createApiKey, revokeKey, type ApiKey, type CreateApiKeyInput, type CreatedApiKey } from "../auth/api-keys.js";
import { ValidationError } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Changed, Snapshot } from "./change.js";

type Tx = Prisma.TransactionClient;

/** What an audit may keep of a key: never its hash. */
function snapshot({ hash: _hash, ...key }: ApiKey): Snapshot {
  return key;
}

/** The key service (shared with the keys CLI) names fields bare; the API names them by their input path, as everywhere else. */
async function createUnderInput(tx: Tx, input: CreateApiKeyInput, now: Date): Promise<CreatedApiKey> {
  try {
    return await createApiKey(tx, input, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.issues.map((issue) => ({ ...issue, field: `input.${issue.field}` })));
  }
}

/** Creates a key; its secret is in the value only, never in the change. */
export async function createApiKeyChange(tx: Tx, input: CreateApiKeyInput, now: Date): Promise<Changed<CreatedApiKey>> {
  const created = await createUnderInput(tx, input, now);
  const { key } = created;
  const summary = `Created API key "${key.name}" (${key.scope})`;
  return { value: created, change: { objectType: "ApiKey", objectId: key.id, summary, before: null, after: snapshot(key), pages: [] } };
}

/** Revokes a key by id or name; revoking a revoked key changes nothing. */
export async function revokeApiKeyChange(tx: Tx, idOrName: string, now: Date): Promise<Changed<ApiKey>> {
  const { key, before, revoked } = await revokeKey(tx, idOrName, now);
  if (!revoked) return { value: key, change: null };
  const summary = `Revoked API key "${key.name}"`;
  return {
    value: key,
    change: { objectType: "ApiKey", objectId: key.id, summary, before: snapshot(before), after: snapshot(key), pages: [], revokedKeyIds: [key.id] },
  };
}
