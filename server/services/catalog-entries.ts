// Catalog entries: their names, ranks and attribute values, and the sub-pages of
// customer pages that follow them. Ranks stay 0..n-1 within a type.
import type { CatalogEntry, Prisma } from "../generated/sqlite/client.js";
import { InUseError, NotFoundError, ValidationError } from "../errors.js";
import { resolveValues, type AttributeValueInput } from "./catalog-values.js";
import { noticesFor, type Change, type Changed } from "./change.js";
import { usesOfEntries } from "./catalog-uses.js";
import { pagesShowingEntries, syncSubPages } from "./sub-pages.js";

type Tx = Prisma.TransactionClient;

/** Entries in the order the operator set; for types that are not ranked, `rank` is creation order and lists go by name. */
export const RANKED_ORDER = [{ rank: "asc" }, { name: "asc" }, { id: "asc" }] as const satisfies Prisma.CatalogEntryOrderByWithRelationInput[];

export interface CatalogEntryInput {
  typeId: string;
  name: string;
  rank?: number | null;
  values: AttributeValueInput[];
}

async function checkEntryName(tx: Tx, type: { id: string; referenceByName: boolean }, name: string, exceptId?: string) {
  if (!type.referenceByName) return;
  const other = await tx.catalogEntry.findFirst({ where: { typeId: type.id, name, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (other) throw ValidationError.of("input.name", "unique", `an entry named "${name}" exists; this type references entries by name`);
}

function checkRank(type: { name: string; ranked: boolean }, rank: number | null | undefined) {
  if (rank == null) return;
  if (!type.ranked) throw ValidationError.of("input.rank", "not_allowed", `entries of "${type.name}" are not ranked`);
  if (rank < 0) throw ValidationError.of("input.rank", "too_small", "must be 0 or more");
}

/** The change to one entry, heard by the pages showing `pageIds`. */
function entryChange(verb: string, entry: CatalogEntry, before: CatalogEntry | null, after: CatalogEntry | null, pageIds: string[]): Change {
  return {
    objectType: "CatalogEntry",
    objectId: entry.id,
    summary: `${verb} catalog entry "${entry.name}"`,
    before,
    after,
    pages: noticesFor(pageIds, "CATALOG"),
  };
}

export async function createCatalogEntry(tx: Tx, input: CatalogEntryInput): Promise<Changed<CatalogEntry>> {
  const type = await tx.catalogType.findUnique({ where: { id: input.typeId }, include: { attributes: true } });
  if (!type) throw ValidationError.of("input.typeId", "not_found", `no catalog type ${input.typeId}`);
  checkRank(type, input.rank);
  await checkEntryName(tx, type, input.name);
  const values = await resolveValues(tx, type.attributes, input.values, "input.values");
  const count = await tx.catalogEntry.count({ where: { typeId: type.id } });
  const rank = Math.min(input.rank ?? count, count);
  await tx.catalogEntry.updateMany({ where: { typeId: type.id, rank: { gte: rank } }, data: { rank: { increment: 1 } } });
  const entry = await tx.catalogEntry.create({ data: { typeId: type.id, name: input.name, rank, values: { createMany: { data: values } } } });
  const pageIds = await syncSubPages(tx, type.id);
  return { value: entry, change: entryChange("Created", entry, null, entry, pageIds) };
}

export type CatalogEntryPatch = { name?: string | null; rank?: number | null; values?: AttributeValueInput[] | null };

export async function updateCatalogEntry(tx: Tx, id: string, patch: CatalogEntryPatch): Promise<Changed<CatalogEntry>> {
  const entry = await tx.catalogEntry.findUnique({ where: { id }, include: { type: { include: { attributes: true } } } });
  if (!entry) throw new NotFoundError("catalog entry", id);
  checkRank(entry.type, patch.rank);
  if (patch.name != null) await checkEntryName(tx, entry.type, patch.name, id);
  const before = await pagesShowingEntries(tx, [id]);
  if (patch.values) {
    const values = await resolveValues(tx, entry.type.attributes, patch.values, "input.values");
    const named = entry.type.attributes.filter((a) => patch.values!.some((v) => v.attribute === a.id || v.attribute === a.name));
    await tx.catalogValue.deleteMany({ where: { entryId: id, attributeId: { in: named.map((a) => a.id) } } });
    await tx.catalogValue.createMany({ data: values.map((v) => ({ ...v, entryId: id })) });
  }
  const value = await tx.catalogEntry.update({ where: { id }, data: { name: patch.name ?? undefined } });
  // Sub-pages follow their entry's name unless an operator renamed them.
  if (patch.name != null) await tx.subPage.updateMany({ where: { entryId: id, name: entry.name }, data: { name: patch.name } });
  if (patch.rank != null) await moveEntry(tx, entry.typeId, id, patch.rank);
  const after = await pagesShowingEntries(tx, [id]);
  const { type: _type, ...was } = entry;
  return { value, change: entryChange("Updated", value, was, value, [...before, ...after]) };
}

async function moveEntry(tx: Tx, typeId: string, id: string, rank: number) {
  const ids = (await tx.catalogEntry.findMany({ where: { typeId }, orderBy: [...RANKED_ORDER], select: { id: true } }))
    .map((e) => e.id)
    .filter((e) => e !== id);
  ids.splice(Math.min(rank, ids.length), 0, id);
  await writeRanks(tx, ids);
}

async function writeRanks(tx: Tx, ids: string[]) {
  for (const [rank, entryId] of ids.entries()) await tx.catalogEntry.update({ where: { id: entryId }, data: { rank } });
}

/** Puts a ranked type's entries in the given order; every entry of the type must be listed once. */
export async function rankCatalogEntries(tx: Tx, typeId: string, entryIds: string[]): Promise<Changed<CatalogEntry[]>> {
  const type = await tx.catalogType.findUnique({ where: { id: typeId }, include: { entries: { select: { id: true } } } });
  if (!type) throw new NotFoundError("catalog type", typeId);
  if (!type.ranked) throw ValidationError.of("typeId", "not_allowed", `entries of "${type.name}" are not ranked`);
  const all = new Set(type.entries.map((e) => e.id));
  if (entryIds.length !== all.size || new Set(entryIds).size !== entryIds.length || entryIds.some((e) => !all.has(e))) {
    throw ValidationError.of("entryIds", "permutation", `must list each of the type's ${all.size} entries exactly once`);
  }
  await writeRanks(tx, entryIds);
  const value = await tx.catalogEntry.findMany({ where: { typeId }, orderBy: [...RANKED_ORDER] });
  const pages = noticesFor(await pagesShowingEntries(tx, entryIds), "CATALOG");
  const summary = `Ranked the entries of catalog type "${type.name}"`;
  const change: Change = {
    objectType: "CatalogEntry",
    objectId: null,
    summary,
    before: { order: type.entries.map((e) => e.id) },
    after: { order: entryIds },
    pages,
  };
  return { value, change };
}

/**
 * Deletes the entry with its values and sub-pages; refused while another entry, a page,
 * an incident or maintenance uses it. `load` reads the row to return before it is gone.
 */
export async function deleteCatalogEntry<T>(tx: Tx, id: string, load: (tx: Tx) => Promise<T>): Promise<Changed<T>> {
  const entry = await tx.catalogEntry.findUnique({ where: { id } });
  if (!entry) throw new NotFoundError("catalog entry", id);
  const usedBy = await usesOfEntries(tx, [id], { entryId: id });
  if (usedBy.length > 0) throw new InUseError(`Entry "${entry.name}"`, usedBy);
  const value = await load(tx);
  const pageIds = await pagesShowingEntries(tx, [id]);
  await tx.catalogValue.deleteMany({ where: { entryId: id } });
  await tx.catalogEntry.delete({ where: { id } });
  await tx.catalogEntry.updateMany({ where: { typeId: entry.typeId, rank: { gt: entry.rank } }, data: { rank: { decrement: 1 } } });
  return { value, change: entryChange("Deleted", entry, entry, null, pageIds) };
}
