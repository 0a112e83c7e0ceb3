// The origin sign-in links point at and cookies are scoped to.
//
// PUBLIC_URL should be set in production: without it the origin comes from the
// request's Host header, which a client chooses, so a forged Host could put a
// foreign origin into a sign-in mail (only a proxy that fixes Host prevents that).

/** PUBLIC_URL without trailing slashes; null when unset. Throws when it is not an http(s) URL. */
export function publicUrlFromEnv(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.PUBLIC_URL?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://status.example.com, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("PUBLIC_URL must be an http or https URL");
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

// A host name, IPv4 address or bracketed IPv6 address, with an optional port.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `http://<Host>` for a well-formed Host header, otherwise `http://localhost`. */
export function requestBaseUrl(host: string | null | undefined): string {
  const value = host?.trim();
  return value && HOST.test(value) ? `http://${value}` : "http://localhost";
}
