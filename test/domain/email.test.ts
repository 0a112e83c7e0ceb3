import { describe, it, expect } from "vitest";
import { domainAllowed, isDomain, normalizeDomain } from "../../server/domain/email.js";

describe("isDomain", () => {
  it("accepts bare hostnames with an alphabetic or punycode TLD, case-insensitively", () => {
    for (const ok of [
      "gitlab.com",
      "GitLab.COM",
      "a.io",
      "my-team.example.co.uk",
      `${"a".repeat(63)}.com`,
      `${"abcdefghi.".repeat(25)}com`,
      "xn--bcher-kva.example",
      "xn--p1ai.xn--p1ai",
    ]) {
      expect(isDomain(ok), ok).toBe(true);
    }
  });

  it("rejects URLs, addresses, wildcards and malformed labels", () => {
    const bad = [
      "",
      "com",
      "https://gitlab.com",
      "gitlab.com/x",
      "user@gitlab.com",
      "*.gitlab.com",
      ".gitlab.com",
      "gitlab.com.",
      "git lab.com",
      " gitlab.com",
      "gitlab..com",
      "-gitlab.com",
      "gitlab-.com",
      "gitlab.c",
      "gitlab.c0m",
      "127.0.0.1",
      `${"a".repeat(64)}.com`,
      `${"abcdefghi.".repeat(25)}com`.replace("a", "aa") /* 254 chars */,
      "gitläb.com",
    ];
    for (const s of bad) expect(isDomain(s), s).toBe(false);
  });
});

describe("normalizeDomain", () => {
  it("gives the stored form: lower case, no trailing dot, IDNA ASCII", () => {
    expect(normalizeDomain(" Example.ORG ")).toBe("example.org");
    expect(normalizeDomain("Example.ORG.")).toBe("example.org");
    expect(normalizeDomain("Bücher.example")).toBe("xn--bcher-kva.example");
    expect(normalizeDomain("xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
    expect(normalizeDomain("рф.рф")).toBe("xn--p1ai.xn--p1ai");
  });

  it("keeps a look-alike apart from the domain it imitates", () => {
    const cyrillic = normalizeDomain("ex\u0430mple.com"); // Cyrillic "а"
    expect(cyrillic).toMatch(/^xn--/);
    expect(cyrillic).not.toBe("example.com");
  });

  it("refuses what is no domain, including hidden characters and URL syntax", () => {
    const bad = [
      "",
      ".",
      "gitlab.com..",
      "user@gitlab.com",
      "gitlab.com/x",
      "evil.com#.example.com",
      "example.com?x",
      "exa%41mple.com",
      "*.gitlab.com",
      "127.0.0.1",
      "0x7f.1",
      "[::1]",
      "xn--zz.com",
      "git lab.com",
      "gitlab.com\u0000",
      "git\nlab.com",
      "exa\u202Emple.com",
      "exa\u2066mple.com",
      "exa\u200Dmple.com",
      "exa\u00ADmple.com",
      "example.com\uFF0Fx",
      "gitlab\u3002com",
    ];
    for (const s of bad) expect(normalizeDomain(s), JSON.stringify(s)).toBeNull();
  });
});

describe("domainAllowed", () => {
  const allowed = ["gitlab.com", " Example.ORG ", "Bücher.example."];

  it("admits a normalized domain listed in any spelling", () => {
    expect(domainAllowed("gitlab.com", allowed)).toBe(true);
    expect(domainAllowed("example.org", allowed)).toBe(true);
    expect(domainAllowed("xn--bcher-kva.example", allowed)).toBe(true);
  });

  it("refuses look-alikes and subdomains", () => {
    for (const domain of ["evilgitlab.com", "gitlab.com.evil.org", "sub.gitlab.com", "gitlab.co", normalizeDomain("gitl\u0430b.com")!]) {
      expect(domainAllowed(domain, allowed), domain).toBe(false);
    }
    expect(domainAllowed("gitlab.com", [])).toBe(false);
  });
});
