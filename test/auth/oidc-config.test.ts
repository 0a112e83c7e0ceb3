import { describe, expect, it } from "vitest";
import { admissionPolicyFromEnv, DEFAULT_OIDC_BUTTON_LABEL, oidcSettingsFromEnv } from "../../server/auth/oidc-config.js";
import { planOidc } from "../../server/http/oidc-setup.js";
import { sameOriginPath } from "../../server/http/return-to.js";

const provider = { OIDC_ISSUER: "https://login.example.com/realms/ops", OIDC_CLIENT_ID: "statusgraph", OIDC_CLIENT_SECRET: "s3cret" };

describe("oidcSettingsFromEnv", () => {
  it("is off without any OIDC_* variable, and reads a complete set with defaults", () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(oidcSettingsFromEnv(provider)).toEqual({
      issuer: "https://login.example.com/realms/ops",
      clientId: "statusgraph",
      clientSecret: "s3cret",
      scopes: ["openid", "email", "profile"],
      buttonLabel: DEFAULT_OIDC_BUTTON_LABEL,
    });
    expect(oidcSettingsFromEnv({ ...provider, OIDC_SCOPES: "openid,email groups", OIDC_BUTTON_LABEL: " Sign in with Okta " })).toMatchObject({
      scopes: ["openid", "email", "groups"],
      buttonLabel: "Sign in with Okta",
    });
  });

  it("accepts plain http only for loopback issuers", () => {
    for (const issuer of ["http://localhost:8080", "http://127.0.0.1:9000/oidc", "http://[::1]:9000"]) {
      expect(oidcSettingsFromEnv({ ...provider, OIDC_ISSUER: issuer })!.issuer).toBe(issuer);
    }
  });

  it.each([
    [{ OIDC_ISSUER: "http://login.example.com" }, /OIDC_ISSUER must be an https URL/],
    [{ OIDC_ISSUER: "http://127.0.0.1.evil.io" }, /OIDC_ISSUER must be an https URL/],
    [{ OIDC_ISSUER: "login.example.com" }, /OIDC_ISSUER must be an absolute URL/],
    [{ OIDC_ISSUER: "ftp://login.example.com" }, /OIDC_ISSUER must be an https URL/],
    [{ OIDC_ISSUER: "https://login.example.com/?tenant=1" }, /OIDC_ISSUER must not have credentials, a query or a fragment/],
    [{ OIDC_ISSUER: "https://user:pw@login.example.com" }, /OIDC_ISSUER must not have credentials/],
    [{ OIDC_CLIENT_ID: "" }, /OIDC_CLIENT_ID is required with OIDC_ISSUER/],
    [{ OIDC_CLIENT_SECRET: " " }, /OIDC_CLIENT_SECRET is required with OIDC_ISSUER/],
    [{ OIDC_SCOPES: "openid profile" }, /OIDC_SCOPES must include "email"/],
    [{ OIDC_SCOPES: "email" }, /OIDC_SCOPES must include "openid"/],
    [{ OIDC_SCOPES: 'openid email "x"' }, /OIDC_SCOPES holds a character/],
    [{ OIDC_BUTTON_LABEL: "x".repeat(61) }, /OIDC_BUTTON_LABEL must be at most 60 characters/],
    [{ OIDC_ISSUER: "" }, /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET set without OIDC_ISSUER/],
  ])("refuses %o naming the variable", (change, message) => {
    expect(() => oidcSettingsFromEnv({ ...provider, ...change })).toThrow(message);
  });
});

describe("admissionPolicyFromEnv", () => {
  it("reads normalized lists and the default role", () => {
    expect(admissionPolicyFromEnv({})).toEqual({ allowedDomains: [], allowedEmails: [], autoCreateRole: null });
    const env = { OPERATOR_ALLOWED_DOMAINS: "Example.COM, bücher.example.", OPERATOR_ALLOWED_EMAILS: "Bob@Partner.io", OPERATOR_AUTO_CREATE_ROLE: "publisher" };
    expect(admissionPolicyFromEnv(env)).toEqual({
      allowedDomains: ["example.com", "xn--bcher-kva.example"],
      allowedEmails: ["bob@partner.io"],
      autoCreateRole: "PUBLISHER",
    });
  });

  it.each([
    [{ OPERATOR_ALLOWED_DOMAINS: "example.com, *.example.org" }, /OPERATOR_ALLOWED_DOMAINS must list domains .* got "\*\.example\.org"/],
    [{ OPERATOR_ALLOWED_DOMAINS: "https://example.com" }, /OPERATOR_ALLOWED_DOMAINS/],
    [{ OPERATOR_ALLOWED_EMAILS: "Ann <ann@example.com>" }, /OPERATOR_ALLOWED_EMAILS must list plain addresses/],
    [{ OPERATOR_ALLOWED_DOMAINS: "example.com", OPERATOR_AUTO_CREATE_ROLE: "ADMIN" }, /OPERATOR_AUTO_CREATE_ROLE cannot be ADMIN: admins manage operators/],
    [
      { OPERATOR_ALLOWED_DOMAINS: "example.com", OPERATOR_AUTO_CREATE_ROLE: "owner" },
      /OPERATOR_AUTO_CREATE_ROLE must be empty or one of VIEWER, PUBLISHER, EDITOR/,
    ],
    [{ OPERATOR_AUTO_CREATE_ROLE: "VIEWER" }, /OPERATOR_AUTO_CREATE_ROLE needs OPERATOR_ALLOWED_DOMAINS or OPERATOR_ALLOWED_EMAILS/],
  ])("refuses %o naming the variable", (env, message) => {
    expect(() => admissionPolicyFromEnv(env)).toThrow(message);
  });
});

describe("planOidc", () => {
  const settings = oidcSettingsFromEnv(provider)!;

  it("derives the redirect URL from the public URL, path included", () => {
    expect(planOidc({ oidc: settings }, "https://status.example.com")!.redirectUri).toBe("https://status.example.com/auth/oidc/callback");
    expect(planOidc({ oidc: settings }, "https://example.com/status")!.redirectUri).toBe("https://example.com/status/auth/oidc/callback");
    expect(planOidc({ oidc: null }, null)).toBeNull();
  });

  it("needs PUBLIC_URL: a Host header must not choose where the provider sends people", () => {
    expect(() => planOidc({ oidc: settings }, null)).toThrow(/OIDC_ISSUER needs PUBLIC_URL/);
  });
});

describe("sameOriginPath", () => {
  const base = new URL("https://status.example.com");

  it("keeps paths on this service with their query and fragment", () => {
    expect(sameOriginPath("/console/incidents?open=1#top", base)).toBe("/console/incidents?open=1#top");
    expect(sameOriginPath("/console/../demo", base)).toBe("/demo");
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "https://status.example.com/console",
    "javascript:alert(1)",
    "console",
    "",
  ])("refuses %s", (value) => expect(sameOriginPath(value, base)).toBeNull());

  it("keeps an encoded slash as part of a path on this origin", () => {
    expect(sameOriginPath("/%2F%2Fevil.example", base)).toBe("/%2F%2Fevil.example");
  });

  it("stays under the public URL's path", () => {
    const prefixed = new URL("https://example.com/status");
    expect(sameOriginPath("/status/console", prefixed)).toBe("/status/console");
    expect(sameOriginPath("/other", prefixed)).toBeNull();
    expect(sameOriginPath("/statusx", prefixed)).toBeNull();
  });
});
