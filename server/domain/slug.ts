export const SLUG_MAX_LENGTH = 60;

/** First path segments the server's own routes answer (the API, health, sign-in, badges, feeds, Statuspage-compatible JSON, metrics). */
export const SERVER_PATHS = ["graphql", "health", "auth", "badge", "feed", "api", "metrics"] as const;

/**
 * No page may take one of these as its slug, or its URL would lead elsewhere: the
 * server's paths, the web client's embed widget and files, uploaded images
 * (`/assets/<sha256>.<ext>`, beside the client's files), and the operator console.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([...SERVER_PATHS, "embed", "assets", "console"]);

/** No sub-page may take these: `/<page>/api/…` is the page's Statuspage-compatible JSON. */
export const RESERVED_SUB_PAGE_SLUGS: ReadonlySet<string> = new Set(["api"]);

// Letters NFKD does not decompose into ASCII but that have a customary transliteration.
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/** URL slug for a title: lowercase ASCII words joined by "-", at most 60 chars; "" if nothing usable. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => TRANSLITERATIONS[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    // Apostrophes join rather than split: "Acme's" → "acmes".
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return truncate(slug);
}

function truncate(slug: string): string {
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  if (slug[SLUG_MAX_LENGTH] === "-") return cut;
  const lastDash = cut.lastIndexOf("-");
  // A single over-long word has no boundary to cut at; cut it mid-word.
  return lastDash > 0 ? cut.slice(0, lastDash) : cut;
}

export function isValidSlug(s: string): boolean {
  return s.length >= 1 && s.length <= SLUG_MAX_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);
}

/**
 * The first of base, base-2, base-3, ... that `taken` rejects; the base is shortened
 * when needed so the suffixed slug stays within 60 chars. Throws on an invalid base.
 */
export async function uniqueSlug(base: string, taken: (s: string) => boolean | Promise<boolean>): Promise<string> {
  if (!isValidSlug(base)) throw new RangeError(`invalid slug: "${base}"`);
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const stem = base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, "");
    const candidate = `${stem}${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
}
