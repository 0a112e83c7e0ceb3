// Reads everything a status page shows in eight statements, however many pages,
// components, incidents and updates: the pages, what they show (page-structure.ts),
// and their unresolved incidents and unfinished maintenance with every update.
// Rows come shaped as the GraphQL types' Prisma selections load them
// (schema/snapshot-rows.ts), so the types resolve from them without a query.
import type { Db } from "../db/client.js";
import type { Incident, IncidentUpdate, Maintenance, MaintenanceUpdate, Prisma, StatusPage } from "../generated/sqlite/client.js";
import type { IncidentImpact, MaintenanceImpact } from "../domain/types.js";
import { readLayoutRows, readSubPageRows, type LayoutRow, type SubPageRow } from "./page-structure.js";

export type Named<L> = { componentId: string; impact: L; component: { name: string } };
export type SnapshotUpdate = IncidentUpdate & { impacts: Named<IncidentImpact>[]; incident: { pageId: string } };
export type SnapshotIncident = Incident & { updates: SnapshotUpdate[] };
export type SnapshotMaintenance = Maintenance & { components: Named<MaintenanceImpact>[]; updates: MaintenanceUpdate[] };

export interface PageRows {
  page: StatusPage;
  layout: LayoutRow[];
  subPages: SubPageRow[];
  /** Unresolved, newest first. */
  incidents: SnapshotIncident[];
  /** SCHEDULED and IN_PROGRESS, soonest start first. */
  maintenances: SnapshotMaintenance[];
}

const UNRESOLVED = { status: { not: "RESOLVED" } } satisfies Prisma.IncidentWhereInput;
const UNFINISHED = { status: { in: ["SCHEDULED", "IN_PROGRESS"] } } satisfies Prisma.MaintenanceWhereInput;
type Ranked = { name: string; rank: number; order: number };

/** The pages `where` selects; empty when none does. */
export async function loadPageRows(db: Db, where: { slug: string } | { id: { in: string[] } }): Promise<PageRows[]> {
  const pages = await db.statusPage.findMany({ where });
  if (pages.length === 0) return [];
  const pageIds = pages.map((p) => p.id);
  const ofKind = (kind: string) => pages.filter((p) => p.kind === kind).map((p) => p.id);
  const onPages = { pageId: { in: pageIds } };
  const [layout, subPages, incidents, updates, impacts, maintenances, components, maintenanceUpdates] = await Promise.all([
    readLayoutRows(db, ofKind("PUBLIC")),
    readSubPageRows(db, ofKind("CUSTOMER")),
    db.incident.findMany({ where: { ...onPages, ...UNRESOLVED }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] }),
    db.incidentUpdate.findMany({ where: { incident: { ...onPages, ...UNRESOLVED } }, orderBy: [{ sequence: "desc" }] }),
    db.incidentImpact.findMany({ where: { update: { incident: { ...onPages, ...UNRESOLVED } } }, select: { updateId: true, componentId: true, impact: true } }),
    db.maintenance.findMany({ where: { ...onPages, ...UNFINISHED }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    db.maintenanceComponent.findMany({
      where: { maintenance: { ...onPages, ...UNFINISHED } },
      select: { maintenanceId: true, componentId: true, impact: true },
    }),
    db.maintenanceUpdate.findMany({ where: { maintenance: { ...onPages, ...UNFINISHED } }, orderBy: [{ sequence: "desc" }] }),
  ]);
  const names = new Map<string, Ranked>();
  for (const r of [...layout, ...subPages])
    if (r.componentId && r.name !== null) names.set(r.componentId, { name: r.name, rank: r.rank ?? 0, order: r.catalogOrder ?? 0 });
  // Only a component taken off the page while still named would be missing; none normally is.
  const missing = [...new Set([...impacts, ...components].map((i) => i.componentId))].filter((id) => !names.has(id));
  if (missing.length > 0) {
    const found = await db.catalogEntry.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, rank: true } });
    for (const e of found) names.set(e.id, { ...e, order: Number.MAX_SAFE_INTEGER });
  }
  const named = <L>(rows: { componentId: string; impact: L }[]) =>
    inCatalogOrder(rows, names).map((r) => ({ ...r, component: { name: names.get(r.componentId)?.name ?? "" } }));
  const pageOf = new Map(incidents.map((i) => [i.id, i.pageId]));
  const impactsOf = groupBy(impacts, (x) => x.updateId);
  const updatesOf = groupBy(
    updates
      .filter((u) => pageOf.has(u.incidentId))
      .map((u) => ({ ...u, incident: { pageId: pageOf.get(u.incidentId)! }, impacts: named(impactsOf.get(u.id) ?? []) })),
    (u) => u.incidentId,
  );
  const fullIncidents = incidents.map((i) => ({ ...i, updates: updatesOf.get(i.id) ?? [] }));
  const componentsOf = groupBy(components, (c) => c.maintenanceId);
  const maintenanceUpdatesOf = groupBy(maintenanceUpdates, (u) => u.maintenanceId);
  const fullMaintenances = maintenances.map((m) => ({ ...m, components: named(componentsOf.get(m.id) ?? []), updates: maintenanceUpdatesOf.get(m.id) ?? [] }));
  return pages.map((page) => ({
    page,
    layout: layout.filter((r) => r.pageId === page.id),
    subPages: subPages.filter((r) => r.pageId === page.id),
    incidents: fullIncidents.filter((i) => i.pageId === page.id),
    maintenances: fullMaintenances.filter((m) => m.pageId === page.id),
  }));
}

/**
 * By the component's rank, then name, then id, as the database orders them: the order the
 * GraphQL types' Prisma selections read impacts in.
 */
function inCatalogOrder<T extends { componentId: string }>(rows: T[], names: Map<string, Ranked>): T[] {
  const key = (r: T) => names.get(r.componentId) ?? { rank: 0, name: "", order: Number.MAX_SAFE_INTEGER };
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x.rank !== y.rank) return x.rank - y.rank;
    if (x.order !== y.order) return x.order - y.order;
    if (x.name !== y.name) return x.name < y.name ? -1 : 1;
    return a.componentId < b.componentId ? -1 : a.componentId > b.componentId ? 1 : 0;
  });
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
