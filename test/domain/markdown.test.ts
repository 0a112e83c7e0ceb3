import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/domain/markdown.js";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("Arriving **late**, see [notes](https://example.com/n)")).toBe(
      '<p>Arriving <strong>late</strong>, see <a href="https://example.com/n">notes</a></p>',
    );
    expect(renderMarkdown("- web\n- API")).toBe("<ul>\n<li>web</li>\n<li>API</li>\n</ul>");
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(renderMarkdown("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(renderMarkdown("Fixed <b onclick=alert(1)>now</b>")).toBe("<p>Fixed &lt;b onclick=alert(1)&gt;now&lt;/b&gt;</p>");
  });

  it("drops the URL of links and images with dangerous protocols", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).toBe('<p><a href="">x</a></p>');
    expect(renderMarkdown("[x](JaVaScRiPt:alert(1))")).toBe('<p><a href="">x</a></p>');
    expect(renderMarkdown("<javascript:alert(1)>")).toBe('<p><a href="">javascript:alert(1)</a></p>');
    expect(renderMarkdown("![x](javascript:alert(1))")).not.toMatch(/javascript:/i);
    expect(renderMarkdown("[x](data:text/html,<script>alert(1)</script>)")).not.toMatch(/data:|<script/i);
    expect(renderMarkdown("[mail](mailto:ops@example.com)")).toBe('<p><a href="mailto:ops@example.com">mail</a></p>');
  });
});
