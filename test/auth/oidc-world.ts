// A Statusgraph instance with OpenID Connect sign-in against a real provider on loopback,
// operator accounts kept in memory behind the injected OperatorSignIn, and what the
// tests read back: attempts left in the table, sign-ins completed.
import { DEFAULT_OIDC_SCOPES } from "../../server/auth/oidc-config.js";
import type { CompletionRequest, OperatorSignIn } from "../../server/auth/operator-sign-in.js";
import type { OidcIdentity } from "../../server/auth/oidc-client.js";
import type { AdmissionPolicy, Admitted, KnownOperator } from "../../server/domain/operator-admission.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { startOidcProvider, type TestProvider, type TestProviderOptions } from "../helpers/oidc-provider.js";
import { createBrowser, type TestBrowser } from "../helpers/redirect-browser.js";
import { sparePort } from "../helpers/redis-server.js";

export const CLIENT = { clientId: "statusgraph", clientSecret: "statusgraph-secret" };
export const OTHER_CLIENT = { clientId: "other-app", clientSecret: "other-secret" };

export interface Completed {
  decision: Admitted;
  identity: OidcIdentity;
  request: CompletionRequest;
}

export interface OidcWorld {
  t: TestApp;
  provider: TestProvider;
  publicUrl: string;
  callbackUrl: string;
  /** Operator accounts by address, as the injected lookup sees them. */
  accounts: Map<string, KnownOperator>;
  /** Every completeSignIn call, in order. */
  completed: Completed[];
  /** Moves the service's clock (not the provider's) by this much from real time. */
  skew: { ms: number };
  attemptsLeft(): Promise<number>;
  /** Starts a sign-in in `browser`; returns the callback URL the provider sent it to, not yet requested. */
  toCallback(browser: TestBrowser, returnTo?: string): Promise<URL>;
  close(): Promise<void>;
}

export interface OidcWorldOptions {
  policy: AdmissionPolicy;
  provider?: Partial<TestProviderOptions>;
  /** Keep the app's own OperatorSignIn: real operator accounts and sessions in the database. */
  defaultOperators?: boolean;
}

export async function startOidcWorld(options: OidcWorldOptions): Promise<OidcWorld> {
  const port = await sparePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const callbackUrl = `${publicUrl}/auth/oidc/callback`;
  const provider = await startOidcProvider({
    clients: [
      { ...CLIENT, redirectUris: [callbackUrl] },
      { ...OTHER_CLIENT, redirectUris: [callbackUrl] },
    ],
    ...options.provider,
  });
  const accounts = new Map<string, KnownOperator>();
  const completed: Completed[] = [];
  const operators: OperatorSignIn = {
    // Addresses compared case-insensitively, as operator accounts are.
    findOperator: async (email) => accounts.get(email.address.toLowerCase()) ?? null,
    async completeSignIn(decision, identity, request) {
      completed.push({ decision, identity, request });
      return new Response(null, {
        status: 303,
        headers: { location: request.returnTo, "set-cookie": "sg_operator=signed-in; Path=/; HttpOnly; SameSite=Lax" },
      });
    },
  };
  const skew = { ms: 0 };
  const t = await createTestApp({
    now: () => new Date(Date.now() + skew.ms),
    publicUrl,
    oidc: { issuer: provider.issuer, ...CLIENT, scopes: DEFAULT_OIDC_SCOPES, buttonLabel: "Sign in with the test provider" },
    operatorAdmission: options.policy,
    operatorSignIn: options.defaultOperators ? undefined : operators,
  });
  await t.app.start(port);
  return {
    t,
    provider,
    publicUrl,
    callbackUrl,
    accounts,
    completed,
    skew,
    attemptsLeft: () => t.app.database.db.oidcSignIn.count(),
    async toCallback(browser, returnTo) {
      const start = new URL(`${publicUrl}/auth/oidc/start`);
      if (returnTo !== undefined) start.searchParams.set("returnTo", returnTo);
      const { next } = await browser.follow(start, (url) => url.href.startsWith(callbackUrl));
      if (!next) throw new Error("the flow did not reach the callback");
      return next;
    },
    async close() {
      await t.close();
      await provider.close();
    },
  };
}

/** Where a refused sign-in sends the browser. */
export const refusedWith = (code: string) => `/console/sign-in?error=${code}`;

export { createBrowser };
