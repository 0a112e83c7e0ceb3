// An operator signs in through a real OpenID provider on loopback, the whole redirect flow
// over HTTP; and each way it can go wrong is refused with a typed code, changing nothing.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { OIDC_ATTEMPT_TTL_MS } from "../../server/auth/oidc-attempts.js";
import { createBrowser, refusedWith, startOidcWorld, type OidcWorld } from "./oidc-world.js";

let w: OidcWorld;

beforeAll(async () => {
  w = await startOidcWorld({ policy: { allowedDomains: ["example.com"], allowedEmails: ["bob@partner.io"], autoCreateRole: null } });
});
afterAll(async () => {
  await w.close();
});
beforeEach(() => {
  w.accounts.clear();
  w.completed.length = 0;
  w.skew.ms = 0;
});

it("signs an operator in: PKCE, state and nonce sent, the verified identity reaches completeSignIn, its answer reaches the browser", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-123", email: "Ann@Example.COM", email_verified: true, name: "Ann Example" });
  const browser = createBrowser();

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
  expect(started.headers.get("set-cookie")).toMatch(/^sg_oidc=[A-Za-z0-9_-]{43}; Path=\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/);
  expect(await w.attemptsLeft()).toBe(1);

  const { next: callback } = await browser.follow(authorize, (url) => url.href.startsWith(w.callbackUrl));
  expect(callback!.searchParams.get("state")).toBe(authorize.searchParams.get("state"));
  const answer = await browser.get(callback!);
  expect(answer.status).toBe(303);
  expect(answer.headers.get("location")).toBe("/console/incidents?open=1");
  expect(answer.headers.getSetCookie()).toEqual([
    "sg_operator=signed-in; Path=/; HttpOnly; SameSite=Lax",
    "sg_oidc=; Path=/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax",
  ]);

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

it("reads the email from the ID token when the provider puts it there, and goes to /console without returnTo", async () => {
  await w.close();
  w = await startOidcWorld({
    policy: { allowedDomains: ["example.com"], allowedEmails: [], autoCreateRole: "PUBLISHER" },
    provider: { claimsInIdToken: true },
  });
  w.provider.signInAs({ sub: "cy-1", email: "cy@example.com", email_verified: true });
  const browser = createBrowser();
  const answer = await browser.get(await w.toCallback(browser));
  expect(answer.headers.get("location")).toBe("/console");
  expect(w.completed.map((c) => [c.decision, c.identity.email.address, c.identity.name])).toEqual([
    [{ kind: "create", role: "PUBLISHER" }, "cy@example.com", null],
  ]);
});
