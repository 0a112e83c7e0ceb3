// What pages show, as rows of one statement per kind of page: a public page's
// components with their names and headings, a customer page's sub-pages with
// their components. Prisma 6.19 reads every relation in a statement of its own on
// SQLite (relation joins are PostgreSQL and MySQL only): three tables each here,
// joined by the database, keep a page's read within its statement budget.
// Plain SQL both databases read alike: quoted identifiers, text and integer columns.
import { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";

type Reader = Pick<Db, "$queryRaw">;

export interface LayoutRow {
  pageId: string;
  componentId: string;
  name: string;
  rank: number;
  /** Position in catalog order (rank, name, id) as the database sorts, among the rows read together. */
  catalogOrder: number;
  groupId: string | null;
  groupName: string | null;
}

export interface SubPageRow {
  pageId: string;
  subPageId: string;
  slug: string;
  subPageName: string;
  /** Null for a sub-page whose entry lists no components. */
  componentId: string | null;
  name: string | null;
  rank: number | null;
  catalogOrder: number | null;
}

const ids = (pageIds: readonly string[]) => Prisma.join([...pageIds]);

/** Public pages' components in display order (page-wide positions), with their group headings. */
export async function readLayoutRows(db: Reader, pageIds: readonly string[]): Promise<LayoutRow[]> {
  if (pageIds.length === 0) return [];
  const rows = await db.$queryRaw<LayoutRow[]>`
    SELECT pc."pageId" AS "pageId", pc."componentId" AS "componentId", e."name" AS "name", e."rank" AS "rank",
           ROW_NUMBER() OVER (ORDER BY e."rank", e."name", e."id") AS "catalogOrder",
           pc."groupId" AS "groupId", g."name" AS "groupName"
    FROM "PageComponent" pc
    JOIN "CatalogEntry" e ON e."id" = pc."componentId"
    LEFT JOIN "PageGroup" g ON g."id" = pc."groupId"
    WHERE pc."pageId" IN (${ids(pageIds)})
    ORDER BY pc."pageId", pc."position", pc."id"`;
  return rows.map((r) => ({ ...r, rank: Number(r.rank), catalogOrder: Number(r.catalogOrder) }));
}

/**
 * Customer pages' sub-pages in their order (the entry's rank, then name: SUB_PAGE_ORDER),
 * each with the components its entry lists through the page's components attribute, in order.
 */
export async function readSubPageRows(db: Reader, pageIds: readonly string[]): Promise<SubPageRow[]> {
  if (pageIds.length === 0) return [];
  const rows = await db.$queryRaw<SubPageRow[]>`
    SELECT s."pageId" AS "pageId", s."id" AS "subPageId", s."slug" AS "slug", s."name" AS "subPageName",
           v."referencedEntryId" AS "componentId", c."name" AS "name", c."rank" AS "rank",
           ROW_NUMBER() OVER (ORDER BY c."rank", c."name", c."id") AS "catalogOrder"
    FROM "SubPage" s
    JOIN "StatusPage" p ON p."id" = s."pageId"
    JOIN "CatalogEntry" owner ON owner."id" = s."entryId"
    LEFT JOIN "CatalogValue" v ON v."entryId" = s."entryId" AND v."attributeId" = p."componentsAttributeId" AND v."referencedEntryId" IS NOT NULL
    LEFT JOIN "CatalogEntry" c ON c."id" = v."referencedEntryId"
    WHERE s."pageId" IN (${ids(pageIds)})
    ORDER BY s."pageId", owner."rank", owner."name", s."id", v."position"`;
  return rows.map((r) => ({ ...r, rank: r.rank === null ? null : Number(r.rank), catalogOrder: r.componentId === null ? null : Number(r.catalogOrder) }));
}
