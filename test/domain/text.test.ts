import { describe, expect, it } from "vitest";
import { anyTextRule, hasControlCharacter, hasControlCharacterInProse, isWellFormed, lookupText } from "../../server/domain/text.js";

describe("text rules", () => {
  it("tells lone surrogates from surrogate pairs", () => {
    expect(isWellFormed("🚨 status")).toBe(true);
    for (const lone of ["\ud800", "\udfff", "a\ud83db", "\udea8\ud83d"]) expect(isWellFormed(lone), JSON.stringify(lone)).toBe(false);
  });

  it("finds control and bidi characters in one-line text", () => {
    for (const bad of ["\u0000", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"]) {
      expect(hasControlCharacter(`a${bad}b`), JSON.stringify(bad)).toBe(true);
    }
    expect(hasControlCharacter("Zendesk · الخدمة · 東京 · 🚀")).toBe(false);
  });

  it("lets prose keep newlines and tabs, nothing else", () => {
    expect(hasControlCharacterInProse("line one\n\tline two")).toBe(false);
    for (const bad of ["\u0000", "\r", "\u0007", "\u202e", "\u2068"]) expect(hasControlCharacterInProse(`a${bad}b`), JSON.stringify(bad)).toBe(true);
  });

  it("refuses in any argument only what no database stores", () => {
    expect(anyTextRule("\ud800")).toBe("lone_surrogate");
    expect(anyTextRule("a\u0000b")).toBe("control_character");
    expect(anyTextRule("a\u202eb\n")).toBeNull();
    expect(lookupText("\ud800")).toBe("");
    expect(lookupText("status")).toBe("status");
  });
});
