// The browser's copy of a viewer session, and the one way cookies are read from a Cookie
// header (HTTP requests and the WebSocket upgrade alike) and described for setting. The
// cookie store of Yoga's server (@whatwg-node/cookie-store) parses and writes them: GraphQL
// operations set them through the request's cookie store, plain HTTP routes write
// getCookieString's value.
import { parse, type CookieListItem } from "@whatwg-node/cookie-store";
import { SESSION_TTL_MS } from "./tokens.js";

/** A cookie to set, as the cookie store describes it. */
export type Cookie = CookieListItem;

export const SESSION_COOKIE = "sg_session";

export interface CookieOptions {
  /** Public origin of the service; Secure is set when it is https. */
  baseUrl: string;
}

/** What every cookie of the service is: HttpOnly so scripts cannot read it, SameSite=Lax against cross-site posts, Secure behind https. */
export interface ServiceCookie {
  name: string;
  value: string;
  path: string;
  /** When the browser drops it; the epoch removes it at once. */
  expires: Date;
  secure: boolean;
}

/** The cookie store's description of a service cookie, for `cookieStore.set` or `getCookieString`. */
export function serviceCookie({ name, value, path, expires, secure }: ServiceCookie): Cookie {
  return { name, value, path, expires, domain: null, secure, httpOnly: true, sameSite: "lax" };
}

/** The session cookie carrying a viewer's session secret, as long-lived as the session begun at `now`. */
export function sessionCookie(secret: string, { baseUrl }: CookieOptions, now: Date): Cookie {
  const expires = new Date(now.getTime() + SESSION_TTL_MS);
  return serviceCookie({ name: SESSION_COOKIE, value: secret, path: "/", expires, secure: isHttpsUrl(baseUrl) });
}

/** The cookie that removes the session cookie (sign out). */
export function clearSessionCookie({ baseUrl }: CookieOptions): Cookie {
  return serviceCookie({ name: SESSION_COOKIE, value: "", path: "/", expires: new Date(0), secure: isHttpsUrl(baseUrl) });
}

/** Whether cookies for `baseUrl` must be Secure: the service is reached over https. */
export function isHttpsUrl(baseUrl: string): boolean {
  return URL.canParse(baseUrl) && new URL(baseUrl).protocol === "https:";
}

/**
 * The value of cookie `name` in a Cookie header, or null when absent or empty. Parsed by the cookie
 * store of Yoga's server (@whatwg-node/cookie-store): the first of duplicate names wins, as browsers
 * send the most specific path first; quoted and percent-encoded values are undone.
 */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  return parse(header).get(name)?.value || null;
}

/** The session secret from a Cookie header, or null. */
export function readSessionCookie(header: string | null | undefined): string | null {
  return readCookie(header, SESSION_COOKIE);
}
