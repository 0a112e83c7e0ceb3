// Which components (catalog entries) a page or sub-page shows.
import type { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";

type Reader = Db | Prisma.TransactionClient;

/** Components of each sub-page, in the order its entry lists them. Customer pages only. */
export async function subPageComponentIds(db: Reader, subPageIds: readonly string[]): Promise<Map<string, string[]>> {
  const subPages = await db.subPage.findMany({
    where: { id: { in: [...subPageIds] } },
    select: { id: true, entryId: true, page: { select: { componentsAttributeId: true } } },
  });
  const attributeIds = [...new Set(subPages.map((s) => s.page.componentsAttributeId).filter((a): a is string => a !== null))];
  const values = await db.catalogValue.findMany({
    where: { entryId: { in: subPages.map((s) => s.entryId) }, attributeId: { in: attributeIds }, referencedEntryId: { not: null } },
    orderBy: { position: "asc" },
    select: { entryId: true, attributeId: true, referencedEntryId: true },
  });
  const result = new Map<string, string[]>(subPageIds.map((id) => [id, []]));
  for (const s of subPages) {
    result.set(
      s.id,
      values.filter((v) => v.entryId === s.entryId && v.attributeId === s.page.componentsAttributeId).map((v) => v.referencedEntryId!),
    );
  }
  return result;
}

/** Every component a page shows: its listed components, or for a customer page those of any sub-page. */
export async function pageComponentIds(db: Reader, pageId: string): Promise<Set<string>> {
  const page = await db.statusPage.findUnique({
    where: { id: pageId },
    select: { kind: true, components: { select: { componentId: true } }, subPages: { select: { id: true } } },
  });
  if (!page) return new Set();
  if (page.kind === "PUBLIC") return new Set(page.components.map((c) => c.componentId));
  const bySubPage = await subPageComponentIds(
    db,
    page.subPages.map((s) => s.id),
  );
  return new Set([...bySubPage.values()].flat());
}
