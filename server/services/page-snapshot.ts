// A status page as everyone may see parts of it, read once per change to the page
// (page-snapshots.ts) and shared by every request: its components with their derived
// status, its sub-pages, its unresolved incidents and unfinished maintenance. Who
// sees which part is decided per request, by the rules of services/visibility.ts.
import type { Actor } from "../auth/actor.js";
import { affectsAny, deriveComponentStatuses, pageStatus, type ActiveIncident } from "../domain/status.js";
import type { ComponentStatus } from "../domain/types.js";
import type { StatusPage } from "../generated/sqlite/client.js";
import type { PageRows, SnapshotIncident, SnapshotMaintenance } from "./page-snapshot-data.js";
import { toLayout, type LayoutComponent, type PageLayout } from "./page-layout.js";
import { seesEverything } from "./visibility.js";

export type { SnapshotIncident, SnapshotMaintenance };

export interface SnapshotSubPage {
  id: string;
  slug: string;
  name: string;
  componentIds: string[];
}

export interface PageSnapshot {
  page: StatusPage;
  /** A public page's components and headings; empty for a customer page. */
  layout: PageLayout;
  /** A customer page's sub-pages in order. */
  subPages: SnapshotSubPage[];
  /** Name of every component the page shows. */
  names: Map<string, string>;
  statuses: Map<string, ComponentStatus>;
  /** What statuses derive from: each unresolved incident's latest impacts, and maintenance in progress. */
  activity: { incidents: ActiveIncident[]; maintenances: SnapshotMaintenance[] };
  incidents: SnapshotIncident[];
  maintenances: { UPCOMING: SnapshotMaintenance[]; IN_PROGRESS: SnapshotMaintenance[] };
}

export function toSnapshot(rows: PageRows): PageSnapshot {
  const subPages = new Map<string, SnapshotSubPage>();
  const names = new Map<string, string>();
  for (const r of rows.subPages) {
    let subPage = subPages.get(r.subPageId);
    if (!subPage) subPages.set(r.subPageId, (subPage = { id: r.subPageId, slug: r.slug, name: r.subPageName, componentIds: [] }));
    if (r.componentId) subPage.componentIds.push(r.componentId);
    if (r.componentId && r.name !== null) names.set(r.componentId, r.name);
  }
  for (const r of rows.layout) names.set(r.componentId, r.name);
  const latest = rows.incidents.map((i) => ({ id: i.id, status: i.status, impacts: i.updates[0]?.impacts ?? [] }));
  const inProgress = rows.maintenances.filter((m) => m.status === "IN_PROGRESS");
  return {
    page: rows.page,
    layout: toLayout(rows.layout.map((r) => ({ id: r.componentId, name: r.name, groupId: r.groupId, group: r.groupName }))),
    subPages: [...subPages.values()],
    names,
    statuses: deriveComponentStatuses([...names.keys()], latest, inProgress),
    activity: { incidents: latest, maintenances: inProgress },
    incidents: rows.incidents,
    maintenances: { UPCOMING: rows.maintenances.filter((m) => m.status === "SCHEDULED"), IN_PROGRESS: inProgress },
  };
}

/** The sub-pages the actor may see (operators: all), in order. */
export function shownSubPages(snapshot: PageSnapshot, actor: Actor): SnapshotSubPage[] {
  if (seesEverything(actor)) return snapshot.subPages;
  if (actor.kind !== "viewer" || actor.pageId !== snapshot.page.id) return [];
  return snapshot.subPages.filter((s) => actor.subPageIds.includes(s.id));
}

/** Public page: its components in order. Customer page: those of every sub-page the actor may see, in sub-page order. */
export function shownComponents(snapshot: PageSnapshot, actor: Actor): LayoutComponent[] {
  if (snapshot.page.kind === "PUBLIC") return snapshot.layout.components;
  const ids = new Set(shownSubPages(snapshot, actor).flatMap((s) => s.componentIds));
  return [...ids].map((id) => ({ id, name: snapshot.names.get(id) ?? "", group: null }));
}

/** A component's derived status from the page's activity; components the page no longer shows are derived on demand. */
export function statusOf(snapshot: PageSnapshot, componentId: string): ComponentStatus {
  const known = snapshot.statuses.get(componentId);
  if (known) return known;
  const { incidents, maintenances } = snapshot.activity;
  return deriveComponentStatuses([componentId], incidents, maintenances).get(componentId)!;
}

export function summaryOf(snapshot: PageSnapshot, componentIds: readonly string[]) {
  return pageStatus(componentIds.map((id) => statusOf(snapshot, id)));
}

/**
 * The rule of visibleIncidents and visibleMaintenances: everything for operators and on
 * public pages; on a customer page, a viewer's own sees what names one of their components.
 */
function visibleBy(snapshot: PageSnapshot, actor: Actor): "all" | "none" | Set<string> {
  if (seesEverything(actor) || snapshot.page.kind === "PUBLIC") return "all";
  if (actor.kind !== "viewer" || actor.pageId !== snapshot.page.id) return "none";
  return new Set(shownSubPages(snapshot, actor).flatMap((s) => s.componentIds));
}

function shown<T>(items: T[], visible: ReturnType<typeof visibleBy>, named: (item: T) => string[]): T[] {
  if (visible === "all") return items;
  if (visible === "none") return [];
  return items.filter((item) => affectsAny(named(item), visible));
}

/** Unresolved incidents the actor may see, newest first. */
export function shownIncidents(snapshot: PageSnapshot, actor: Actor): SnapshotIncident[] {
  return shown(snapshot.incidents, visibleBy(snapshot, actor), (i) => i.updates.flatMap((u) => u.impacts.map((x) => x.componentId)));
}

export function shownMaintenances(snapshot: PageSnapshot, actor: Actor, state: keyof PageSnapshot["maintenances"]): SnapshotMaintenance[] {
  return shown(snapshot.maintenances[state], visibleBy(snapshot, actor), (m) => m.components.map((c) => c.componentId));
}
