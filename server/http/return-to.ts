// Where a browser may be sent after signing in: a path on this service, never another site.

/**
 * `value` resolved against the public URL, as path, query and fragment, when it stays on
 * the same origin and under the public URL's path; null otherwise. Parsed as browsers
 * parse it, so "//evil.example", "/\evil.example", "https://evil.example" and
 * "javascript:…" are all refused rather than matched by pattern.
 */
export function sameOriginPath(value: string, publicUrl: URL): string | null {
  // Only paths: a full URL to this very service is refused too, as the form never sends one.
  if (!value.startsWith("/")) return null;
  let target: URL;
  try {
    target = new URL(value, publicUrl);
  } catch {
    return null;
  }
  if (target.origin !== publicUrl.origin) return null;
  const basePath = publicUrl.pathname.replace(/\/+$/, "");
  if (basePath && target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}
