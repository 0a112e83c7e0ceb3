// Status pages: creating, editing and deleting them, with the rules of each kind.
import type { PageKind, Prisma, StatusPage, Theme } from "../generated/sqlite/client.js";
import { NotFoundError, ValidationError, type ValidationIssue } from "../errors.js";
import { RESERVED_PAGE_SLUGS, slugify, uniqueSlug } from "../domain/slug.js";
import type { Changed } from "./change.js";
import { PAGE_ASSET_FIELD } from "../domain/page-assets.js";
import { dropReplacedAsset, storePageAsset, type CheckedAsset } from "./page-assets.js";
import { pageChange } from "./status-page-change.js";
import { createSubPages, resolveCustomerSetup, resolveSubPages, type CustomerSetupInput, type SubPageInput } from "./customer-pages.js";
import { checkRemovable, loadPageLayouts, resolveLayout, writeLayout, type LayoutInput } from "./page-layout.js";

type Tx = Prisma.TransactionClient;

export interface CreateStatusPageInput extends LayoutInput, CustomerSetupInput {
  title: string;
  /** Generated from the title when omitted. */
  slug?: string | null;
  kind: PageKind;
  theme: Theme;
  logoUrl?: string | null;
  faviconUrl?: string | null;
  subPages?: SubPageInput[] | null;
  /** Uploaded instead of given by URL: a logo, a favicon, or both (each kind at most once). */
  assets?: CheckedAsset[];
}

export interface StatusPagePatch extends LayoutInput {
  title?: string | null;
  slug?: string | null;
  theme?: Theme | null;
  /** Null clears, undefined keeps. */
  logoUrl?: string | null;
  faviconUrl?: string | null;
}

const ONLY_FOR: Record<PageKind, readonly string[]> = {
  PUBLIC: ["components", "groups"],
  CUSTOMER: ["customerType", "componentsAttribute", "emailDomainsAttribute", "subPages"],
};

/** Fields that belong to the other kind of page. */
function checkKindFields(kind: PageKind, input: object, issues: ValidationIssue[]): void {
  const other: PageKind = kind === "PUBLIC" ? "CUSTOMER" : "PUBLIC";
  for (const field of ONLY_FOR[other]) {
    if ((input as Record<string, unknown>)[field] != null) {
      issues.push({ field: `input.${field}`, rule: "not_allowed", message: `only ${other.toLowerCase()} pages have ${field}` });
    }
  }
}

/** A logo or favicon is given by URL or uploaded, not both. */
function checkAssetFields(input: CreateStatusPageInput, issues: ValidationIssue[]): void {
  for (const asset of input.assets ?? []) {
    const field = PAGE_ASSET_FIELD[asset.kind];
    if (input[field] != null)
      issues.push({ field: `input.${asset.kind.toLowerCase()}`, rule: "exclusive", message: `give ${field} or upload a file, not both` });
  }
}

/** Uploads the new page's images and points its URL fields at them. */
async function storeAssets(tx: Tx, page: StatusPage, assets: CheckedAsset[]): Promise<StatusPage> {
  if (assets.length === 0) return page;
  const data: Partial<Record<"logoUrl" | "faviconUrl", string>> = {};
  for (const asset of assets) data[PAGE_ASSET_FIELD[asset.kind]] = await storePageAsset(tx, page.id, asset);
  return tx.statusPage.update({ where: { id: page.id }, data });
}

async function checkSlug(tx: Tx, slug: string, issues: ValidationIssue[], exceptId?: string): Promise<void> {
  const other = await tx.statusPage.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptId) issues.push({ field: "input.slug", rule: "unique", message: `another status page has the URL "${slug}"` });
}

/**
 * A concurrent write can take the slug between the check and the write; report that
 * like the check would. The slug is the only unique column these writes can clash on.
 */
async function slugRace<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002") throw ValidationError.of("input.slug", "unique", "the URL was taken meanwhile");
    throw e;
  }
}

