// Which browser origins the service trusts with a viewer's session: its own
// (PUBLIC_URL's, or the one the request was addressed to) and those listed in
// CORS_ORIGINS. Origins are compared as the WHATWG URL parser serializes them,
// never as string prefixes: `https://status.example.com.evil.example` is foreign.

type Env = Record<string, string | undefined>;

/** The serialized origin of an http(s) URL that is nothing but an origin (no user, path, query or fragment); null otherwise. */
function plainOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
  // The parser takes `*` as part of a host name; no browser sends one, and a configured one is a wildcard mistaken.
  if (url.hostname.includes("*")) return null;
  return url.origin;
}

/** Parses one configured origin such as `https://app.example.com`; throws on anything else (paths, `*`, other schemes). */
export function parseConfiguredOrigin(value: string, name = "CORS_ORIGINS"): string {
  const origin = plainOrigin(value.trim());
  if (origin === null) throw new Error(`${name} takes http(s) origins such as https://app.example.com (no path, no wildcard), got "${value}"`);
  return origin;
}

/** CORS_ORIGINS: a comma-separated list of origins; none when unset. Throws on a malformed entry. */
export function corsOriginsFromEnv(env: Env = process.env): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => parseConfiguredOrigin(entry));
}

/** The origin an Origin header names; null for `null` (sandboxed frames, file: pages), malformed values and other schemes: all of them foreign. */
export function requestOrigin(header: string | null | undefined): string | null {
  return header ? plainOrigin(header) : null;
}

export interface OriginPolicy {
  /** Origins allowed credentialed cross-origin requests (CORS with cookies). */
  readonly configured: ReadonlySet<string>;
  /** The service's own origin or a configured one; `host` is the request's Host header. */
  trusted(origin: string | null, host: string | null | undefined): boolean;
}

/** `publicUrl` is PUBLIC_URL (null: the request's Host stands in); `configured` are already parsed origins. */
export function createOriginPolicy(configured: readonly string[], publicUrl: string | null): OriginPolicy {
  const allowed = new Set(configured);
  const publicOrigin = publicUrl === null ? null : new URL(publicUrl).origin;
  return {
    configured: allowed,
    trusted(origin, host) {
      if (origin === null) return false;
      if (allowed.has(origin) || origin === publicOrigin) return true;
      // The Host header is the browser's own doing (pages cannot set it). A proxy that
      // ends TLS hides the scheme, so the origin's own scheme stands in for it.
      return Boolean(host) && plainOrigin(`${new URL(origin).protocol}//${host}`) === origin;
    },
  };
}

/**
 * Whether a WebSocket upgrade may use the session cookie it carries. Browsers send
 * cookies with an upgrade from any page, and WebSockets know no CORS. An upgrade
 * from a foreign origin (another site, `null`, malformed) is served as signed out
 * rather than refused with 403: a refusal would break public live views that other
 * sites open (embeds included) for every visitor who happens to be signed in here,
 * while signed out no other site can stream a viewer's sub-page. Clients without an
 * Origin (not browsers) and tokens in connectionParams are unaffected.
 */
export function upgradeCookieUsable(origins: OriginPolicy): (request: { headers: { origin?: string; host?: string } }) => boolean {
  return (request) => {
    const header = request.headers.origin;
    return header === undefined || origins.trusted(requestOrigin(header), request.headers.host);
  };
}
