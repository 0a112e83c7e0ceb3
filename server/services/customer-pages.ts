// Customer pages: which catalog type defines the customers, which of its attributes
// hold components and allowed email domains, and the sub-pages of its entries.
import type { Prisma, SubPage } from "../generated/sqlite/client.js";
import { NotFoundError, ValidationError, type ValidationIssue } from "../errors.js";
import { RESERVED_SUB_PAGE_SLUGS, slugify, uniqueSlug } from "../domain/slug.js";
import { noticesFor, type Changed } from "./change.js";
import { syncSubPages } from "./sub-pages.js";

type Tx = Prisma.TransactionClient;

/** Sub-pages follow their entries' order: by rank, then name. */
export const SUB_PAGE_ORDER = [
  { entry: { rank: "asc" } },
  { entry: { name: "asc" } },
  { id: "asc" },
] as const satisfies Prisma.SubPageOrderByWithRelationInput[];

export interface CustomerSetupInput {
  /** Id or name of the catalog type. */
  customerType?: string | null;
  /** Id or name of a REFERENCE attribute of that type. */
  componentsAttribute?: string | null;
  /** Id or name of an EMAIL_DOMAIN attribute of that type. */
  emailDomainsAttribute?: string | null;
}

export interface SubPageInput {
  /** Id or name of an entry of the customer type. */
  entry: string;
  name?: string | null;
  slug?: string | null;
}

export interface CustomerSetup {
  customerTypeId: string;
  componentsAttributeId: string;
  domainsAttributeId: string | null;
}

type Attribute = { id: string; name: string; kind: string };

function findAttribute(attributes: Attribute[], key: string, kind: string, field: string, issues: ValidationIssue[]): string | null {
  const attribute = attributes.find((a) => a.id === key) ?? attributes.find((a) => a.name === key);
  if (!attribute) issues.push({ field, rule: "not_found", message: `the customer type has no attribute "${key}"` });
  else if (attribute.kind !== kind) issues.push({ field, rule: "wrong_kind", message: `"${attribute.name}" is a ${attribute.kind} attribute, not ${kind}` });
  else return attribute.id;
  return null;
}

/** Resolves the type and attributes by id or name; null (with issues) when any is missing or of the wrong kind. */
export async function resolveCustomerSetup(tx: Tx, input: CustomerSetupInput, issues: ValidationIssue[]): Promise<CustomerSetup | null> {
  const before = issues.length;
  if (!input.customerType) issues.push({ field: "input.customerType", rule: "required", message: "a customer page needs a catalog type" });
  if (!input.componentsAttribute)
    issues.push({ field: "input.componentsAttribute", rule: "required", message: "a customer page needs a components attribute" });
  if (!input.customerType) return null;
  const type = await tx.catalogType.findFirst({
    where: { OR: [{ id: input.customerType }, { name: input.customerType }] },
    select: { id: true, attributes: { select: { id: true, name: true, kind: true } } },
  });
  if (!type) {
    issues.push({ field: "input.customerType", rule: "not_found", message: `no catalog type "${input.customerType}"` });
    return null;
  }
  const components = input.componentsAttribute
    ? findAttribute(type.attributes, input.componentsAttribute, "REFERENCE", "input.componentsAttribute", issues)
    : null;
  const domains = input.emailDomainsAttribute
    ? findAttribute(type.attributes, input.emailDomainsAttribute, "EMAIL_DOMAIN", "input.emailDomainsAttribute", issues)
    : null;
  if (issues.length > before || !components) return null;
  return { customerTypeId: type.id, componentsAttributeId: components, domainsAttributeId: domains };
}

export interface PlannedSubPage {
  entryId: string;
  name: string;
  slug: string | null;
}

/** Matches sub-page inputs to entries of the type (by id, or by a name no other entry shares). */
export async function resolveSubPages(tx: Tx, typeId: string, inputs: SubPageInput[], issues: ValidationIssue[]): Promise<PlannedSubPage[]> {
  const keys = inputs.map((s) => s.entry);
  // Two plain lists rather than one OR of both: Prisma splits a long `in` list into
  // statements under the database's parameter limit, but not an OR of two.
  const select = { id: true, name: true } as const;
  const byId = await tx.catalogEntry.findMany({ where: { typeId, id: { in: keys } }, select });
  const byName = await tx.catalogEntry.findMany({ where: { typeId, name: { in: keys } }, select });
  const found = new Set(byId.map((e) => e.id));
  const entries = [...byId, ...byName.filter((e) => !found.has(e.id))];
  const planned: PlannedSubPage[] = [];
  const slugs = new Set<string>();
  for (const [i, s] of inputs.entries()) {
    const field = `input.subPages.${i}`;
    const named = entries.filter((e) => e.name === s.entry);
    const entry = entries.find((e) => e.id === s.entry) ?? (named.length === 1 ? named[0] : undefined);
    if (!entry) {
      const rule = named.length > 1 ? "ambiguous" : "not_found";
      issues.push({ field: `${field}.entry`, rule, message: `no single entry "${s.entry}" of the customer type` });
    } else if (planned.some((p) => p.entryId === entry.id)) {
      issues.push({ field: `${field}.entry`, rule: "duplicate", message: `"${entry.name}" is given twice` });
    } else if (s.slug && slugs.has(s.slug)) {
      issues.push({ field: `${field}.slug`, rule: "unique", message: `the URL "${s.slug}" is given twice` });
    } else planned.push({ entryId: entry.id, name: s.name ?? entry.name, slug: s.slug ?? null });
    if (s.slug) slugs.add(s.slug);
  }
  return planned;
}

/** Creates the planned sub-pages, then one per remaining entry; returns the pages that changed. */
export async function createSubPages(tx: Tx, pageId: string, typeId: string, planned: PlannedSubPage[]): Promise<string[]> {
  const taken = new Set(planned.map((p) => p.slug).filter((s): s is string => s !== null));
  const rows = [];
  for (const p of planned) {
    const slug = p.slug ?? (await uniqueSlug(slugify(p.name) || "page", (s) => taken.has(s) || RESERVED_SUB_PAGE_SLUGS.has(s)));
    taken.add(slug);
    rows.push({ pageId, entryId: p.entryId, name: p.name, slug });
  }
  // One write however many are named (up to LIMITS.listItems): row by row, hundreds
  // would outlast the transaction's time limit.
  await tx.subPage.createMany({ data: rows });
  return syncSubPages(tx, typeId);
}

export interface SubPagePatch {
  name?: string | null;
  slug?: string | null;
}

/** Renames a sub-page or changes its URL; the slug stays unique within its page. */
export async function updateSubPage(tx: Tx, id: string, patch: SubPagePatch): Promise<Changed<SubPage>> {
  const subPage = await tx.subPage.findUnique({ where: { id } });
  if (!subPage) throw new NotFoundError("sub-page", id);
  if (patch.slug != null && patch.slug !== subPage.slug) {
    const other = await tx.subPage.findUnique({ where: { pageId_slug: { pageId: subPage.pageId, slug: patch.slug } } });
    if (other) throw ValidationError.of("input.slug", "unique", `another sub-page of this page has the URL "${patch.slug}"`);
  }
  const value = await tx.subPage.update({ where: { id }, data: { name: patch.name ?? undefined, slug: patch.slug ?? undefined } });
  const summary = `Updated sub-page "${value.name}"`;
  return { value, change: { objectType: "SubPage", objectId: id, summary, before: subPage, after: value, pages: noticesFor([subPage.pageId], "PAGE") } };
}