async function generateSlug(tx: Tx, title: string): Promise<string> {
  return uniqueSlug(slugify(title) || "status", async (s) => RESERVED_PAGE_SLUGS.has(s) || (await tx.statusPage.count({ where: { slug: s } })) > 0);
}

export async function createStatusPage(tx: Tx, input: CreateStatusPageInput): Promise<Changed<StatusPage>> {
  return slugRace(
    (async () => {
      const issues: ValidationIssue[] = [];
      checkKindFields(input.kind, input, issues);
      checkAssetFields(input, issues);
      if (input.slug) await checkSlug(tx, input.slug, issues);
      const layout = input.kind === "PUBLIC" ? await resolveLayout(tx, input, issues) : [];
      const setup = input.kind === "CUSTOMER" ? await resolveCustomerSetup(tx, input, issues) : null;
      const planned = setup && input.subPages ? await resolveSubPages(tx, setup.customerTypeId, input.subPages, issues) : [];
      if (issues.length > 0) throw new ValidationError(issues);
      const created = await tx.statusPage.create({
        data: {
          title: input.title,
          slug: input.slug || (await generateSlug(tx, input.title)),
          kind: input.kind,
          theme: input.theme,
          logoUrl: input.logoUrl ?? null,
          faviconUrl: input.faviconUrl ?? null,
          ...setup,
        },
      });
      const page = await storeAssets(tx, created, input.assets ?? []);
      if (setup) {
        const changed = await createSubPages(tx, page.id, setup.customerTypeId, planned);
        return { value: page, change: pageChange("Created", page, null, page, changed) };
      }
      await writeLayout(tx, page.id, layout);
      return { value: page, change: pageChange("Created", page, null, page) };
    })(),
  );
}

export async function updateStatusPage(tx: Tx, id: string, patch: StatusPagePatch): Promise<Changed<StatusPage>> {
  return slugRace(
    (async () => {
      const current = await tx.statusPage.findUnique({ where: { id } });
      if (!current) throw new NotFoundError("status page", id);
      const issues: ValidationIssue[] = [];
      checkKindFields(current.kind, patch, issues);
      if (patch.slug != null) await checkSlug(tx, patch.slug, issues, id);
      const relayout = current.kind === "PUBLIC" && (patch.components != null || patch.groups != null);
      const layout = relayout ? await resolveLayout(tx, patch, issues) : null;
      if (issues.length > 0) throw new ValidationError(issues);
      // A logo or favicon given by URL replaces an uploaded one, which is then removed.
      if (patch.logoUrl !== undefined) await dropReplacedAsset(tx, id, "LOGO", patch.logoUrl);
      if (patch.faviconUrl !== undefined) await dropReplacedAsset(tx, id, "FAVICON", patch.faviconUrl);
      if (layout) {
        const [before] = await loadPageLayouts(tx, [id]);
        const kept = new Set(layout.flatMap((s) => s.components));
        await checkRemovable(
          tx,
          id,
          before!.components.filter((c) => !kept.has(c.id)),
        );
        await writeLayout(tx, id, layout);
      }
      const value = await tx.statusPage.update({
        where: { id },
        data: {
          title: patch.title ?? undefined,
          slug: patch.slug ?? undefined,
          theme: patch.theme ?? undefined,
          logoUrl: patch.logoUrl,
          faviconUrl: patch.faviconUrl,
        },
      });
      return { value, change: pageChange("Updated", value, current, value) };
    })(),
  );
}

/** Deletes the page with everything on it: layout, sub-pages, incidents, maintenance, viewer sessions. */
export async function deleteStatusPage(tx: Tx, id: string): Promise<Changed<StatusPage>> {
  const page = await tx.statusPage.findUnique({ where: { id } });
  if (!page) throw new NotFoundError("status page", id);
  await tx.statusPage.delete({ where: { id } });
  const change = pageChange("Deleted", page, page, null);
  change.pages = [{ pageId: id, subject: "PAGE", kind: "DELETED", subjectId: null }];
  return { value: page, change };
}
