// What still uses catalog types, attributes and entries. Deletes are refused
// (InUseError) while anything does, saying what in words an operator recognizes.
import type { Prisma } from "../generated/sqlite/client.js";

type Tx = Prisma.TransactionClient;

const page = (p: { title: string }) => `status page "${p.title}"`;

/** Everything outside the given type (or entry) that points at these entries: other entries' values, pages, incidents, maintenance. */
export async function usesOfEntries(tx: Tx, entryIds: string[], except: { typeId?: string; entryId?: string } = {}): Promise<string[]> {
  if (entryIds.length === 0) return [];
  const outside: Prisma.CatalogValueWhereInput = except.typeId
    ? { entry: { typeId: { not: except.typeId } } }
    : except.entryId
      ? { entryId: { not: except.entryId } }
      : {};
  const [values, pageComponents, impacts, maintenance] = await Promise.all([
    tx.catalogValue.findMany({
      where: { referencedEntryId: { in: entryIds }, ...outside },
      select: { entry: { select: { name: true } }, attribute: { select: { name: true } } },
    }),
    tx.pageComponent.findMany({ where: { componentId: { in: entryIds } }, select: { page: { select: { title: true } } } }),
    tx.incidentImpact.findMany({ where: { componentId: { in: entryIds } }, select: { update: { select: { incident: { select: { name: true } } } } } }),
    tx.maintenanceComponent.findMany({ where: { componentId: { in: entryIds } }, select: { maintenance: { select: { name: true } } } }),
  ]);
  return [
    ...new Set([
      ...values.map((v) => `entry "${v.entry.name}" (attribute "${v.attribute.name}")`),
      ...pageComponents.map((c) => page(c.page)),
      ...impacts.map((i) => `incident "${i.update.incident.name}"`),
      ...maintenance.map((m) => `maintenance "${m.maintenance.name}"`),
    ]),
  ];
}

/** Other types' attributes referencing the type, customer pages built on it, and uses of its entries. */
export async function usesOfType(tx: Tx, typeId: string): Promise<string[]> {
  const [attributes, pages, entries] = await Promise.all([
    tx.catalogAttribute.findMany({ where: { referencedTypeId: typeId, typeId: { not: typeId } }, select: { name: true, type: { select: { name: true } } } }),
    tx.statusPage.findMany({ where: { customerTypeId: typeId }, select: { title: true } }),
    tx.catalogEntry.findMany({ where: { typeId }, select: { id: true } }),
  ]);
  return [
    ...new Set([
      ...attributes.map((a) => `attribute "${a.name}" of type "${a.type.name}"`),
      ...pages.map(page),
      ...(await usesOfEntries(
        tx,
        entries.map((e) => e.id),
        { typeId },
      )),
    ]),
  ];
}

/** Status pages that read their components or allowed email domains from the attribute. */
export async function usesOfAttribute(tx: Tx, attributeId: string): Promise<string[]> {
  const pages = await tx.statusPage.findMany({
    where: { OR: [{ componentsAttributeId: attributeId }, { domainsAttributeId: attributeId }] },
    select: { title: true },
  });
  return pages.map(page);
}
