// The layout of a public page: its components in order, some under group headings.
// Component positions are page-wide (the flattened display order), so anything that
// lists a page's components by `position` sees them as the page shows them.
import type { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { InUseError, type ValidationIssue } from "../errors.js";

type Reader = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

export interface GroupInput {
  name: string;
  components: string[];
}

/** What an operator gives: ungrouped components (shown first), then groups in order. */
export interface LayoutInput {
  components?: string[] | null;
  groups?: GroupInput[] | null;
}

/** Sections to write, in order; a null name is a run of components without a heading. */
export type LayoutPlan = { name: string | null; components: string[] }[];

export interface LayoutComponent {
  id: string;
  name: string;
  group: string | null;
}

export interface LayoutSection {
  /** Null for components shown without a heading. */
  name: string | null;
  components: { id: string; name: string }[];
}

export interface PageLayout {
  components: LayoutComponent[];
  sections: LayoutSection[];
}

const EMPTY: PageLayout = { components: [], sections: [] };

/** Layouts of many public pages in a fixed number of statements; customer pages get an empty one. */
export async function loadPageLayouts(db: Reader, pageIds: readonly string[]): Promise<PageLayout[]> {
  const rows = await db.pageComponent.findMany({
    where: { pageId: { in: [...pageIds] } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { pageId: true, componentId: true, groupId: true, component: { select: { name: true } }, group: { select: { name: true } } },
  });
  return pageIds.map((pageId) => {
    const own = rows.filter((r) => r.pageId === pageId);
    if (own.length === 0) return EMPTY;
    return toLayout(own.map((r) => ({ id: r.componentId, name: r.component.name, groupId: r.groupId, group: r.group?.name ?? null })));
  });
}

/** Rows in display order: components gather under their group's heading at its first appearance; runs of ungrouped components form headless sections. */
export function toLayout(rows: { id: string; name: string; groupId: string | null; group: string | null }[]): PageLayout {
  const sections: LayoutSection[] = [];
  const byGroup = new Map<string, LayoutSection>();
  let last: LayoutSection | undefined;
  for (const r of rows) {
    let section = r.groupId ? byGroup.get(r.groupId) : last?.name === null ? last : undefined;
    if (!section) {
      section = { name: r.group, components: [] };
      sections.push(section);
      if (r.groupId) byGroup.set(r.groupId, section);
    }
    section.components.push({ id: r.id, name: r.name });
    last = section;
  }
  const components = sections.flatMap((s) => s.components.map((c) => ({ ...c, group: s.name })));
  return { components, sections };
}

/** Checks that every listed entry exists and appears once; issues name the exact input path. */
export async function resolveLayout(tx: Tx, input: LayoutInput, issues: ValidationIssue[]): Promise<LayoutPlan> {
  const listed = [
    ...(input.components ?? []).map((id, i) => ({ id, field: `input.components.${i}` })),
    ...(input.groups ?? []).flatMap((g, gi) => g.components.map((id, i) => ({ id, field: `input.groups.${gi}.components.${i}` }))),
  ];
  const found = await tx.catalogEntry.findMany({ where: { id: { in: listed.map((l) => l.id) } }, select: { id: true } });
  const known = new Set(found.map((e) => e.id));
  const seen = new Set<string>();
  for (const { id, field } of listed) {
    if (!known.has(id)) issues.push({ field, rule: "not_found", message: `no catalog entry ${id}` });
    else if (seen.has(id)) issues.push({ field, rule: "duplicate", message: "the component is listed twice" });
    seen.add(id);
  }
  const names = new Set<string>();
  for (const [gi, g] of (input.groups ?? []).entries()) {
    if (names.has(g.name)) issues.push({ field: `input.groups.${gi}.name`, rule: "duplicate", message: `a group named "${g.name}" is given twice` });
    names.add(g.name);
  }
  const ungrouped = input.components?.length ? [{ name: null, components: input.components }] : [];
  return [...ungrouped, ...(input.groups ?? [])];
}

/** Replaces a page's layout with a plan from resolveLayout. */
export async function writeLayout(tx: Tx, pageId: string, sections: LayoutPlan): Promise<void> {
  await tx.pageComponent.deleteMany({ where: { pageId } });
  await tx.pageGroup.deleteMany({ where: { pageId } });
  let position = 0;
  let groupPosition = 0;
  for (const section of sections) {
    const groupId = section.name !== null ? (await tx.pageGroup.create({ data: { pageId, name: section.name, position: groupPosition++ } })).id : null;
    await tx.pageComponent.createMany({
      data: section.components.map((componentId) => ({ pageId, componentId, groupId, position: position++ })),
    });
  }
}

/** Refuses to take components off a page while an open incident or maintenance of that page lists them. */
export async function checkRemovable(tx: Tx, pageId: string, removed: { id: string; name: string }[]): Promise<void> {
  if (removed.length === 0) return;
  const ids = removed.map((c) => c.id);
  const [incidents, maintenances] = await Promise.all([
    tx.incident.findMany({
      where: { pageId, status: { not: "RESOLVED" }, updates: { some: { impacts: { some: { componentId: { in: ids } } } } } },
      select: { name: true, updates: { select: { impacts: { where: { componentId: { in: ids } }, select: { componentId: true } } } } },
    }),
    tx.maintenance.findMany({
      where: { pageId, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, components: { some: { componentId: { in: ids } } } },
      select: { name: true, components: { where: { componentId: { in: ids } }, select: { componentId: true } } },
    }),
  ]);
  if (incidents.length === 0 && maintenances.length === 0) return;
  const used = new Set([
    ...incidents.flatMap((i) => i.updates.flatMap((u) => u.impacts.map((x) => x.componentId))),
    ...maintenances.flatMap((m) => m.components.map((c) => c.componentId)),
  ]);
  const names = removed.filter((c) => used.has(c.id)).map((c) => `"${c.name}"`);
  throw new InUseError(`${names.length === 1 ? "Component" : "Components"} ${names.join(", ")}`, [
    ...incidents.map((i) => `incident "${i.name}"`),
    ...maintenances.map((m) => `maintenance "${m.name}"`),
  ]);
}
