// Attribute values of catalog entries: resolving user input (names or ids) to
// stored rows, with the type rules of each attribute.
import type { Prisma } from "../generated/sqlite/client.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { normalizeDomain } from "../domain/email.js";
import { LIMITS } from "../domain/limits.js";

type Tx = Prisma.TransactionClient;

export interface AttributeValueInput {
  /** The attribute's name or id. */
  attribute: string;
  /** Text, email domains, or referenced entries (ids, or names when the referenced type is referenced by name). */
  values: string[];
}

export interface AttributeDef {
  id: string;
  name: string;
  kind: "TEXT" | "EMAIL_DOMAIN" | "REFERENCE";
  multiple: boolean;
  referencedTypeId: string | null;
}

export type ValueRow = Omit<Prisma.CatalogValueCreateManyInput, "entryId">;

/** Checks values against their attributes and returns the rows to store; throws ValidationError naming each field. */
export async function resolveValues(tx: Tx, attributes: AttributeDef[], inputs: AttributeValueInput[], field: string): Promise<ValueRow[]> {
  const issues: ValidationIssue[] = [];
  const rows: ValueRow[] = [];
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    const at = `${field}.${i}`;
    const attr = attributes.find((a) => a.id === input.attribute || a.name === input.attribute);
    if (!attr) {
      issues.push({ field: `${at}.attribute`, rule: "not_found", message: `the type has no attribute "${input.attribute}"` });
      continue;
    }
    if (seen.has(attr.id)) {
      issues.push({ field: `${at}.attribute`, rule: "duplicate", message: `"${attr.name}" is given twice` });
      continue;
    }
    seen.add(attr.id);
    if (!attr.multiple && input.values.length > 1) {
      issues.push({ field: `${at}.values`, rule: "single", message: `"${attr.name}" holds a single value` });
      continue;
    }
    if (attr.kind === "REFERENCE") {
      const refs = await resolveReferences(tx, attr, input.values, `${at}.values`, issues);
      for (const [position, id] of refs.entries()) rows.push({ attributeId: attr.id, position, referencedEntryId: id });
      continue;
    }
    const texts: string[] = [];
    input.values.forEach((raw, position) => {
      // Domains are stored normalized (ASCII, lower case, no trailing dot): viewers' sign-in compares them in SQL.
      const domain = attr.kind === "EMAIL_DOMAIN" ? normalizeDomain(raw) : null;
      const text = domain ?? raw.trim();
      const field = `${at}.values.${position}`;
      if (attr.kind === "EMAIL_DOMAIN" && domain === null) {
        issues.push({ field, rule: "domain", message: `"${raw}" is not a domain such as example.com` });
      } else if (text.length === 0 || text.length > LIMITS.name * 4) {
        issues.push({ field, rule: "length", message: `must be 1 to ${LIMITS.name * 4} characters` });
      } else if (attr.kind === "EMAIL_DOMAIN" && texts.includes(text)) {
        issues.push({ field, rule: "duplicate", message: `"${text}" is given twice` });
      } else rows.push({ attributeId: attr.id, position, text });
      texts.push(text);
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}

async function resolveReferences(tx: Tx, attr: AttributeDef, values: string[], field: string, issues: ValidationIssue[]): Promise<string[]> {
  const found = await tx.catalogEntry.findMany({
    where: { OR: [{ id: { in: values } }, { name: { in: values } }] },
    select: { id: true, name: true, typeId: true, type: { select: { name: true, referenceByName: true } } },
  });
  const ids: string[] = [];
  values.forEach((value, position) => {
    const byId = found.find((e) => e.id === value);
    const named = found.filter((e) => e.name === value && e.type.referenceByName);
    const byName = named.filter((e) => e.typeId === attr.referencedTypeId);
    // A name only another type's entries have is a reference to the wrong type.
    const entry = byId ?? (byName.length === 1 ? byName[0] : byName.length === 0 ? named[0] : undefined);
    if (!entry) {
      issues.push({ field: `${field}.${position}`, rule: "not_found", message: `no catalog entry "${value}"` });
    } else if (entry.typeId !== attr.referencedTypeId) {
      issues.push({
        field: `${field}.${position}`,
        rule: "wrong_type",
        message: `"${entry.name}" is a ${entry.type.name} entry; "${attr.name}" references another type`,
      });
    } else if (ids.includes(entry.id)) {
      issues.push({ field: `${field}.${position}`, rule: "duplicate", message: `"${entry.name}" is given twice` });
    } else ids.push(entry.id);
  });
  return ids;
}
