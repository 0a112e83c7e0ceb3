// The cookie binding an OpenID Connect sign-in to the browser that began it. SameSite=Lax
// still sends it on the provider's redirect back (a top-level GET), and on nothing cross-site
// else; its path keeps it to the two sign-in routes.
import { readCookie } from "../auth/cookies.js";
import { OIDC_ATTEMPT_TTL_MS } from "../auth/oidc-attempts.js";

export const OIDC_COOKIE = "sg_oidc";

/** Set-Cookie value carrying the attempt's browser secret, for as long as the attempt lives. */
export function oidcCookie(binding: string, path: string, secure: boolean): string {
  return serialize(binding, Math.floor(OIDC_ATTEMPT_TTL_MS / 1000), path, secure);
}

/** Set-Cookie value removing it, once the callback has used it. */
export function clearOidcCookie(path: string, secure: boolean): string {
  return serialize("", 0, path, secure);
}

/** The browser secret from a Cookie header, or null. */
export function readOidcCookie(header: string | undefined): string | null {
  return readCookie(header, OIDC_COOKIE);
}

function serialize(value: string, maxAgeSeconds: number, path: string, secure: boolean): string {
  const parts = [`${OIDC_COOKIE}=${value}`, `Path=${path}`, `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
