// Catalog types: the operator's model of what can break and who sees it. Every
// change runs in one transaction, so a refusal midway writes nothing.
import type { CatalogType, Prisma } from "../generated/sqlite/client.js";
import { InUseError, NotFoundError, ValidationError } from "../errors.js";
import { replaceAttributes, resolveAttributes, type AttributeInput } from "./catalog-attributes.js";
import { noticesFor, type Change, type Changed } from "./change.js";
import { usesOfType } from "./catalog-uses.js";
import { pagesShowingEntries } from "./sub-pages.js";

export type { AttributeInput } from "./catalog-attributes.js";
export * from "./catalog-entries.js";

type Tx = Prisma.TransactionClient;

export interface CatalogTypeInput {
  name: string;
  description: string;
  categories: string[];
  ranked: boolean;
  referenceByName: boolean;
  attributes: AttributeInput[];
}

async function findType(tx: Tx, id: string) {
  const type = await tx.catalogType.findUnique({ where: { id }, include: { attributes: { orderBy: { position: "asc" } } } });
  if (!type) throw new NotFoundError("catalog type", id);
  return type;
}

async function checkTypeName(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.catalogType.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) throw ValidationError.of("input.name", "unique", `a catalog type named "${name}" exists`);
}

/** A concurrent write can take the name between the check and the write; report it like the check would. */
async function nameRace<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002") throw ValidationError.of("input.name", "unique", "the name was taken meanwhile");
    throw e;
  }
}

/** The change to a catalog type, heard by the pages showing `pageIds`. */
function typeChange(verb: string, type: CatalogType, before: CatalogType | null, after: CatalogType | null, pageIds: string[]): Change {
  return { objectType: "CatalogType", objectId: type.id, summary: `${verb} catalog type "${type.name}"`, before, after, pages: noticesFor(pageIds, "CATALOG") };
}

export async function createCatalogType(tx: Tx, input: CatalogTypeInput): Promise<Changed<CatalogType>> {
  return nameRace(
    (async () => {
      await checkTypeName(tx, input.name);
      const attributes = await resolveAttributes(tx, input.attributes, { id: null, name: input.name });
      const { name, description, ranked, referenceByName } = input;
      const type = await tx.catalogType.create({ data: { name, description, ranked, referenceByName, categories: JSON.stringify(input.categories) } });
      for (const { id: _id, ...a } of attributes) {
        // A REFERENCE without a resolved type references the type being created.
        await tx.catalogAttribute.create({
          data: { ...a, typeId: type.id, referencedTypeId: a.kind === "REFERENCE" ? (a.referencedTypeId ?? type.id) : null },
        });
      }
      return { value: type, change: typeChange("Created", type, null, type, []) };
    })(),
  );
}

export type CatalogTypePatch = { [K in keyof CatalogTypeInput]?: CatalogTypeInput[K] | null };

export async function updateCatalogType(tx: Tx, id: string, patch: CatalogTypePatch): Promise<Changed<CatalogType>> {
  return nameRace(
    (async () => {
      const current = await findType(tx, id);
      if (patch.name != null) await checkTypeName(tx, patch.name, id);
      if (patch.referenceByName && !current.referenceByName) await checkNamesUnique(tx, id);
      if (patch.attributes) await replaceAttributes(tx, current, patch.attributes, patch.name ?? current.name);
      const value = await tx.catalogType.update({
        where: { id },
        data: {
          name: patch.name ?? undefined,
          description: patch.description ?? undefined,
          categories: patch.categories ? JSON.stringify(patch.categories) : undefined,
          ranked: patch.ranked ?? undefined,
          referenceByName: patch.referenceByName ?? undefined,
        },
      });
      const entries = await tx.catalogEntry.findMany({ where: { typeId: id }, select: { id: true } });
      const pageIds = await pagesShowingEntries(
        tx,
        entries.map((e) => e.id),
      );
      const { attributes: _attributes, ...before } = current;
      return { value, change: typeChange("Updated", value, before, value, pageIds) };
    })(),
  );
}

async function checkNamesUnique(tx: Tx, typeId: string) {
  const clash = await tx.catalogEntry.groupBy({
    by: ["name"],
    where: { typeId },
    _count: { _all: true },
    having: { name: { _count: { gt: 1 } } },
    take: 1,
    orderBy: { name: "asc" },
  });
  if (clash[0])
    throw ValidationError.of("input.referenceByName", "unique", `entries share the name "${clash[0].name}"; names must be unique to reference by name`);
}

/**
 * Deletes the type with its attributes and entries; refused while other types, pages,
 * incidents or maintenance use it or its entries. `load` reads the row to return,
 * inside the transaction and before it is gone (the API passes its selection).
 */
export async function deleteCatalogType<T>(tx: Tx, id: string, load: (tx: Tx) => Promise<T>): Promise<Changed<T>> {
  const { attributes: _attributes, ...type } = await findType(tx, id);
  const usedBy = await usesOfType(tx, id);
  if (usedBy.length > 0) throw new InUseError(`Catalog type "${type.name}"`, usedBy);
  const value = await load(tx);
  // Values between the type's own entries, and attributes referencing the type itself, would block the cascade.
  await tx.catalogValue.deleteMany({ where: { entry: { typeId: id } } });
  await tx.catalogAttribute.deleteMany({ where: { typeId: id } });
  await tx.catalogType.delete({ where: { id } });
  return { value, change: typeChange("Deleted", type, type, null, []) };
}
