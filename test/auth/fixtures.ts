// Catalog and customer-page rows written straight through Prisma, so the auth
// tests do not depend on the GraphQL schema being built around them.
import type { Db } from "../../server/db/client.js";

/** A controllable clock that moves only when told. */
export function clock(start = "2026-03-10T12:00:00Z") {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => void (current += ms),
  };
}

export interface GroupSpec {
  name: string;
  domains: string[];
  components: string[];
}

export interface CustomerPageFixture {
  pageId: string;
  slug: string;
  title: string;
  domainsAttributeId: string;
  /** Sub-page id by group name. */
  subPages: Record<string, string>;
  /** Group (catalog entry) id by group name. */
  groups: Record<string, string>;
}

let counter = 0;

/**
 * The runbook's set-up: a Components type, a Groups type listing Components and
 * Email domains, and a customer page with one sub-page per group.
 */
export async function createCustomerPage(db: Db, groups: GroupSpec[], title = "Customer support ops"): Promise<CustomerPageFixture> {
  const n = ++counter;
  const componentsType = await db.catalogType.create({ data: { name: `Components ${n}`, ranked: true, referenceByName: true } });
  const componentNames = [...new Set(groups.flatMap((g) => g.components))];
  const componentIds = new Map<string, string>();
  for (const [rank, name] of componentNames.entries()) {
    const entry = await db.catalogEntry.create({ data: { typeId: componentsType.id, name, rank } });
    componentIds.set(name, entry.id);
  }
  const groupsType = await db.catalogType.create({ data: { name: `Groups ${n}`, ranked: true } });
  const componentsAttr = await db.catalogAttribute.create({
    data: { typeId: groupsType.id, name: "Components", kind: "REFERENCE", multiple: true, referencedTypeId: componentsType.id, position: 0 },
  });
  const domainsAttr = await db.catalogAttribute.create({
    data: { typeId: groupsType.id, name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true, position: 1 },
  });
  const slug = `cust-support-ops-${n}`;
  const page = await db.statusPage.create({
    data: {
      slug,
      title,
      kind: "CUSTOMER",
      customerTypeId: groupsType.id,
      componentsAttributeId: componentsAttr.id,
      domainsAttributeId: domainsAttr.id,
    },
  });
  const fixture: CustomerPageFixture = { pageId: page.id, slug, title, domainsAttributeId: domainsAttr.id, subPages: {}, groups: {} };
  for (const [rank, group] of groups.entries()) {
    const entry = await db.catalogEntry.create({
      data: {
        typeId: groupsType.id,
        name: group.name,
        rank,
        values: {
          create: [
            ...group.components.map((c, position) => ({ attributeId: componentsAttr.id, position, referencedEntryId: componentIds.get(c)! })),
            ...group.domains.map((text, position) => ({ attributeId: domainsAttr.id, position, text })),
          ],
        },
      },
    });
    const subPage = await db.subPage.create({
      data: { pageId: page.id, entryId: entry.id, name: group.name, slug: group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-") },
    });
    fixture.subPages[group.name] = subPage.id;
    fixture.groups[group.name] = entry.id;
  }
  return fixture;
}

/** A public page, for checking that sign-in is refused there. */
export async function createPublicPage(db: Db, slug: string): Promise<string> {
  const page = await db.statusPage.create({ data: { slug, title: "Public", kind: "PUBLIC" } });
  return page.id;
}
