// Who a verified identity lets in: the provider's word on the address, the allow-lists,
// the operator account; and what happens when the provider is missing.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { DEFAULT_OIDC_SCOPES } from "../../server/auth/oidc-config.js";
import { createTestApp } from "../helpers/app.js";
import { sparePort } from "../helpers/redis-server.js";
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
});

it("refuses an address the provider has not verified", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  for (const claims of [
    { sub: "ann-123", email: "ann@example.com", email_verified: false },
    { sub: "ann-123", email: "ann@example.com" },
  ]) {
    w.provider.signInAs(claims);
    const browser = createBrowser();
    expect((await browser.get(await w.toCallback(browser))).headers.get("location")).toBe(refusedWith("oidc_email_unverified"));
  }
  w.provider.signInAs({ sub: "no-mail" });
  const browser = createBrowser();
  expect((await browser.get(await w.toCallback(browser))).headers.get("location")).toBe(refusedWith("oidc_email_missing"));
  expect(w.completed).toHaveLength(0);
  expect(await w.attemptsLeft()).toBe(0);
});

it("takes Microsoft Entra ID's verified-domain claim (xms_edov) as a verified address", async () => {
  w.accounts.set("ann@example.com", { id: "op-ann", disabled: false });
  w.provider.signInAs({ sub: "ann-entra", email: "ann@example.com", xms_edov: true });
  const browser = createBrowser();
  expect((await browser.get(await w.toCallback(browser))).headers.get("location")).toBe("/console");
  expect(w.completed.map((c) => c.identity.subject)).toEqual(["ann-entra"]);
});

it("refuses a provider account outside the allow-list, and an allowed one without an account", async () => {
  w.accounts.set("eve@evil.io", { id: "op-eve", disabled: false });
  const cases = [
    ["eve@evil.io", "oidc_not_allowed"],
    ["ann@eu.example.com", "oidc_not_allowed"],
    ["dan@example.com", "oidc_no_account"],
  ] as const;
  for (const [email, code] of cases) {
    w.provider.signInAs({ sub: email, email, email_verified: true });
    const browser = createBrowser();
    expect((await browser.get(await w.toCallback(browser))).headers.get("location"), email).toBe(refusedWith(code));
  }
  expect(w.completed).toHaveLength(0);
});

it("refuses a disabled operator", async () => {
  w.accounts.set("bob@partner.io", { id: "op-bob", disabled: true });
  w.provider.signInAs({ sub: "bob-1", email: "bob@partner.io", email_verified: true });
  const browser = createBrowser();
  expect((await browser.get(await w.toCallback(browser))).headers.get("location")).toBe(refusedWith("oidc_operator_disabled"));
  expect(w.completed).toHaveLength(0);
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

it("sends the browser back with oidc_provider_error when the provider cannot be reached, storing nothing", async () => {
  const port = await sparePort();
  const silent = `http://127.0.0.1:${await sparePort()}`;
  const t = await createTestApp({
    publicUrl: `http://127.0.0.1:${port}`,
    oidc: { issuer: silent, clientId: "statusgraph", clientSecret: "x", scopes: DEFAULT_OIDC_SCOPES, buttonLabel: "SSO" },
  });
  try {
    await t.app.start(port);
    const answer = await fetch(`http://127.0.0.1:${port}/auth/oidc/start`, { redirect: "manual" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(refusedWith("oidc_provider_error"));
    expect(await t.app.database.db.oidcSignIn.count()).toBe(0);
  } finally {
    await t.close();
  }
});
