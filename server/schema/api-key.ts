// Operators' API keys over GraphQL; the same service as `npm run keys`.
import { builder } from "../builder.js";
import { API_KEY_SCOPES, listApiKeys, type ApiKey as ApiKeyRow, type CreatedApiKey } from "../auth/api-keys.js";
import { inputSchema, nameSchema } from "../domain/limits.js";
import { createApiKeyChange, revokeApiKeyChange } from "../services/api-key-changes.js";
import { commitChange } from "../services/change.js";
import { mutationOf } from "./errors.js";

export const Role = builder.enumType("Role", {
  description:
    "What an operator (a person or an API key) may do. VIEWER reads everything, customer sub-pages included; PUBLISHER also publishes incidents and maintenance; EDITOR also changes the catalog, pages, sub-pages and theming; ADMIN also manages operators and API keys.",
  values: API_KEY_SCOPES,
});

const ApiKey = builder.objectRef<ApiKeyRow>("ApiKey").implement({
  description: "An operator's credential. Its secret is shown once, when it is created.",
  // Defence in depth: the fields returning keys require admin already.
  authScopes: { role: "ADMIN" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    scope: t.field({ type: Role, resolve: (k) => k.scope }),
    prefix: t.exposeString("prefix", { description: "The secret's first characters, to tell keys apart." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Refreshed at most once a minute." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<CreatedApiKey>("CreatedApiKey").implement({
  fields: (t) => ({
    key: t.field({ type: ApiKey, resolve: (c) => c.key }),
    secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`. Shown this once; only a hash is kept." }),
  }),
});

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  validate: inputSchema({ name: nameSchema }),
  fields: (t) => ({
    name: t.string({ description: "Unique; recorded as publishedBy on what the key publishes." }),
    scope: t.field({ type: Role }),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.field({
    type: [ApiKey],
    description: "Every key, revoked ones included, oldest first. Admin only.",
    authScopes: { role: "ADMIN" },
    resolve: (_root, _args, ctx) => listApiKeys(ctx.db),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKeyRef,
    ...mutationOf("ADMIN"),
    args: { input: t.arg({ type: CreateApiKeyInput }) },
    resolve: (_root, { input }, ctx) => commitChange(ctx, "createApiKey", (tx, now) => createApiKeyChange(tx, input, now)),
  }),
  revokeApiKey: t.field({
    type: ApiKey,
    description:
      "Takes effect on the key's next request, and ends its live subscriptions to customer pages. Revoking a revoked key keeps its first revocation time.",
    ...mutationOf("ADMIN"),
    args: { id: t.arg.id({ description: "The key's id (its name works too)." }) },
    resolve: (_root, { id }, ctx) => commitChange(ctx, "revokeApiKey", (tx, now) => revokeApiKeyChange(tx, String(id), now)),
  }),
}));
