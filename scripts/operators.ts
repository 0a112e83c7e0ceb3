// Manage operators (people) from the command line; this is how the first admin
// comes to exist on a fresh install. Resolves DATABASE_URL exactly as the server
// does and says on stderr which database it used.
//
//   tsx scripts/operators.ts add --email EMAIL --name NAME --role viewer|publisher|editor|admin
//   tsx scripts/operators.ts list
//   tsx scripts/operators.ts set-role EMAIL_OR_ID ROLE
//   tsx scripts/operators.ts disable EMAIL_OR_ID
//   tsx scripts/operators.ts enable EMAIL_OR_ID
//
// Running servers notice a new role or a disabling within CREDENTIAL_CACHE.ttlMs
// (the CLI cannot tell them at once); the sessions it ends are refused from then on.
// Exit codes: 0 done, 1 failed (message on stderr), 2 usage error.
import { parseArgs } from "node:util";
import { listOperators, type Operator } from "../server/auth/operators.js";
import { commitChange, systemScope } from "../server/services/change.js";
import { createOperatorChange, disableOperatorChange, enableOperatorChange, setOperatorRoleChange } from "../server/services/operator-changes.js";
import { parseRole, type Role } from "../server/auth/roles.js";
import { openDatabase } from "../server/db/client.js";
import { describeDatabase } from "../server/db/url.js";
import { InvalidStateError, NotFoundError, ValidationError } from "../server/errors.js";

const USAGE = `Usage:
  operators add --email EMAIL --name NAME --role ROLE   add an operator (they sign in by email link or single sign-on)
  operators list                                        list operators
  operators set-role EMAIL_OR_ID ROLE                   change an operator's role
  operators disable EMAIL_OR_ID                         disable an operator and end their sessions
  operators enable EMAIL_OR_ID                          let a disabled operator sign in again

Roles, each including the ones before: viewer (reads everything), publisher (incidents and
maintenance), editor (also catalog, pages, sub-pages, theming), admin (also operators and keys).`;

class UsageError extends Error {}

type Command =
  | { kind: "add"; email: string; name: string; role: Role }
  | { kind: "list" }
  | { kind: "set-role"; who: string; role: Role }
  | { kind: "disable" | "enable"; who: string }
  | { kind: "help" };

function role(text: string | undefined): Role {
  const parsed = parseRole(text);
  if (!parsed) throw new UsageError("the role must be viewer, publisher, editor or admin");
  return parsed;
}

function parseCommand(argv: string[]): Command {
  let parsed: { values: { email?: string; name?: string; role?: string; help?: boolean }; positionals: string[] };
  try {
    const options = { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === "help") return { kind: "help" };
  if (command === "add" && rest.length === 0) {
    if (!values.email || !values.name) throw new UsageError("add needs --email and --name");
    return { kind: "add", email: values.email, name: values.name, role: role(values.role) };
  }
  if (command === "list" && rest.length === 0) return { kind: "list" };
  if (command === "set-role" && rest.length === 2) return { kind: "set-role", who: rest[0]!, role: role(rest[1]) };
  if ((command === "disable" || command === "enable") && rest.length === 1) return { kind: command, who: rest[0]! };
  throw new UsageError(command ? `unexpected arguments for "${command}"` : "no command given");
}

function table(operators: Operator[]): string {
  const when = (d: Date | null, none: string) => (d ? d.toISOString() : none);
  const rows = [
    ["EMAIL", "NAME", "ROLE", "CREATED", "LAST SEEN", "DISABLED", "ID"],
    ...operators.map((o) => [o.email, o.name, o.role.toLowerCase(), when(o.createdAt, ""), when(o.lastSeenAt, "never"), when(o.disabledAt, "-"), o.id]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function run(command: Exclude<Command, { kind: "help" }>): Promise<void> {
  const database = await openDatabase();
  const where = describeDatabase(database.target);
  const { db } = database;
  const now = new Date();
  // The system's change, on the same path as the API's; running instances have no announcement and notice within CREDENTIAL_CACHE.ttlMs.
  const scope = systemScope(db, () => now, { recorders: [], afterCommit: [] });
  try {
    console.error(`In ${where}:`);
    if (command.kind === "add") {
      const o = await commitChange(scope, "createOperator", (tx) => createOperatorChange(tx, command, now));
      console.log(`Added operator ${o.email} ("${o.name}") with the ${o.role.toLowerCase()} role.`);
      console.log("They sign in with an emailed link (requestOperatorSignIn), or through single sign-on where it is set up.");
    } else if (command.kind === "list") {
      const operators = await listOperators(db);
      console.log(operators.length === 0 ? "No operators yet. Add one with: operators add --email EMAIL --name NAME --role admin" : table(operators));
    } else if (command.kind === "set-role") {
      const o = await commitChange(scope, "setOperatorRole", (tx) => setOperatorRoleChange(tx, command.who, command.role));
      console.log(`${o.email} now has the ${o.role.toLowerCase()} role.`);
    } else if (command.kind === "disable") {
      const o = await commitChange(scope, "disableOperator", (tx) => disableOperatorChange(tx, command.who, now));
      console.log(`Disabled ${o.email} as of ${o.disabledAt!.toISOString()}; their sessions have ended.`);
    } else {
      const o = await commitChange(scope, "enableOperator", (tx) => enableOperatorChange(tx, command.who));
      console.log(`Enabled ${o.email}: they may sign in again.`);
    }
  } finally {
    await database.close();
  }
}

function explain(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((i) => `--${i.field} ${i.message}`).join("; ");
  if (error instanceof NotFoundError) return `no operator with id or email "${error.key}"`;
  if (error instanceof InvalidStateError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  try {
    await run(command);
    return 0;
  } catch (error) {
    console.error(`Error: ${explain(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
