import { describe, it, expect } from "vitest";
import { isValidSlug, slugify, uniqueSlug } from "../../server/domain/slug.js";

describe("slugify", () => {
  it("turns a page title into lowercase words joined by dashes", () => {
    expect(slugify("Cust Support Ops")).toBe("cust-support-ops");
    expect(slugify("  --Acme   Status!!  Page-- ")).toBe("acme-status-page");
    expect(slugify("API v2.1 / EU_West")).toBe("api-v2-1-eu-west");
    expect(slugify("Acme's Status")).toBe("acmes-status");
  });

  it("strips diacritics and transliterates common letters", () => {
    expect(slugify("Café Münchën Ångström")).toBe("cafe-munchen-angstrom");
    expect(slugify("Straße Øresund Łódź")).toBe("strasse-oresund-lodz");
    expect(slugify("ﬁnance ①")).toBe("finance-1");
  });

  it("returns an empty slug when nothing usable remains", () => {
    expect(slugify("")).toBe("");
    expect(slugify("!!! --- ???")).toBe("");
    expect(slugify("状态页")).toBe("");
  });

  it("caps slugs at 60 chars, cutting at a word boundary when it can", () => {
    const title = "the quick brown fox jumps over the lazy dog again and again and again";
    const slug = slugify(title);
    expect(slug).toBe("the-quick-brown-fox-jumps-over-the-lazy-dog-again-and-again");
    expect(slug.length).toBeLessThanOrEqual(60);
    // Exactly 60 chars followed by a word boundary keeps all 60.
    expect(slugify(`${"a".repeat(60)} tail`)).toBe("a".repeat(60));
    expect(slugify(`${"a".repeat(59)}b tail`)).toHaveLength(60);
    expect(slugify("x".repeat(80))).toBe("x".repeat(60));
  });

  it("always yields a valid slug or nothing", () => {
    for (const title of ["Ünïcödé — Tëst", "a", "--a--b--", `${"word ".repeat(30)}`, "2026 Q1 ✓ outage"]) {
      const slug = slugify(title);
      expect(slug === "" || isValidSlug(slug)).toBe(true);
    }
  });
});

describe("isValidSlug", () => {
  it("accepts lowercase dash-separated words of 1..60 chars only", () => {
    expect(isValidSlug("cust-support-ops")).toBe(true);
    expect(isValidSlug("a")).toBe(true);
    expect(isValidSlug("a".repeat(60))).toBe(true);
    expect(isValidSlug("a".repeat(61))).toBe(false);
    for (const bad of ["", "-a", "a-", "a--b", "A-b", "a b", "a_b", "café", "a/b"]) expect(isValidSlug(bad)).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("returns the base when free, else the first free numbered variant", async () => {
    expect(await uniqueSlug("status", () => false)).toBe("status");
    const taken = new Set(["status", "status-2", "status-3"]);
    expect(await uniqueSlug("status", (s) => taken.has(s))).toBe("status-4");
    expect(await uniqueSlug("status", async (s) => taken.has(s))).toBe("status-4");
  });

  it("shortens a long base so the numbered slug stays valid", async () => {
    const base = `${"a".repeat(30)}-${"b".repeat(29)}`; // 60 chars
    const slug = await uniqueSlug(base, (s) => s === base);
    expect(slug).toBe(`${"a".repeat(30)}-${"b".repeat(27)}-2`);
    expect(isValidSlug(slug)).toBe(true);
    // Cutting right after a dash must not leave a double dash.
    const dashed = `${"a".repeat(58)}-b`;
    expect(await uniqueSlug(dashed, (s) => s === dashed)).toBe(`${"a".repeat(58)}-2`);
  });

  it("rejects an invalid base", async () => {
    await expect(uniqueSlug("", () => false)).rejects.toThrow(RangeError);
    await expect(uniqueSlug("Not A Slug", () => false)).rejects.toThrow(RangeError);
  });
});
