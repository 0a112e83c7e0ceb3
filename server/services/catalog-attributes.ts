// The attributes of a catalog type: checking a new list, and replacing a type's
// list with one (kept by id, added, deleted) without breaking stored values.
import type { Prisma } from "../generated/sqlite/client.js";
import { InUseError, ValidationError, type ValidationIssue } from "../errors.js";
import { usesOfAttribute } from "./catalog-uses.js";

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

export interface AttributeRow {
  id: string | null;
  name: string;
  kind: AttributeInput["kind"];
  multiple: boolean;
  /** Null for a reference to the type being written when it does not exist yet (see `selfId`). */
  referencedTypeId: string | null;
  position: number;
}

/** The type being created or updated: a REFERENCE attribute may point at it by its (new) name. */
export interface SelfType {
  id: string | null;
  name: string;
}

/** Checks a list of attributes and resolves referenced types; throws ValidationError naming each field. */
export async function resolveAttributes(tx: Tx, attributes: AttributeInput[], self: SelfType): Promise<AttributeRow[]> {
  const issues: ValidationIssue[] = [];
  const rows: AttributeRow[] = [];
  for (const [i, a] of attributes.entries()) {
    const at = `input.attributes.${i}`;
    if (attributes.slice(0, i).some((b) => b.name === a.name)) issues.push({ field: `${at}.name`, rule: "unique", message: `"${a.name}" is given twice` });
    if (a.id && attributes.slice(0, i).some((b) => b.id === a.id))
      issues.push({ field: `${at}.id`, rule: "duplicate", message: `attribute ${a.id} is given twice` });
    let referencedTypeId: string | null = null;
    if (a.kind === "REFERENCE" && !a.referencedType) {
      issues.push({ field: `${at}.referencedType`, rule: "required", message: "a REFERENCE attribute names the type it references" });
    } else if (a.kind === "REFERENCE") {
      const ref = await tx.catalogType.findFirst({ where: { OR: [{ id: a.referencedType! }, { name: a.referencedType! }] }, select: { id: true } });
      if (ref) referencedTypeId = ref.id;
      else if (a.referencedType === self.name) referencedTypeId = self.id;
      else issues.push({ field: `${at}.referencedType`, rule: "not_found", message: `no catalog type "${a.referencedType}"` });
    } else if (a.referencedType) {
      issues.push({ field: `${at}.referencedType`, rule: "not_allowed", message: "only REFERENCE attributes reference a type" });
    }
    rows.push({ id: a.id ?? null, name: a.name, kind: a.kind, multiple: a.multiple, referencedTypeId, position: i });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}

type CurrentType = { id: string; attributes: { id: string; name: string; kind: string; multiple: boolean; referencedTypeId: string | null }[] };

/** Why a kept attribute may not change as asked: values or pages that depend on what it is. */
async function checkChange(tx: Tx, old: CurrentType["attributes"][number], next: AttributeRow, at: string, issues: ValidationIssue[]) {
  if (old.kind !== next.kind || old.referencedTypeId !== next.referencedTypeId) {
    const [values, pages] = await Promise.all([tx.catalogValue.count({ where: { attributeId: old.id } }), usesOfAttribute(tx, old.id)]);
    if (values > 0 || pages.length > 0) {
      const by = values > 0 ? "has values" : `is used by ${pages.join(", ")}`;
      issues.push({ field: `${at}.kind`, rule: "in_use", message: `"${old.name}" ${by}; its kind and referenced type cannot change` });
    }
  }
  if (old.multiple && !next.multiple) {
    const several = await tx.catalogValue.groupBy({
      by: ["entryId"],
      where: { attributeId: old.id },
      _count: { _all: true },
      having: { entryId: { _count: { gt: 1 } } },
    });
    if (several.length > 0) issues.push({ field: `${at}.multiple`, rule: "in_use", message: `entries hold several values of "${old.name}"` });
  }
}

/**
 * Makes `next` the type's attribute list: attributes given by id are kept (and may be
 * renamed), those without an id are added, the rest are deleted with their values.
 */
export async function replaceAttributes(tx: Tx, current: CurrentType, next: AttributeInput[], name: string): Promise<void> {
  const rows = await resolveAttributes(tx, next, { id: current.id, name });
  const issues: ValidationIssue[] = [];
  for (const [i, row] of rows.entries()) {
    if (!row.id) continue;
    const old = current.attributes.find((a) => a.id === row.id);
    if (!old) issues.push({ field: `input.attributes.${i}.id`, rule: "not_found", message: `the type has no attribute ${row.id}` });
    else await checkChange(tx, old, row, `input.attributes.${i}`, issues);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const kept = new Set(rows.map((r) => r.id));
  for (const old of current.attributes.filter((a) => !kept.has(a.id))) {
    const pages = await usesOfAttribute(tx, old.id);
    if (pages.length > 0) throw new InUseError(`Attribute "${old.name}"`, pages);
    await tx.catalogAttribute.delete({ where: { id: old.id } });
  }
  // Names are unique within a type: park renamed attributes first, so names can swap.
  const renamed = rows.filter((r) => r.id && current.attributes.find((a) => a.id === r.id)!.name !== r.name);
  for (const r of renamed) await tx.catalogAttribute.update({ where: { id: r.id! }, data: { name: `(renaming ${r.id})` } });
  for (const { id, ...data } of rows) {
    if (id) await tx.catalogAttribute.update({ where: { id }, data });
    else await tx.catalogAttribute.create({ data: { ...data, typeId: current.id } });
  }
}
