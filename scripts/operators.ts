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
// Exit codes: 0 done, 1 failed (message on stderr), 2 usage error (scripts/cli.ts).
import { parseCommandLine, runCli, table, unexpected, UsageError, when } from "./cli.js";
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

type Command =
  | { kind: "add"; email: string; name: string; role: Role }
  | { kind: "list" }
  | { kind: "set-role"; who: string; role: Role }
  | { kind: "disable" | "enable"; who: string };

function role(text: string | undefined): Role {
  const parsed = parseRole(text);
  if (!parsed) throw new UsageError("the role must be viewer, publisher, editor or admin");
  return parsed;
}

function parseCommand(argv: string[]): Command | "help" {
  const { values, help, command, rest } = parseCommandLine(argv, { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } });
  if (help) return "help";
  if (command === "add" && rest.length === 0) {
    if (!values.email || !values.name) throw new UsageError("add needs --email and --name");
    return { kind: "add", email: values.email, name: values.name, role: role(values.role) };
  }
  if (command === "list" && rest.length === 0) return { kind: "list" };
  if (command === "set-role" && rest.length === 2) return { kind: "set-role", who: rest[0]!, role: role(rest[1]) };
  if ((command === "disable" || command === "enable") && rest.length === 1) return { kind: command, who: rest[0]! };
  throw unexpected(command);
}

function operatorsTable(operators: Operator[]): string {
  return table([
    ["EMAIL", "NAME", "ROLE", "CREATED", "LAST SEEN", "DISABLED", "ID"],
    ...operators.map((o) => [o.email, o.name, o.role.toLowerCase(), when(o.createdAt, ""), when(o.lastSeenAt, "never"), when(o.disabledAt, "-"), o.id]),
  ]);
}

async function run(command: Command): Promise<void> {
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
      console.log(operators.length === 0 ? "No operators yet. Add one with: operators add --email EMAIL --name NAME --role admin" : operatorsTable(operators));
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

process.exitCode = await runCli({ usage: USAGE, parse: parseCommand, run, explain }, process.argv.slice(2));
