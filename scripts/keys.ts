// Manage operators' API keys from the command line; this is how the first key
// comes to exist. Resolves DATABASE_URL exactly as the server does (server/db/url.ts)
// and says on stderr which database it used, so stdout stays just the secret.
//
//   tsx scripts/keys.ts create --name NAME --scope viewer|publisher|editor|admin
//   tsx scripts/keys.ts list
//   tsx scripts/keys.ts revoke NAME_OR_ID
//
// Exit codes: 0 done, 1 failed (message on stderr), 2 usage error (scripts/cli.ts).
import { openDatabase } from "../server/db/client.js";
import { describeDatabase } from "../server/db/url.js";
import { NotFoundError, ValidationError } from "../server/errors.js";
import { parseRole } from "../server/auth/roles.js";
import { parseCommandLine, runCli, table, unexpected, UsageError, when } from "./cli.js";
import { createApiKey, listApiKeys, revokeApiKey, type ApiKey, type ApiKeyScope } from "../server/auth/api-keys.js";

const USAGE = `Usage:
  keys create --name NAME --scope ROLE   create a key and print its secret once
  keys list                              list keys (never their secrets)
  keys revoke NAME_OR_ID                 revoke a key

A key's scope is one of the operators' roles, each including the ones before: viewer (reads
everything), publisher (incidents and maintenance), editor (also catalog, pages, sub-pages,
theming), admin (also operators and keys). read and publish are accepted for viewer and publisher.`;

type Command = { kind: "create"; name: string; scope: ApiKeyScope } | { kind: "list" } | { kind: "revoke"; key: string };

function parseCommand(argv: string[]): Command | "help" {
  const { values, help, command, rest } = parseCommandLine(argv, { name: { type: "string" }, scope: { type: "string" } });
  if (help) return "help";
  if (command === "create" && rest.length === 0) {
    if (!values.name) throw new UsageError("create needs --name");
    const scope = parseRole(values.scope);
    if (!scope) throw new UsageError("create needs --scope viewer, publisher, editor or admin");
    return { kind: "create", name: values.name, scope };
  }
  if (command === "list" && rest.length === 0) return { kind: "list" };
  if (command === "revoke" && rest.length === 1) return { kind: "revoke", key: rest[0]! };
  throw unexpected(command);
}

function keysTable(keys: ApiKey[]): string {
  return table([
    ["NAME", "SCOPE", "PREFIX", "CREATED", "LAST USED", "REVOKED", "ID"],
    ...keys.map((k) => [k.name, k.scope.toLowerCase(), `${k.prefix}…`, when(k.createdAt, ""), when(k.lastUsedAt, "never"), when(k.revokedAt, "-"), k.id]),
  ]);
}

async function run(command: Command): Promise<void> {
  const database = await openDatabase();
  const where = describeDatabase(database.target);
  const now = new Date();
  try {
    if (command.kind === "create") {
      const { key, secret } = await createApiKey(database.db, { name: command.name, scope: command.scope }, now);
      // Only the secret goes to stdout, so `keys create … > file` captures just the key.
      console.error(`Created API key "${key.name}" with scope ${key.scope.toLowerCase()} in ${where}. Its secret:\n`);
      console.log(secret);
      console.error(`\nCopy it now: only a hash is stored, and it will not be shown again.`);
      console.error(`Send it as the header "Authorization: Bearer <secret>".`);
    } else if (command.kind === "list") {
      console.error(`API keys in ${where}:`);
      const keys = await listApiKeys(database.db);
      console.log(keys.length === 0 ? "No API keys yet. Create one with: keys create --name NAME --scope admin" : keysTable(keys));
    } else if (command.kind === "revoke") {
      const key = await revokeApiKey(database.db, command.key, now);
      console.error(`In ${where}:`);
      console.log(`Revoked API key "${key.name}" (${key.prefix}…) as of ${key.revokedAt!.toISOString()}.`);
    }
  } finally {
    await database.close();
  }
}

function explain(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((i) => `--${i.field} ${i.message}`).join("; ");
  if (error instanceof NotFoundError) return `no API key with id or name "${error.key}"`;
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await runCli({ usage: USAGE, parse: parseCommand, run, explain }, process.argv.slice(2));
