// Text inside HTML and XML we write ourselves (sign-in pages and mail, index.html
// titles, badges, feeds): markup characters become numeric character references,
// which both languages read, and characters XML 1.0 forbids even as references are
// dropped, so a message pasted from a terminal cannot break a feed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML 1.0 forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeMarkup(s: string): string {
  return s.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
