// The browser's copy of a viewer session. No cookie library is installed, and
// one cookie with a base64url value needs neither encoding nor a full parser.
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

/** Name → value from a Cookie header; the first of duplicate names wins, as browsers send the most specific path first. */
export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    cookies.set(name, safeDecode(value));
  }
  return cookies;
}

/** The session secret from a Cookie header, or null. */
export function readSessionCookie(header: string | null | undefined): string | null {
  const value = parseCookies(header).get(SESSION_COOKIE);
  return value ? value : null;
}

function safeDecode(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
