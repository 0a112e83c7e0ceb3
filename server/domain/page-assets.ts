// The rules for images uploaded for a page (its logo and favicon): how big each may
// be, which image types are taken, and the content-addressed URL they are served at.

/** The two images a page can have uploaded. */
export type PageAssetKind = "LOGO" | "FAVICON";

const KIB = 1024;

/** The largest upload of each kind, in bytes. */
export const PAGE_ASSET_MAX_BYTES: Readonly<Record<PageAssetKind, number>> = { LOGO: 512 * KIB, FAVICON: 128 * KIB };

/**
 * The image types taken, by the media type read from the bytes, with the extension they
 * are served under. SVG is not among them: it can carry scripts.
 */
export const PAGE_ASSET_TYPES: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/x-icon": "ico",
};

/** The page field an uploaded image of each kind fills. */
export const PAGE_ASSET_FIELD: Readonly<Record<PageAssetKind, "logoUrl" | "faviconUrl">> = { LOGO: "logoUrl", FAVICON: "faviconUrl" };

/** A validation rule and message. */
export interface AssetRefusal {
  rule: string;
  message: string;
}

/** Why a file of `size` bytes is refused as an image of `kind`; null when its size is taken. */
export function assetSizeRefusal(kind: PageAssetKind, size: number): AssetRefusal | null {
  const max = PAGE_ASSET_MAX_BYTES[kind];
  if (size === 0) return { rule: "empty", message: "the file is empty" };
  if (size > max) return { rule: "too_large", message: `must be at most ${max / KIB} KiB, got ${Math.ceil(size / KIB)} KiB` };
  return null;
}

/** Why a file whose bytes read as `detectedType` (null: no known type) is refused; null when the type is taken. */
export function assetTypeRefusal(detectedType: string | null): AssetRefusal | null {
  if (detectedType && detectedType in PAGE_ASSET_TYPES) return null;
  return { rule: "type", message: `must be a PNG, JPEG, WebP, GIF or ICO image${detectedType ? `, got ${detectedType}` : ""}` };
}

/** The path an image is served at: `/assets/<sha256>.<ext>`. */
export function pageAssetPath(sha256: string, contentType: string): string {
  return `/assets/${sha256}.${PAGE_ASSET_TYPES[contentType] ?? "bin"}`;
}

const SERVED_PATH = /^\/assets\/([0-9a-f]{64})\.([a-z]+)$/;

/** The hash and extension a request path names, when it has the shape of a served image's path; else null. */
export function parsePageAssetPath(path: string): { sha256: string; ext: string } | null {
  const match = SERVED_PATH.exec(path);
  return match ? { sha256: match[1]!, ext: match[2]! } : null;
}
