// The settings form's values for a page, and what of them differs from the page:
// only changed fields are sent, so an untouched logo URL is never re-validated.
import type { SchemaType } from "../../src/graphql.js";
import type { FormErrors } from "../ui/mutation-errors.js";
import { SETUP_FIELDS, type PageSetup } from "../setup/PageSetupFields.js";
import { layoutFields, layoutInput, sameLayout, toLayoutDraft, type LayoutDraft } from "./layout-draft.js";
import type { SettingsPage, StatusPagePatch } from "./PageSettings.graphql.js";

export interface PageDraft {
  title: string;
  slug: string;
  setup: PageSetup;
  layout: LayoutDraft;
}

/** The form's starting values: the page as loaded. */
export function toPageDraft(page: SettingsPage): PageDraft {
  return {
    title: page.title,
    slug: page.slug,
    setup: { theme: page.theme, logo: null, logoUrl: page.logoUrl ?? "", favicon: null, faviconUrl: page.faviconUrl ?? "" },
    layout: toLayoutDraft(page.groups),
  };
}

/** An image URL field's change: undefined when unchanged or replaced by an upload, null when cleared. */
function urlChange(file: File | null, url: string, saved: string | null): string | null | undefined {
  if (file || url === (saved ?? "")) return undefined;
  return url || null;
}

/** updateStatusPage's fields that `draft` changes on `page`; empty when nothing does. */
export function pagePatch(page: SettingsPage, draft: PageDraft): StatusPagePatch {
  const patch: StatusPagePatch = {};
  if (draft.title !== page.title) patch.title = draft.title;
  if (draft.slug !== page.slug) patch.slug = draft.slug;
  if (draft.setup.theme !== page.theme) patch.theme = draft.setup.theme;
  const logoUrl = urlChange(draft.setup.logo, draft.setup.logoUrl, page.logoUrl);
  if (logoUrl !== undefined) patch.logoUrl = logoUrl;
  const faviconUrl = urlChange(draft.setup.favicon, draft.setup.faviconUrl, page.faviconUrl);
  if (faviconUrl !== undefined) patch.faviconUrl = faviconUrl;
  if (page.kind === "PUBLIC" && !sameLayout(page.groups, draft.layout)) Object.assign(patch, layoutInput(draft.layout));
  return patch;
}

/** A file to upload after the page's fields are saved, and the input path its errors show at. */
export interface PendingUpload {
  kind: SchemaType<"PageAssetKind">;
  file: File;
  field: "input.logo" | "input.favicon";
}

export function pendingUploads(setup: PageSetup): PendingUpload[] {
  const uploads: PendingUpload[] = [];
  if (setup.logo) uploads.push({ kind: "LOGO", file: setup.logo, field: "input.logo" });
  if (setup.favicon) uploads.push({ kind: "FAVICON", file: setup.favicon, field: "input.favicon" });
  return uploads;
}

/** Every input path the form shows errors beside; the rest go to the form's alert. */
export function shownFields(draft: PageDraft): string[] {
  return ["input.title", "input.slug", ...SETUP_FIELDS, ...layoutFields(draft.layout)];
}

/** `errors` with each field path passed through `rename` (upload errors name `file`; sub-page forms need their own ids). */
export function renameFields(errors: FormErrors, rename: (field: string) => string): FormErrors {
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors.fields)) (fields[rename(field)] ??= []).push(...messages);
  return { ...errors, fields };
}
