import { domainToASCII } from "node:url";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Alphabetic, or the A-label of an internationalized TLD such as "рф" (xn--p1ai).
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Controls (NUL, CR, LF, …), invisible format characters (bidi overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, zero-width joiners, soft hyphens), separators and
 * whitespace: none of them belongs in an address or a domain we compare or mail to.
 */
export const HIDDEN_CHARACTERS = /[\s\p{C}\p{Z}]/u;

// Node's domainToASCII parses a URL host: it percent-decodes and stops at "/", "?" or "#"
// ("evil.com#.example.com" becomes "evil.com"), so only letters, marks, digits, dots and
// hyphens may reach it.
const DOMAIN_CHARACTERS = /^[\p{L}\p{M}\p{N}.-]+$/u;

/**
 * The domain in the one form it is stored and compared in: IDNA (UTS #46, as URLs do)
 * ASCII, so "Bücher.example." is "xn--bcher-kva.example" and a Cyrillic look-alike keeps
 * its own punycode; lower case, no trailing dot. Null when it is not a domain (see isDomain).
 */
export function normalizeDomain(s: string): string | null {
  const trimmed = s.trim();
  const bare = trimmed.endsWith(".") ? trimmed.slice(0, -1) : trimmed;
  if (HIDDEN_CHARACTERS.test(bare) || !DOMAIN_CHARACTERS.test(bare)) return null;
  const ascii = domainToASCII(bare);
  return isDomain(ascii) ? ascii : null;
}

/**
 * True for a bare ASCII DNS hostname of at least two labels with an alphabetic (or
 * punycode) TLD, e.g. "gitlab.com"; false for URLs, addresses, wildcards, spaces,
 * Unicode, leading or trailing dots. Use normalizeDomain on what people type.
 */
export function isDomain(s: string): boolean {
  const domain = s.toLowerCase();
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  return TLD.test(tld) && labels.every((label) => LABEL.test(label));
}

/** Exact match of a normalized domain: "gitlab.com" admits neither subdomains nor look-alikes. */
export function domainAllowed(domain: string, allowedDomains: Iterable<string>): boolean {
  for (const allowed of allowedDomains) if (normalizeDomain(allowed) === domain) return true;
  return false;
}
