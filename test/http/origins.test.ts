// Which origins the service trusts with a viewer's session: parsed, never matched as text.
import { describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.js";
import { corsOriginsFromEnv, createOriginPolicy, parseConfiguredOrigin, requestOrigin } from "../../server/http/origins.js";

describe("CORS_ORIGINS", () => {
  it("takes a comma-separated list of http(s) origins, as the URL parser writes them", () => {
    expect(corsOriginsFromEnv({ CORS_ORIGINS: " https://App.Example.com , http://localhost:5173/,https://x.example:443 " })).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
      "https://x.example",
    ]);
    expect(corsOriginsFromEnv({})).toEqual([]);
    expect(corsOriginsFromEnv({ CORS_ORIGINS: " " })).toEqual([]);
  });

  it.each([
    "*",
    "null",
    "app.example.com",
    "https://app.example.com/path",
    "https://user@app.example.com",
    "https://app.example.com?x=1",
    "ftp://app.example.com",
    "https://*.example.com",
  ])("refuses %s, naming the variable", (value) => {
    expect(() => corsOriginsFromEnv({ CORS_ORIGINS: `https://ok.example,${value}` })).toThrow(/^CORS_ORIGINS takes http\(s\) origins/);
  });

  it("refuses a malformed corsOrigins option before the app opens anything", async () => {
    await expect(buildApp({ corsOrigins: ["https://app.example.com", "*"] })).rejects.toThrow(/^corsOrigins takes http\(s\) origins/);
  });

  it("parses one origin on its own", () => {
    expect(parseConfiguredOrigin("HTTPS://APP.EXAMPLE.COM:443")).toBe("https://app.example.com");
  });
});

describe("an Origin header", () => {
  it("counts as no origin at all when it is null, malformed or not http(s)", () => {
    for (const header of ["null", "", "not a url", "file:///etc", "chrome-extension://abc", "https://a.example/path", undefined]) {
      expect(requestOrigin(header), String(header)).toBeNull();
    }
    expect(requestOrigin("https://a.example")).toBe("https://a.example");
  });
});

describe("trusted origins", () => {
  const policy = createOriginPolicy(["https://app.example.com"], "https://status.example.com/base");

  it("are the configured ones, PUBLIC_URL's and the request's own Host (over http or https)", () => {
    expect(policy.trusted("https://app.example.com", "internal:4000")).toBe(true);
    expect(policy.trusted("https://status.example.com", "internal:4000")).toBe(true);
    expect(policy.trusted("http://internal:4000", "internal:4000")).toBe(true);
    expect(policy.trusted("https://internal", "internal:443")).toBe(true);
  });

  it("are not look-alikes, other ports or other schemes of configured origins", () => {
    for (const origin of [
      "https://app.example.com.evil.example",
      "https://evil.example",
      "http://app.example.com",
      "https://app.example.com:8443",
      "https://status.example.com.evil.example",
    ]) {
      expect(policy.trusted(origin, "internal:4000"), origin).toBe(false);
    }
    expect(policy.trusted(null, "internal:4000")).toBe(false);
    expect(policy.trusted("https://evil.example", undefined)).toBe(false);
    expect(policy.trusted("https://evil.example", "evil.example@internal")).toBe(false);
  });
});
