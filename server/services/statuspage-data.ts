// Reads what a public page's Statuspage-compatible documents are built from, in a
// fixed number of statements however many incidents and updates the page holds.
import type { Db } from "../db/client.js";
import { STATUSPAGE_LIST_MAX } from "../domain/statuspage-v2.js";
import type { SpSourceSection, StatuspageSource } from "../domain/statuspage-source.js";

const byPublication = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
const bySequence = { orderBy: { sequence: "asc" as const } };

/** The public page with this slug; null for customer pages and unknown slugs alike. */
export async function loadStatuspageSource(db: Db, slug: string, listMax = STATUSPAGE_LIST_MAX): Promise<StatuspageSource | null> {
  const page = await db.statusPage.findUnique({ where: { slug }, select: { id: true, kind: true, title: true, createdAt: true, updatedAt: true } });
  if (page?.kind !== "PUBLIC") return null;
  const pageId = page.id;
  // Ids first: every open one and the most recent others, so nothing is read twice.
  const [rows, openIncidents, recentIncidents, openMaintenances, recentMaintenances] = await Promise.all([
    db.pageComponent.findMany({
      where: { pageId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { groupId: true, group: { select: { name: true } }, component: { select: { id: true, name: true, createdAt: true, updatedAt: true } } },
    }),
    db.incident.findMany({ where: { pageId, status: { not: "RESOLVED" } }, select: { id: true } }),
    db.incident.findMany({ where: { pageId }, orderBy: byPublication, take: listMax, select: { id: true } }),
    db.maintenance.findMany({ where: { pageId, status: { not: "COMPLETE" } }, select: { id: true } }),
    db.maintenance.findMany({ where: { pageId }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], take: listMax, select: { id: true } }),
  ]);
  const ids = (lists: { id: string }[][]) => [...new Set(lists.flat().map((r) => r.id))];
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      where: { id: { in: ids([openIncidents, recentIncidents]) } },
      orderBy: byPublication,
      select: {
        id: true,
        name: true,
        status: true,
        publishedAt: true,
        resolvedAt: true,
        updates: {
          ...bySequence,
          select: {
            id: true,
            status: true,
            message: true,
            publishedAt: true,
            impacts: { select: { componentId: true, impact: true, component: { select: { name: true } } } },
          },
        },
      },
    }),
    db.maintenance.findMany({
      where: { id: { in: ids([openMaintenances, recentMaintenances]) } },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        name: true,
        status: true,
        startsAt: true,
        endsAt: true,
        publishedAt: true,
        components: { select: { componentId: true, impact: true, component: { select: { name: true } } } },
        updates: { ...bySequence, select: { id: true, status: true, message: true, publishedAt: true } },
      },
    }),
  ]);
  const named = <T extends { component: { name: string } }>({ component, ...rest }: T) => ({ ...rest, name: component.name });
  return {
    page: { id: pageId, slug, title: page.title, createdAt: page.createdAt, updatedAt: page.updatedAt },
    sections: toSections(rows),
    incidents: incidents.map((i) => ({ ...i, updates: i.updates.map((u) => ({ ...u, impacts: u.impacts.map(named) })) })),
    maintenances: maintenances.map((m) => ({ ...m, components: m.components.map(named) })),
  };
}

type Row = { groupId: string | null; group: { name: string } | null; component: SpSourceSection["components"][number] };

/** Components gather under their group at its first appearance, as the page shows them; ungrouped runs stay apart. */
function toSections(rows: Row[]): SpSourceSection[] {
  const sections: SpSourceSection[] = [];
  const byGroup = new Map<string, SpSourceSection>();
  let last: SpSourceSection | undefined;
  for (const row of rows) {
    let section = row.groupId ? byGroup.get(row.groupId) : last?.group === null ? last : undefined;
    if (!section) {
      section = { group: row.groupId ? { id: row.groupId, name: row.group!.name } : null, components: [] };
      sections.push(section);
      if (row.groupId) byGroup.set(row.groupId, section);
    }
    section.components.push(row.component);
    last = section;
  }
  return sections;
}
