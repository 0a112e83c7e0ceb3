// The browser's copy of a viewer session, and the one way cookies are read from a
// Cookie header (HTTP requests and the WebSocket upgrade alike). Set-Cookie values are
// still written here: the cookie store's writer has no Max-Age, which these cookies use.
import { parse } from "@whatwg-node/cookie-store";
import { SESSION_TTL_MS } from "./tokens.js";

export const SESSION_COOKIE = "sg_session";

export interface CookieOptions {
  /** Public origin of the service; Secure is set when it is https. */
  baseUrl: string;
}

/** Set-Cookie value carrying a session secret: HttpOnly so scripts cannot read it, SameSite=Lax against cross-site posts. */
export function sessionCookie(secret: string, options: CookieOptions): string {
  return serialize(secret, Math.floor(SESSION_TTL_MS / 1000), options);
}

/** Set-Cookie value that removes the session cookie (sign out). */
export function clearSessionCookie(options: CookieOptions): string {
  return serialize("", 0, options);
}

function serialize(value: string, maxAgeSeconds: number, { baseUrl }: CookieOptions): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (isHttps(baseUrl)) parts.push("Secure");
  return parts.join("; ");
}

function isHttps(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).protocol === "https:";
  } catch {
    return false;
  }
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
