import { describe, expect, it } from "vitest";
import { escapeMarkup } from "../../server/domain/markup.js";

describe("escapeMarkup", () => {
  it("turns markup characters into character references HTML and XML both read", () => {
    expect(escapeMarkup(`<b title="x">Tom & Jerry's</b>`)).toBe("&#60;b title=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/b&#62;");
  });

  it("keeps text, newlines, tabs and characters outside the BMP", () => {
    expect(escapeMarkup("Déjà vu\n\tline two 🚀")).toBe("Déjà vu\n\tline two 🚀");
  });

  it("drops what XML 1.0 forbids: control characters, lone surrogates, U+FFFE/U+FFFF", () => {
    expect(escapeMarkup("a\u0000b\u0007c\u001Bd\uFFFEe\uFFFFf")).toBe("abcdef");
    expect(escapeMarkup("x\uD800y\uDC00z")).toBe("xyz");
  });
});
