// `npm start` as an operator runs it: server/main.ts in a process of its own, on
// loopback and a free port, with only the environment the test gives it.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, vi } from "vitest";
import { ensureWebBuild } from "../../server/http/web-build.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** Variables of the test's own shell that would change what the server does. */
const INHERITED_SETTINGS = [
  "DATABASE_URL",
  "REDIS_URL",
  "PUBLIC_URL",
  "SMTP_URL",
  "MAIL_FROM",
  "SEED_DEMO",
  "NODE_ENV",
  "PORT",
  "HOST",
  "LOG_LEVEL",
  "LOG_FORMAT",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_SCOPES",
  "OIDC_BUTTON_LABEL",
  "OPERATOR_ALLOWED_DOMAINS",
  "OPERATOR_ALLOWED_EMAILS",
  "OPERATOR_AUTO_CREATE_ROLE",
];

export interface MainProcess {
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** The origin from "Statusgraph is running at …". */
  origin: string;
  /** Waits until the output matches `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

/** The environment a server started by a test runs with: the shell's, less its Statusgraph settings, plus `env`. */
export function mainEnv(env: Record<string, string>): Record<string, string | undefined> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS.includes(name)));
  return { ...base, HOST: "127.0.0.1", PORT: "0", LOG_FORMAT: "pretty", ...env };
}

/**
 * Starts the server with `env` from `cwd`, once it has said where it runs. Its output
 * is a pipe, not a terminal: LOG_FORMAT=pretty, unless `env` says otherwise, shows it
 * as an operator at a terminal sees it.
 */
export async function startMain(env: Record<string, string>, cwd = REPO): Promise<MainProcess> {
  // Built here (once for all test files) so the server finds it fresh and does not build.
  await ensureWebBuild({ rebuildIfStale: true, log: () => {} });
  const child: ChildProcess = spawn(join(REPO, "node_modules/.bin/tsx"), [join(REPO, "server/main.ts")], {
    cwd,
    env: mainEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const waitFor = (pattern: RegExp) =>
    vi.waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
        expect(output).toMatch(pattern);
      },
      { timeout: 60_000, interval: 50 },
    );
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitFor(/Statusgraph is running at http:\/\/\S+\n[\s\S]*Database: .*\n/);
  } catch (error) {
    await stop();
    throw error;
  }
  const origin = /Statusgraph is running at (http:\/\/\S+)/.exec(output)![1]!;
  return { output: () => output, origin, waitFor, stop };
}
