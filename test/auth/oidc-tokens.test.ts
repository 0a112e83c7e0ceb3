// The provider's answer is checked, not trusted: an answer or ID token from another issuer,
// a token issued to another client, a forged signature or an expired token is refused with
// a typed code, and nobody is signed in. The bad tokens are real ones, obtained from real
// providers and swapped into the token response as an attacker between the two would.
import * as client from "openid-client";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startOidcProvider, type TestProvider } from "../helpers/oidc-provider.js";
import { CLIENT, OTHER_CLIENT, createBrowser, refusedWith, startOidcWorld, type OidcWorld } from "./oidc-world.js";

let w: OidcWorld;
/** A second provider that knows Statusgraph's client too. */
let rogue: TestProvider;

const ANN = { sub: "ann-123", email: "ann@example.com", email_verified: true, name: "Ann" };

beforeAll(async () => {
  w = await startOidcWorld({ policy: { allowedDomains: ["example.com"], allowedEmails: [], autoCreateRole: null } });
  rogue = await startOidcProvider({ clients: [{ ...CLIENT, redirectUris: [w.callbackUrl] }] });
  w.provider.signInAs(ANN);
  rogue.signInAs(ANN);
});
afterAll(async () => {
  await w.close();
  await rogue.close();
});
beforeEach(() => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.completed.length = 0;
  w.skew.ms = 0;
});

/** Starts a sign-in; returns the browser and the authorization URL it is about to open. */
async function started() {
  const browser = createBrowser();
  const { next } = await browser.follow(`${w.publicUrl}/auth/oidc/start`, (url) => !url.href.startsWith(w.publicUrl));
  return { browser, authorize: next! };
}

/** Goes on to the callback and returns where Statusgraph sends the browser. */
async function finish(browser: ReturnType<typeof createBrowser>, authorize: URL): Promise<string | null> {
  const { next: callback } = await browser.follow(authorize, (url) => url.href.startsWith(w.callbackUrl));
  return (await browser.get(callback!)).headers.get("location");
}

/** A genuine ID token carrying `nonce`, from `issuer` for `clientId`, through that client's own code flow. */
async function idTokenFrom(issuer: string, { clientId, clientSecret }: typeof CLIENT, nonce: string): Promise<string> {
  const config = await client.discovery(new URL(issuer), clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorize = client.buildAuthorizationUrl(config, {
    redirect_uri: w.callbackUrl,
    scope: "openid email",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const { next } = await createBrowser().follow(authorize, (url) => url.href.startsWith(w.callbackUrl));
  const tokens = await client.authorizationCodeGrant(config, next!, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  return tokens.id_token!;
}

it("accepts the genuine answer (the baseline the cases below spoil)", async () => {
  const { browser, authorize } = await started();
  expect(await finish(browser, authorize)).toBe("/console");
  expect(w.completed).toHaveLength(1);
});

it("refuses an authorization answer from another issuer (mix-up): the code is never redeemed", async () => {
  const { browser, authorize } = await started();
  // The same request, sent to the rogue provider, which answers to Statusgraph's callback.
  const elsewhere = new URL(`${authorize.pathname}${authorize.search}`, rogue.issuer);
  const issued = [w.provider.tokensIssued(), rogue.tokensIssued()];
  expect(await finish(browser, elsewhere)).toBe(refusedWith("oidc_wrong_issuer"));
  expect([w.provider.tokensIssued(), rogue.tokensIssued()]).toEqual(issued);
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(0);
});

it("refuses an ID token from another issuer, even with the right nonce and audience", async () => {
  const { browser, authorize } = await started();
  const foreign = await idTokenFrom(rogue.issuer, CLIENT, authorize.searchParams.get("nonce")!);
  w.provider.rewriteNextIdToken(() => foreign);
  expect(await finish(browser, authorize)).toBe(refusedWith("oidc_wrong_issuer"));
  expect(w.completed).toHaveLength(0);
});

it("refuses an ID token the provider issued to another client", async () => {
  const { browser, authorize } = await started();
  const otherClients = await idTokenFrom(w.provider.issuer, OTHER_CLIENT, authorize.searchParams.get("nonce")!);
  w.provider.rewriteNextIdToken(() => otherClients);
  expect(await finish(browser, authorize)).toBe(refusedWith("oidc_wrong_audience"));
  expect(w.completed).toHaveLength(0);
});

it("refuses an ID token of another sign-in (its nonce)", async () => {
  const { browser, authorize } = await started();
  const replayed = await idTokenFrom(w.provider.issuer, CLIENT, client.randomNonce());
  w.provider.rewriteNextIdToken(() => replayed);
  expect(await finish(browser, authorize)).toBe(refusedWith("oidc_nonce_mismatch"));
  expect(w.completed).toHaveLength(0);
});

it("refuses an ID token whose claims were altered after signing", async () => {
  const { browser, authorize } = await started();
  w.provider.rewriteNextIdToken((token) => {
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    return [header, Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url"), signature].join(".");
  });
  expect(await finish(browser, authorize)).toBe(refusedWith("oidc_token_invalid"));
  expect(w.completed).toHaveLength(0);
});

it("refuses an expired ID token: the service's clock is past its expiry (the provider issues 60-second tokens)", async () => {
  // Within the attempt's ten minutes, well past the token's minute and the 30 s tolerance.
  w.skew.ms = 3 * 60 * 1000;
  const { browser, authorize } = await started();
  expect(await finish(browser, authorize)).toBe(refusedWith("oidc_token_expired"));
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(0);
});
