// Uploading a page's logo or favicon (a GraphQL multipart request): the file is checked
// by its bytes before anything is written, stored with the page, and the page's
// `logoUrl` / `faviconUrl` then names where it is served.
import { builder } from "../builder.js";
import type { PageAssetKind as Kind } from "../domain/page-assets.js";
import { commitChange } from "../services/change.js";
import { checkUpload, uploadPageAsset, type CheckedAsset } from "../services/page-assets.js";
import { PageAssetKind } from "./enums.js";
import { MUTATION_ERRORS } from "./errors.js";
import { EXPECTED_VERSION_DESCRIPTION, versioned } from "./versioned.js";

/** Checks the files a create input uploads (`input.logo`, `input.favicon`), before anything is written. */
export async function checkInputUploads(input: { logo?: File | null; favicon?: File | null }): Promise<CheckedAsset[]> {
  const given: [string, Kind, File | null | undefined][] = [
    ["input.logo", "LOGO", input.logo],
    ["input.favicon", "FAVICON", input.favicon],
  ];
  const checked: CheckedAsset[] = [];
  for (const [field, kind, file] of given) if (file) checked.push(await checkUpload(field, kind, file));
  return checked;
}

builder.mutationField("uploadPageAsset", (t) =>
  t.prismaField({
    type: "StatusPage",
    authScopes: { role: "EDITOR" },
    description:
      "Uploads the page's logo or favicon and sets `logoUrl` / `faviconUrl` to where it is served (`/assets/<sha256>.<ext>`, public). " +
      "Replaces (and removes) the one uploaded before. Send as a GraphQL multipart request. " +
      "ValidationError on `file`: `too_large` (logo 512 KiB, favicon 128 KiB), `type` (not a PNG, JPEG, WebP, GIF or ICO by its bytes; SVG is refused), `empty`.",
    errors: { types: MUTATION_ERRORS },
    args: {
      pageId: t.arg.id(),
      kind: t.arg({ type: PageAssetKind }),
      file: t.arg({ type: "File" }),
      expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    },
    resolve: async (query, _root, { pageId, kind, file, expectedVersion }, ctx) => {
      const asset = await checkUpload("file", kind, file);
      await commitChange(
        ctx,
        "uploadPageAsset",
        versioned(ctx.actor, "StatusPage", pageId, expectedVersion, (tx) => uploadPageAsset(tx, pageId, asset)),
      );
      return ctx.db.statusPage.findUniqueOrThrow({ ...query, where: { id: pageId } });
    },
  }),
);
