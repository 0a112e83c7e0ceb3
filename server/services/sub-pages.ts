// Customer pages have one sub-page per entry of their customer type; these
// helpers keep the two in step and find which pages show given entries.
import type { Prisma } from "../generated/sqlite/client.js";
import { RESERVED_SUB_PAGE_SLUGS, slugify, uniqueSlug } from "../domain/slug.js";

type Tx = Prisma.TransactionClient;

/** Creates the sub-pages missing for entries of `typeId` on every customer page built on it; returns the pages that changed. */
export async function syncSubPages(tx: Tx, typeId: string): Promise<string[]> {
  const pages = await tx.statusPage.findMany({
    where: { customerTypeId: typeId },
    select: { id: true, subPages: { select: { entryId: true, slug: true } } },
  });
  if (pages.length === 0) return [];
  const entries = await tx.catalogEntry.findMany({ where: { typeId }, orderBy: [{ rank: "asc" }, { name: "asc" }] });
  const changed: string[] = [];
  for (const page of pages) {
    const have = new Set(page.subPages.map((s) => s.entryId));
    const slugs = new Set(page.subPages.map((s) => s.slug));
    for (const entry of entries.filter((e) => !have.has(e.id))) {
      const slug = await uniqueSlug(slugify(entry.name) || "page", (s) => slugs.has(s) || RESERVED_SUB_PAGE_SLUGS.has(s));
      slugs.add(slug);
      await tx.subPage.create({ data: { pageId: page.id, entryId: entry.id, name: entry.name, slug } });
      changed.push(page.id);
    }
  }
  return [...new Set(changed)];
}

/** Ids of pages that show any of these entries: as a component, as a sub-page, or as a sub-page's component. */
export async function pagesShowingEntries(tx: Tx, entryIds: string[]): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const [components, subPages, references] = await Promise.all([
    tx.pageComponent.findMany({ where: { componentId: { in: entryIds } }, select: { pageId: true } }),
    tx.subPage.findMany({ where: { entryId: { in: entryIds } }, select: { pageId: true } }),
    tx.catalogValue.findMany({
      where: { referencedEntryId: { in: entryIds }, attribute: { componentsForPages: { some: {} } } },
      select: { attribute: { select: { componentsForPages: { select: { id: true } } } } },
    }),
  ]);
  return [
    ...new Set([
      ...components.map((c) => c.pageId),
      ...subPages.map((s) => s.pageId),
      ...references.flatMap((r) => r.attribute.componentsForPages.map((p) => p.id)),
    ]),
  ];
}
