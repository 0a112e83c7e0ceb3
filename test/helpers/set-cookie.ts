// Reads a Set-Cookie value by its attributes, whatever their order, so tests assert what
// matters of a cookie (HttpOnly, SameSite=Lax, Secure behind https, Path, when it expires).
import { expect } from "vitest";

/** One Set-Cookie value, its attribute names lower-cased. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

/** Splits a Set-Cookie value into its name, value and attributes. */
export function parseSetCookie(line: string): SetCookie {
  const [pair, ...parts] = line.split(";").map((part) => part.trim());
  const eq = pair!.indexOf("=");
  const attributes = new Map<string, string>();
  for (const part of parts) {
    const at = part.indexOf("=");
    attributes.set((at < 0 ? part : part.slice(0, at)).toLowerCase(), at < 0 ? "" : part.slice(at + 1));
  }
  return { name: pair!.slice(0, eq), value: decodeURIComponent(pair!.slice(eq + 1)), attributes };
}

/** What a test expects of one of the service's cookies. */
export interface ExpectedCookie {
  name: string;
  path: string;
  secure: boolean;
  /** The window its expiry must fall in (inclusive), to the second; the epoch for a removal. */
  expiresBetween: [Date, Date];
}

/** Asserts the service's cookie attributes of `line` and returns it parsed. */
export function expectServiceCookie(line: string | null | undefined, expected: ExpectedCookie): SetCookie {
  expect(line, `a Set-Cookie for ${expected.name}`).toBeTruthy();
  const cookie = parseSetCookie(line!);
  expect(cookie.name).toBe(expected.name);
  expect(cookie.attributes.has("httponly")).toBe(true);
  expect(cookie.attributes.get("samesite")).toBe("Lax");
  expect(cookie.attributes.get("path")).toBe(expected.path);
  expect(cookie.attributes.has("secure")).toBe(expected.secure);
  const expires = Date.parse(cookie.attributes.get("expires") ?? "");
  const [from, to] = expected.expiresBetween.map((d) => Math.floor(d.getTime() / 1000) * 1000);
  expect(expires).toBeGreaterThanOrEqual(from!);
  expect(expires).toBeLessThanOrEqual(to!);
  return cookie;
}

/** The expiry window of a removal: the epoch. */
export const REMOVED: [Date, Date] = [new Date(0), new Date(0)];

/** The window of an expiry `ttlMs` after `at`, give or take `slackMs` (the real clock moves on while a request is served). */
export function expiringAfter(ttlMs: number, at: Date, slackMs = 0): [Date, Date] {
  return [new Date(at.getTime() + ttlMs - slackMs), new Date(at.getTime() + ttlMs + slackMs)];
}
