// An operator signs in through a real OpenID provider on loopback, the whole redirect flow
// over HTTP; and each way it can go wrong is refused with a typed code, changing nothing.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { OIDC_ATTEMPT_TTL_MS } from "../../server/auth/oidc-attempts.js";
import { expectServiceCookie, REMOVED } from "../helpers/set-cookie.js";
import { createBrowser, refusedWith, startOidcWorld, type OidcWorld } from "./oidc-world.js";

let w: OidcWorld;

beforeAll(async () => {
  w = await startOidcWorld({ policy: { allowedDomains: ["example.com"], allowedEmails: ["bob@partner.io"], autoCreateRole: null } });
});
afterAll(async () => {
  await w.close();
});
beforeEach(async () => {
  // Each test counts the attempts it leaves behind.
  await w.t.app.database.db.oidcSignIn.deleteMany();
  w.accounts.clear();
  w.completed.length = 0;
  w.skew.ms = 0;
});

it("signs an operator in: PKCE, state and nonce sent, the verified identity reaches completeSignIn, its answer reaches the browser", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "Ann@Example.COM", email_verified: true, name: "Ann Example" });
  const browser = createBrowser();

  const before = new Date();
  const started = await browser.get(`${w.publicUrl}/auth/oidc/start?returnTo=${encodeURIComponent("/console/incidents?open=1")}`);
  expect(started.status).toBe(303);
  const authorize = new URL(started.headers.get("location")!);
  expect(authorize.origin).toBe(w.provider.issuer);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    client_id: "statusgraph",
    response_type: "code",
    redirect_uri: w.callbackUrl,
    scope: "openid email profile",
    code_challenge_method: "S256",
  });
  for (const param of ["state", "nonce", "code_challenge"]) expect(authorize.searchParams.get(param)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const expiresBetween: [Date, Date] = [new Date(before.getTime() + OIDC_ATTEMPT_TTL_MS), new Date(Date.now() + OIDC_ATTEMPT_TTL_MS)];
  const binding = expectServiceCookie(started.headers.get("set-cookie"), { name: "sg_oidc", path: "/auth/oidc", secure: false, expiresBetween });
  expect(binding.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await w.attemptsLeft()).toBe(1);

  const { next: callback } = await browser.follow(authorize, (url) => url.href.startsWith(w.callbackUrl));
  expect(callback!.searchParams.get("state")).toBe(authorize.searchParams.get("state"));
  const answer = await browser.get(callback!);
  expect(answer.status).toBe(303);
  expect(answer.headers.get("location")).toBe("/console/incidents?open=1");
  const [signedIn, ended, ...more] = answer.headers.getSetCookie();
  expect(signedIn).toBe("sg_operator=signed-in; Path=/; HttpOnly; SameSite=Lax");
  expect(expectServiceCookie(ended, { name: "sg_oidc", path: "/auth/oidc", secure: false, expiresBetween: REMOVED }).value).toBe("");
  expect(more).toEqual([]);

  expect(w.completed).toHaveLength(1);
  const [{ decision, identity, request }] = w.completed;
  expect(decision).toEqual({ kind: "admit", operator: { id: "op-ann", disabled: false } });
  expect(identity).toEqual({
    issuer: w.provider.issuer,
    subject: "ann-123",
    email: { local: "Ann", domain: "example.com", address: "Ann@example.com" },
    name: "Ann Example",
  });
  expect(request.returnTo).toBe("/console/incidents?open=1");
  expect(request.secure).toBe(false);
  expect(request.ip).toBe("127.0.0.1");
  expect(new URL(request.request.url).pathname).toBe("/auth/oidc/callback");
  // Used once, gone.
  expect(await w.attemptsLeft()).toBe(0);
});

/** Restores the policy of the first world after a test that replaced it. */
async function withPolicy(policy: Parameters<typeof startOidcWorld>[0]["policy"]) {
  await w.close();
  w = await startOidcWorld({ policy });
}

