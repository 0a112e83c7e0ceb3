// Catalog types and entries: the operator's model of what can break and who sees it.
import type { CatalogEntry, CatalogType, Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { InUseError, NotFoundError, ValidationError, type ValidationIssue } from "../errors.js";
import { resolveValues, type AttributeValueInput } from "./catalog-values.js";
import { pagesShowingEntries, syncSubPages } from "./sub-pages.js";

type Tx = Prisma.TransactionClient;

export interface AttributeInput {
  /** Present when updating an existing attribute. */
  id?: string | null;
  name: string;
  kind: "TEXT" | "EMAIL_DOMAIN" | "REFERENCE";
  multiple: boolean;
  /** Id or name of the type a REFERENCE attribute points at. */
  referencedType?: string | null;
}

export interface CatalogTypeInput {
  name: string;
  description: string;
  categories: string[];
  ranked: boolean;
  referenceByName: boolean;
  attributes: AttributeInput[];
}

/** What a change touched: the pages to announce once it has committed. */
export interface Touched<T> {
  value: T;
  pageIds: string[];
}

async function findType(tx: Tx, id: string) {
  const type = await tx.catalogType.findUnique({ where: { id }, include: { attributes: { orderBy: { position: "asc" } } } });
  if (!type) throw new NotFoundError("catalog type", id);
  return type;
}

async function checkTypeName(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.catalogType.findUnique({ where: { name } });
  if (other && other.id !== exceptId) throw ValidationError.of("input.name", "unique", `a catalog type named "${name}" exists`);
}

async function resolveAttributes(tx: Tx, attributes: AttributeInput[], selfName: string) {
  const issues: ValidationIssue[] = [];
  const names = new Set<string>();
  const rows = [];
  for (const [i, a] of attributes.entries()) {
    if (names.has(a.name)) issues.push({ field: `input.attributes.${i}.name`, rule: "unique", message: `"${a.name}" is given twice` });
    names.add(a.name);
    let referencedTypeId: string | null = null;
    if (a.kind === "REFERENCE") {
      const ref = a.referencedType
        ? await tx.catalogType.findFirst({ where: { OR: [{ id: a.referencedType }, { name: a.referencedType }] } })
        : null;
      if (ref) referencedTypeId = ref.id;
      else if (a.referencedType && a.referencedType === selfName) referencedTypeId = "self";
      else issues.push({ field: `input.attributes.${i}.referencedType`, rule: "not_found", message: `no catalog type "${a.referencedType ?? ""}"` });
    } else if (a.referencedType) {
      issues.push({ field: `input.attributes.${i}.referencedType`, rule: "not_allowed", message: "only REFERENCE attributes reference a type" });
    }
    rows.push({ id: a.id ?? undefined, name: a.name, kind: a.kind, multiple: a.multiple, referencedTypeId, position: i });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}

export async function createCatalogType(db: Db, input: CatalogTypeInput): Promise<CatalogType> {
  return db.$transaction(async (tx) => {
    await checkTypeName(tx, input.name);
    const attributes = await resolveAttributes(tx, input.attributes, input.name);
    const type = await tx.catalogType.create({
      data: {
        name: input.name,
        description: input.description,
        categories: JSON.stringify(input.categories),
        ranked: input.ranked,
        referenceByName: input.referenceByName,
      },
    });
    for (const { id: _id, ...a } of attributes) {
      await tx.catalogAttribute.create({
        data: { ...a, typeId: type.id, referencedTypeId: a.referencedTypeId === "self" ? type.id : a.referencedTypeId },
      });
    }
    return type;
  });
}

export type CatalogTypePatch = { [K in keyof CatalogTypeInput]?: CatalogTypeInput[K] | null };

export async function updateCatalogType(db: Db, id: string, patch: CatalogTypePatch): Promise<Touched<CatalogType>> {
  return db.$transaction(async (tx) => {
    const current = await findType(tx, id);
    if (patch.name != null) await checkTypeName(tx, patch.name, id);
    if (patch.referenceByName && !current.referenceByName) await checkNamesUnique(tx, id);
    if (patch.attributes) await replaceAttributes(tx, current, patch.attributes);
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
    return { value, pageIds: await pagesShowingEntries(tx, entries.map((e) => e.id)) };
  });
}

async function checkNamesUnique(tx: Tx, typeId: string) {
  const dupes = await tx.catalogEntry.groupBy({ by: ["name"], where: { typeId }, _count: { _all: true } });
  const clash = dupes.find((d) => d._count._all > 1);
  if (clash) throw ValidationError.of("input.referenceByName", "unique", `entries share the name "${clash.name}"; names must be unique to reference by name`);
}

async function replaceAttributes(tx: Tx, current: Awaited<ReturnType<typeof findType>>, next: AttributeInput[]) {
  const rows = await resolveAttributes(tx, next, current.name);
  const keep = new Set(rows.map((r) => r.id).filter(Boolean));
  for (const [i, r] of rows.entries()) {
    const old = current.attributes.find((a) => a.id === r.id);
    if (r.id && !old) throw ValidationError.of(`input.attributes.${i}.id`, "not_found", `the type has no attribute ${r.id}`);
    if (old && (old.kind !== r.kind || old.referencedTypeId !== r.referencedTypeId)) {
      const used = await tx.catalogValue.count({ where: { attributeId: old.id } });
      if (used > 0) throw ValidationError.of(`input.attributes.${i}.kind`, "in_use", `"${old.name}" has values; its kind cannot change`);
    }
  }
  for (const old of current.attributes.filter((a) => !keep.has(a.id))) {
    const pages = await tx.statusPage.findMany({
      where: { OR: [{ componentsAttributeId: old.id }, { domainsAttributeId: old.id }] },
      select: { title: true },
    });
    if (pages.length > 0) throw new InUseError(`Attribute "${old.name}"`, pages.map((p) => `status page "${p.title}"`));
    await tx.catalogAttribute.delete({ where: { id: old.id } });
  }
  for (const { id: attrId, ...r } of rows) {
    const data = { ...r, referencedTypeId: r.referencedTypeId === "self" ? current.id : r.referencedTypeId };
    if (attrId) await tx.catalogAttribute.update({ where: { id: attrId }, data });
    else await tx.catalogAttribute.create({ data: { ...data, typeId: current.id } });
  }
}

/** Says what still uses a type's entries or the type itself; deleting is refused while anything does. */
export async function deleteCatalogType(db: Db, id: string): Promise<CatalogType> {
  return db.$transaction(async (tx) => {
    const type = await findType(tx, id);
    const entries = await tx.catalogEntry.findMany({ where: { typeId: id }, select: { id: true } });
    const usedBy = [
      ...(await tx.catalogAttribute.findMany({ where: { referencedTypeId: id, typeId: { not: id } }, include: { type: true } })).map(
        (a) => `attribute "${a.name}" of type "${a.type.name}"`,
      ),
      ...(await tx.statusPage.findMany({ where: { customerTypeId: id } })).map((p) => `status page "${p.title}"`),
      ...(await usesOfEntries(tx, entries.map((e) => e.id), id)),
    ];
    if (usedBy.length > 0) throw new InUseError(`Catalog type "${type.name}"`, [...new Set(usedBy)]);
    await tx.catalogValue.deleteMany({ where: { entry: { typeId: id } } });
    await tx.catalogType.delete({ where: { id } });
    return type;
  });
}

/** Human descriptions of everything outside `exceptTypeId` that points at these entries. */
async function usesOfEntries(tx: Tx, entryIds: string[], exceptTypeId?: string): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const [values, pageComponents, impacts, maintenance] = await Promise.all([
    tx.catalogValue.findMany({
      where: { referencedEntryId: { in: entryIds }, ...(exceptTypeId ? { entry: { typeId: { not: exceptTypeId } } } : {}) },
      include: { entry: true, attribute: true },
    }),
    tx.pageComponent.findMany({ where: { componentId: { in: entryIds } }, include: { page: true } }),
    tx.incidentImpact.findMany({ where: { componentId: { in: entryIds } }, include: { update: { include: { incident: true } } } }),
    tx.maintenanceComponent.findMany({ where: { componentId: { in: entryIds } }, include: { maintenance: true } }),
  ]);
  return [
    ...new Set([
      ...values.map((v) => `entry "${v.entry.name}" (attribute "${v.attribute.name}")`),
      ...pageComponents.map((c) => `status page "${c.page.title}"`),
      ...impacts.map((i) => `incident "${i.update.incident.name}"`),
      ...maintenance.map((m) => `maintenance "${m.maintenance.name}"`),
    ]),
  ];
}

export interface CatalogEntryInput {
  typeId: string;
  name: string;
  rank?: number | null;
  values: AttributeValueInput[];
}

async function checkEntryName(tx: Tx, type: { id: string; referenceByName: boolean }, name: string, exceptId?: string) {
  if (!type.referenceByName) return;
  const other = await tx.catalogEntry.findFirst({ where: { typeId: type.id, name, id: exceptId ? { not: exceptId } : undefined } });
  if (other) throw ValidationError.of("input.name", "unique", `an entry named "${name}" exists; this type references entries by name`);
}

export async function createCatalogEntry(db: Db, input: CatalogEntryInput): Promise<Touched<CatalogEntry>> {
  return db.$transaction(async (tx) => {
    const type = await tx.catalogType.findUnique({ where: { id: input.typeId }, include: { attributes: true } });
    if (!type) throw ValidationError.of("input.typeId", "not_found", `no catalog type ${input.typeId}`);
    await checkEntryName(tx, type, input.name);
    const values = await resolveValues(tx, type.attributes, input.values, "input.values");
    const last = await tx.catalogEntry.aggregate({ where: { typeId: type.id }, _max: { rank: true } });
    const rank = input.rank ?? (last._max.rank ?? -1) + 1;
    if (input.rank != null) await tx.catalogEntry.updateMany({ where: { typeId: type.id, rank: { gte: rank } }, data: { rank: { increment: 1 } } });
    const entry = await tx.catalogEntry.create({ data: { typeId: type.id, name: input.name, rank, values: { createMany: { data: values } } } });
    const pageIds = await syncSubPages(tx, type.id);
    return { value: entry, pageIds };
  });
}

export type CatalogEntryPatch = { name?: string | null; rank?: number | null; values?: AttributeValueInput[] | null };

export async function updateCatalogEntry(db: Db, id: string, patch: CatalogEntryPatch): Promise<Touched<CatalogEntry>> {
  return db.$transaction(async (tx) => {
    const entry = await tx.catalogEntry.findUnique({ where: { id }, include: { type: { include: { attributes: true } } } });
    if (!entry) throw new NotFoundError("catalog entry", id);
    if (patch.name != null) await checkEntryName(tx, entry.type, patch.name, id);
    const before = await pagesShowingEntries(tx, [id]);
    if (patch.values) {
      const values = await resolveValues(tx, entry.type.attributes, patch.values, "input.values");
      const given = new Set(values.map((v) => v.attributeId));
      const named = entry.type.attributes.filter((a) => patch.values!.some((v) => v.attribute === a.id || v.attribute === a.name));
      await tx.catalogValue.deleteMany({ where: { entryId: id, attributeId: { in: named.map((a) => a.id).concat([...given]) } } });
      await tx.catalogValue.createMany({ data: values.map((v) => ({ ...v, entryId: id })) });
    }
    const value = await tx.catalogEntry.update({ where: { id }, data: { name: patch.name ?? undefined } });
    // Sub-pages follow their entry's name unless an operator renamed them.
    if (patch.name != null) await tx.subPage.updateMany({ where: { entryId: id, name: entry.name }, data: { name: patch.name } });
    if (patch.rank != null) await moveEntry(tx, entry.typeId, id, patch.rank);
    const synced = await syncSubPages(tx, entry.typeId);
    const after = await pagesShowingEntries(tx, [id]);
    return { value, pageIds: [...new Set([...before, ...after, ...synced])] };
  });
}

async function moveEntry(tx: Tx, typeId: string, id: string, rank: number) {
  const ids = (await tx.catalogEntry.findMany({ where: { typeId }, orderBy: [{ rank: "asc" }, { name: "asc" }], select: { id: true } }))
    .map((e) => e.id)
    .filter((e) => e !== id);
  ids.splice(Math.max(0, Math.min(rank, ids.length)), 0, id);
  await writeRanks(tx, ids);
}

async function writeRanks(tx: Tx, ids: string[]) {
  for (const [rank, entryId] of ids.entries()) await tx.catalogEntry.update({ where: { id: entryId }, data: { rank } });
}

/** Puts a type's entries in the given order; every entry of the type must be listed once. */
export async function rankCatalogEntries(db: Db, typeId: string, entryIds: string[]): Promise<Touched<CatalogEntry[]>> {
  return db.$transaction(async (tx) => {
    const type = await tx.catalogType.findUnique({ where: { id: typeId }, include: { entries: { select: { id: true } } } });
    if (!type) throw new NotFoundError("catalog type", typeId);
    const all = new Set(type.entries.map((e) => e.id));
    if (entryIds.length !== all.size || new Set(entryIds).size !== entryIds.length || entryIds.some((e) => !all.has(e))) {
      throw ValidationError.of("entryIds", "permutation", `must list each of the type's ${all.size} entries exactly once`);
    }
    await writeRanks(tx, entryIds);
    const value = await tx.catalogEntry.findMany({ where: { typeId }, orderBy: { rank: "asc" } });
    return { value, pageIds: await pagesShowingEntries(tx, entryIds) };
  });
}

export async function deleteCatalogEntry(db: Db, id: string): Promise<Touched<CatalogEntry>> {
  return db.$transaction(async (tx) => {
    const entry = await tx.catalogEntry.findUnique({ where: { id } });
    if (!entry) throw new NotFoundError("catalog entry", id);
    const usedBy = await usesOfEntries(tx, [id]);
    if (usedBy.length > 0) throw new InUseError(`Entry "${entry.name}"`, usedBy);
    const pageIds = await pagesShowingEntries(tx, [id]);
    await tx.catalogEntry.delete({ where: { id } });
    await syncSubPages(tx, entry.typeId);
    return { value: entry, pageIds };
  });
}
