import { describe, expect, it } from "vitest";
import { parseMailbox } from "../../server/domain/mailbox.js";

describe("parseMailbox", () => {
  it("reads one plain address, normalizing only its domain", () => {
    expect(parseMailbox("ann@gitlab.com")).toEqual({ local: "ann", domain: "gitlab.com", address: "ann@gitlab.com" });
    expect(parseMailbox("Victim@Example.COM.")).toEqual({ local: "Victim", domain: "example.com", address: "Victim@example.com" });
    expect(parseMailbox("first.last+tag@status.example.co.uk")?.address).toBe("first.last+tag@status.example.co.uk");
    expect(parseMailbox("o'hara_{x}@a.io")?.address).toBe("o'hara_{x}@a.io");
  });

  it("compares and mails Unicode domains in their punycode form", () => {
    expect(parseMailbox("user@bücher.example")).toEqual({ local: "user", domain: "xn--bcher-kva.example", address: "user@xn--bcher-kva.example" });
    expect(parseMailbox("user@BÜCHER.example")?.domain).toBe("xn--bcher-kva.example");
    const lookalike = parseMailbox("user@ex\u0430mple.com"); // Cyrillic "а"
    expect(lookalike?.domain).toMatch(/^xn--/);
    expect(lookalike?.domain).not.toBe("example.com");
  });

  it("returns its own output unchanged", () => {
    for (const input of ["Victim@Example.COM.", "user@bücher.example", "a.b@x.io"]) {
      const once = parseMailbox(input)!;
      expect(parseMailbox(once.address)).toEqual(once);
    }
  });

  it("refuses everything but a single bare mailbox", () => {
    const refused = [
      "<attacker@evil.com>victim@example.com",
      "<victim@example.com>",
      "attacker@evil.com, victim@example.com",
      "attacker@evil.com;victim@example.com",
      "g: attacker@evil.com;",
      "g:;",
      "victim(x)@example.com",
      "victim@(x)example.com",
      "attacker@evil.com (victim@example.com)",
      "Victim <victim@example.com>",
      '"Victim" <victim@example.com>',
      '"a@evil.com"@example.com',
      '"victim"@example.com',
      "a@b@example.com",
      "attacker@evil.com@example.com",
    ];
    for (const input of refused) expect(parseMailbox(input), input).toBeNull();
  });

  it("refuses whitespace, controls and bidirectional or invisible characters anywhere", () => {
    const hidden = [
      "\u0000",
      "\r",
      "\n",
      "\r\n",
      "\t",
      " ",
      "\u00A0",
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200B",
      "\u200E",
      "\uFEFF",
      "\u007F",
    ];
    for (const c of hidden) {
      for (const input of [`vic${c}tim@example.com`, `victim@exam${c}ple.com`, `victim@example.com${c}`, `${c}victim@example.com`]) {
        expect(parseMailbox(input), JSON.stringify(input)).toBeNull();
      }
    }
    expect(parseMailbox("victim@example.com\r\nBcc: attacker@evil.com")).toBeNull();
  });

  it("refuses malformed addresses and domains", () => {
    const bad = [
      "",
      "gitlab.com",
      "@gitlab.com",
      "user@",
      "user@localhost",
      "user@gitlab.com..",
      "user@.gitlab.com",
      "a..b@x.io",
      ".a@x.io",
      "user@gitlab.com/path",
      "user@*.gitlab.com",
      "user@[127.0.0.1]",
      "user@127.0.0.1",
      "user@evil.com#.example.com",
      "user@exa%41mple.com",
      "üser@example.com",
      `${"a".repeat(65)}@example.com`,
      `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(60)}.com`,
    ];
    for (const input of bad) expect(parseMailbox(input), input).toBeNull();
  });
});
