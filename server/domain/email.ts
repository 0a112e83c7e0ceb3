const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^[a-z]{2,63}$/;

export function normalizeDomain(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * True for a bare DNS hostname of at least two labels with an alphabetic TLD, e.g.
 * "gitlab.com"; false for URLs, addresses, wildcards, spaces, leading or trailing dots.
 */
export function isDomain(s: string): boolean {
  const domain = s.toLowerCase();
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  return TLD.test(tld) && labels.every((label) => LABEL.test(label));
}

/** Lower-cased domain after the last "@", or null when the address is malformed. */
export function emailDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const local = address.slice(0, at).trim();
  const domain = normalizeDomain(address.slice(at + 1));
  if (local.length === 0 || !isDomain(domain)) return null;
  return domain;
}

/** Exact, case-folded domain match: "gitlab.com" admits neither subdomains nor look-alikes. */
export function domainAllowed(address: string, allowedDomains: Iterable<string>): boolean {
  const domain = emailDomain(address);
  if (domain === null) return false;
  for (const allowed of allowedDomains) if (normalizeDomain(allowed) === domain) return true;
  return false;
}
