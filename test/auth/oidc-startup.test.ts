// `npm start` with OpenID Connect configured by environment: a mistake stops the start with
// a message naming the variable; a correct set-up serves the sign-in routes, which do not
// exist without it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureWebBuild } from "../../server/http/web-build.js";
import { REPO, mainEnv, startMain } from "../helpers/main-process.js";
import { startOidcProvider, type TestProvider } from "../helpers/oidc-provider.js";
import { sparePort } from "../helpers/redis-server.js";

let dir: string;
let provider: TestProvider | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sg-oidc-start-"));
  await ensureWebBuild({ rebuildIfStale: true, log: () => {} });
});
afterAll(async () => {
  await provider?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `npm start` expecting it to stop; resolves to its exit code and output. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(REPO, "node_modules/.bin/tsx"), [join(REPO, "server/main.ts")], {
    cwd: REPO,
    env: mainEnv({ DATABASE_URL: `file:${join(dir, "failed.db")}`, SEED_DEMO: "false", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, output };
}

const SSO = { PUBLIC_URL: "https://status.example.com", OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "statusgraph", OIDC_CLIENT_SECRET: "secret" };

it.each([
  [{ ...SSO, OIDC_ISSUER: "http://login.example.com" }, "OIDC_ISSUER must be an https URL"],
  [{ ...SSO, OPERATOR_ALLOWED_DOMAINS: "example.com", OPERATOR_AUTO_CREATE_ROLE: "ADMIN" }, "OPERATOR_AUTO_CREATE_ROLE cannot be ADMIN"],
  // Each start costs seconds: the other rules are tested on the parsers (oidc-config.test.ts).
])("refuses to start with %o", { timeout: 120_000 }, async (env, message) => {
  const { code, output } = await failedStart(env);
  expect(code).not.toBe(0);
  expect(output).toContain(`Statusgraph cannot start: ${message}`);
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toContain("Statusgraph is running");
});

it("serves /auth/oidc/start when configured by environment, and nothing there without it", { timeout: 180_000 }, async () => {
  const port = await sparePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ clients: [{ clientId: "statusgraph", clientSecret: "secret", redirectUris: [`${publicUrl}/auth/oidc/callback`] }] });
  const env = { DATABASE_URL: `file:${join(dir, "sso.db")}`, SEED_DEMO: "false", PORT: String(port), PUBLIC_URL: publicUrl };
  const configured = await startMain({
    ...env,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: "statusgraph",
    OIDC_CLIENT_SECRET: "secret",
    OPERATOR_ALLOWED_DOMAINS: "example.com",
  });
  try {
    const started = await fetch(`${publicUrl}/auth/oidc/start`, { redirect: "manual" });
    expect(started.status).toBe(303);
    const authorize = new URL(started.headers.get("location")!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${publicUrl}/auth/oidc/callback`);
  } finally {
    await configured.stop();
  }
  const plain = await startMain(env);
  try {
    const answer = await fetch(`${publicUrl}/auth/oidc/start`, { redirect: "manual" });
    expect(answer.headers.get("location")).toBeNull();
    expect(answer.status).toBe(404);
  } finally {
    await plain.stop();
  }
});