const ALLOWED = { allowedDomains: ["example.com"], allowedEmails: ["bob@partner.io"], autoCreateRole: null };

it("refuses a tampered state, using up nothing: the genuine attempt stays until it is used or expires", async () => {
  await withPolicy(ALLOWED);
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const browser = createBrowser();
  const callback = await w.toCallback(browser);
  const tampered = new URL(callback);
  const state = callback.searchParams.get("state")!;
  tampered.searchParams.set("state", `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`);
  const refused = await browser.get(tampered);
  expect(refused.status).toBe(303);
  expect(refused.headers.get("location")).toBe(refusedWith("oidc_state_mismatch"));
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(1);
  // Without any state at all, the same.
  const bare = new URL(callback);
  bare.searchParams.delete("state");
  expect((await createBrowser().get(bare)).headers.get("location")).toBe(refusedWith("oidc_state_mismatch"));
  expect(await w.attemptsLeft()).toBe(1);
});

it("refuses a replayed callback: the first use signs in, the second finds nothing, the code is never redeemed twice", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const browser = createBrowser();
  const callback = await w.toCallback(browser);
  const cookieBefore = browser.cookies(w.publicUrl).get("sg_oidc")!;
  const tokensBefore = w.provider.tokensIssued();
  expect((await browser.get(callback)).headers.get("location")).toBe("/console");
  // Replayed as is, and with the browser's original cookie put back.
  expect((await browser.get(callback)).headers.get("location")).toBe(refusedWith("oidc_state_mismatch"));
  browser.cookies(w.publicUrl).set("sg_oidc", cookieBefore);
  expect((await browser.get(callback)).headers.get("location")).toBe(refusedWith("oidc_state_mismatch"));
  expect(w.completed).toHaveLength(1);
  expect(w.provider.tokensIssued()).toBe(tokensBefore + 1);
  expect(await w.attemptsLeft()).toBe(0);
});

it("lets only one of two simultaneous uses of a callback through", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const browser = createBrowser();
  const callback = await w.toCallback(browser);
  const answers = await Promise.all([browser.get(callback), browser.get(callback)]);
  expect(answers.map((a) => a.headers.get("location")).sort()).toEqual(["/console", refusedWith("oidc_state_mismatch")]);
  expect(w.completed).toHaveLength(1);
});

it("refuses a callback carried into another browser (login CSRF), and the attempt is used up", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const callback = await w.toCallback(createBrowser());
  const victim = createBrowser();
  expect((await victim.get(callback)).headers.get("location")).toBe(refusedWith("oidc_state_mismatch"));
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(0);
});

it("refuses a sign-in that outlived its attempt", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const browser = createBrowser();
  const callback = await w.toCallback(browser);
  w.skew.ms = OIDC_ATTEMPT_TTL_MS + 1000;
  expect((await browser.get(callback)).headers.get("location")).toBe(refusedWith("oidc_attempt_expired"));
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(0);
});

it("refuses a returnTo that leaves the service, before anything is stored", async () => {
  for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
    const answer = await createBrowser().get(`${w.publicUrl}/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(answer.status, returnTo).toBe(303);
    expect(answer.headers.get("location")).toBe(refusedWith("oidc_invalid_return_to"));
  }
  expect(await w.attemptsLeft()).toBe(0);
  expect((await fetch(`${w.publicUrl}/auth/oidc/callback`, { method: "POST" })).status).toBe(405);
});

it("passes the provider's refusal on as a typed code", async () => {
  w.provider.signInAs({ sub: "ann-123", email: "ann@example.com", email_verified: true });
  const browser = createBrowser();
  const callback = await w.toCallback(browser);
  const denied = new URL(w.callbackUrl);
  denied.search = new URLSearchParams({ error: "access_denied", state: callback.searchParams.get("state")!, iss: w.provider.issuer }).toString();
  expect((await browser.get(denied)).headers.get("location")).toBe(refusedWith("oidc_access_denied"));
  expect(await w.attemptsLeft()).toBe(0);
});
