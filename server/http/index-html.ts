// The SPA's index.html dressed for one page, so the first paint already has the
// page's colour scheme, tab title and favicon (web/src/theme.ts sets the same on the
// client; the icon is in the HTML for whatever reads it without running scripts).
import { escapeMarkup } from "../domain/markup.js";
import type { PageLook } from "./page-look.js";

/**
 * index.html with `data-theme` on `<html>`, the page's title, and its favicon in place of
 * the built (empty) icon link; replacer functions, so a `$&` in a title stays text.
 */
export function dressIndexHtml(html: string, look: PageLook): string {
  const theme = look.theme === "DARK" ? "dark" : "light";
  const dressed = html
    // First among the attributes: a duplicate attribute later in the tag would be ignored.
    .replace(/<html\b/, () => `<html data-theme="${theme}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeMarkup(look.title)}</title>`);
  if (!look.faviconUrl) return dressed;
  const icon = `<link rel="icon" href="${escapeMarkup(look.faviconUrl)}">`;
  // web/src/theme.ts finds the icon as link[rel~='icon'], so there must be exactly one.
  return ICON_LINK.test(dressed) ? dressed.replace(ICON_LINK, () => icon) : dressed.replace(/<\/head>/, () => `${icon}</head>`);
}

const ICON_LINK = /<link\b[^>]*\brel="icon"[^>]*>/;
