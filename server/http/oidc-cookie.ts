// The cookie binding an OpenID Connect sign-in to the browser that began it. SameSite=Lax
// still sends it on the provider's redirect back (a top-level GET), and on nothing cross-site
// else; its path keeps it to the two sign-in routes.
import { readCookie, serviceCookie, type Cookie } from "../auth/cookies.js";
import { OIDC_ATTEMPT_TTL_MS } from "../auth/oidc-attempts.js";

export const OIDC_COOKIE = "sg_oidc";

/** The cookie carrying the attempt's browser secret, for as long as the attempt begun at `now` lives. */
export function oidcCookie(binding: string, path: string, secure: boolean, now: Date): Cookie {
  const expires = new Date(now.getTime() + OIDC_ATTEMPT_TTL_MS);
  return serviceCookie({ name: OIDC_COOKIE, value: binding, path, expires, secure });
}

/** The cookie removing it, once the callback has used it. */
export function clearOidcCookie(path: string, secure: boolean): Cookie {
  return serviceCookie({ name: OIDC_COOKIE, value: "", path, expires: new Date(0), secure });
}

/** The browser secret from a Cookie header, or null. */
export function readOidcCookie(header: string | undefined): string | null {
  return readCookie(header, OIDC_COOKIE);
}
