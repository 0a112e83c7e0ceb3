// The SPA's index.html dressed for one page, so the first paint already has the
// page's colour scheme and tab title (web/src/theme.ts sets the same on the client).
import { escapeMarkup } from "../domain/markup.js";
import type { PageLook } from "./page-look.js";


/** index.html with `data-theme` on `<html>` and the page's title; replacer functions, so a `$&` in a title stays text. */
export function dressIndexHtml(html: string, look: PageLook): string {
  const theme = look.theme === "DARK" ? "dark" : "light";
  return html
    // First among the attributes: a duplicate attribute later in the tag would be ignored.
    .replace(/<html\b/, () => `<html data-theme="${theme}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeMarkup(look.title)}</title>`);
}
