// Images uploaded for a page: checked by their bytes, stored in the database (so every
// instance serves them, on SQLite and PostgreSQL alike, without a shared disk), at most
// one logo and one favicon per page.
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { PAGE_ASSET_FIELD, assetSizeRefusal, assetTypeRefusal, pageAssetPath, type PageAssetKind } from "../domain/page-assets.js";
import type { Db } from "../db/client.js";
import { NotFoundError, ValidationError } from "../errors.js";
import type { Prisma, StatusPage } from "../generated/sqlite/client.js";
import type { Changed } from "./change.js";
import { pageChange } from "./status-page-change.js";

type Tx = Prisma.TransactionClient;

/** An image whose bytes passed the checks, ready to store. */
export interface CheckedAsset {
  kind: PageAssetKind;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
}

/**
 * Reads an uploaded file and checks it as an image of `kind`: its size, and its type as
 * read from the bytes (the name and Content-Type the client declared are ignored).
 * Refused with a ValidationError naming `field`.
 */
export async function checkUpload(field: string, kind: PageAssetKind, file: Blob): Promise<CheckedAsset> {
  // The size first: a file over the limit is not read at all.
  const tooBig = assetSizeRefusal(kind, file.size);
  if (tooBig) throw ValidationError.of(field, tooBig.rule, tooBig.message);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = (await fileTypeFromBuffer(bytes))?.mime ?? null;
  const refusal = assetSizeRefusal(kind, bytes.byteLength) ?? assetTypeRefusal(detected);
  if (refusal) throw ValidationError.of(field, refusal.rule, refusal.message);
  return { kind, contentType: detected!, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Stores the page's image of the asset's kind, replacing (and so removing) the one before; returns the path it is served at. */
export async function storePageAsset(tx: Tx, pageId: string, asset: CheckedAsset): Promise<string> {
  await tx.pageAsset.deleteMany({ where: { pageId, kind: asset.kind } });
  await tx.pageAsset.create({ data: { pageId, kind: asset.kind, contentType: asset.contentType, bytes: asset.bytes, sha256: asset.sha256 } });
  return pageAssetPath(asset.sha256, asset.contentType);
}

/**
 * Removes the page's stored image of `kind` unless `keptUrl` is still its path: for when
 * the page's logo or favicon URL is set to something else.
 */
export async function dropReplacedAsset(tx: Tx, pageId: string, kind: PageAssetKind, keptUrl: string | null): Promise<void> {
  const stored = await tx.pageAsset.findUnique({ where: { pageId_kind: { pageId, kind } }, select: { id: true, sha256: true, contentType: true } });
  if (stored && pageAssetPath(stored.sha256, stored.contentType) !== keptUrl) await tx.pageAsset.delete({ where: { id: stored.id } });
}

/** Uploads the page's logo or favicon and points the page's `logoUrl` / `faviconUrl` at it. */
export async function uploadPageAsset(tx: Tx, pageId: string, asset: CheckedAsset): Promise<Changed<StatusPage>> {
  const before = await tx.statusPage.findUnique({ where: { id: pageId } });
  if (!before) throw new NotFoundError("status page", pageId);
  const url = await storePageAsset(tx, pageId, asset);
  const after = await tx.statusPage.update({ where: { id: pageId }, data: { [PAGE_ASSET_FIELD[asset.kind]]: url } });
  return { value: after, change: pageChange(`Uploaded the ${asset.kind === "LOGO" ? "logo" : "favicon"} of`, after, before, after) };
}

/** A stored image as served: its media type and bytes. */
export interface ServedAsset {
  contentType: string;
  bytes: Uint8Array;
}

/** The image stored under this hash (by any page: the same bytes are the same image); null when none is. */
export async function findServedAsset(db: Db, sha256: string): Promise<ServedAsset | null> {
  return db.pageAsset.findFirst({ where: { sha256 }, select: { contentType: true, bytes: true } });
}
