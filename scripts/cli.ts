// What the command-line scripts (keys.ts, operators.ts) share: parsing, the help
// and exit codes, and the plain-text tables they print.
//
// Exit codes: 0 done, 1 failed (message on stderr), 2 usage error.
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
const HELP = { help: { type: "boolean", short: "h" } } as const;

/** Wrong arguments: said with the usage, exit code 2. */
export class UsageError extends Error {}

/** One command-line tool: its usage text, how it reads its arguments, runs, and words a failure. */
export interface Cli<C> {
  usage: string;
  /** The command the arguments ask for, or "help"; throws UsageError. */
  parse(argv: string[]): C | "help";
  run(command: C): Promise<void>;
  /** The message after "Error: " for a failed run. */
  explain(error: unknown): string;
}

/** The complaint about arguments no command of the tool takes. */
export function unexpected(command: string | undefined): UsageError {
  return new UsageError(command ? `unexpected arguments for "${command}"` : "no command given");
}

/** Runs `cli` on `argv` and gives the exit code. */
export async function runCli<C>(cli: Cli<C>, argv: string[]): Promise<number> {
  let command: C | "help";
  try {
    command = cli.parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${cli.usage}`);
    return 2;
  }
  if (command === "help") {
    console.log(cli.usage);
    return 0;
  }
  try {
    await cli.run(command);
    return 0;
  } catch (error) {
    console.error(`Error: ${cli.explain(error)}`);
    return 1;
  }
}

/** Node's parseArgs with positionals and -h/--help (or a first word "help"), its complaints as UsageError. */
export function parseCommandLine<const O extends Options>(argv: string[], options: O) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } as O & typeof HELP });
    const [command, ...rest] = parsed.positionals;
    const help = (parsed.values as { help?: boolean }).help === true || command === "help";
    return { values: parsed.values, help, command, rest };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The instant, or `none` when there is none. */
export function when(date: Date | null, none: string): string {
  return date ? date.toISOString() : none;
}

/** Rows in aligned columns, the first row being the header. */
export function table(rows: string[][]): string {
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
