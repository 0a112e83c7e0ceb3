// The state of a page or sub-page as a viewer sees it, as plain JSON: what live
// updates send on every change, complete enough that a subscriber's event
// resolves from it alone. Independent of GraphQL and of request loaders.
import type { Prisma, Theme } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { NotFoundError } from "../errors.js";
import { affectsAny, deriveComponentStatuses, pageStatus } from "../domain/status.js";
import type { ComponentStatus, IncidentImpact, IncidentStatus, MaintenanceImpact } from "../domain/types.js";
import type { NamedComponentLevel } from "./affected-components.js";
import { loadOngoing, loadPageViews, type PageViews } from "./page-summary-data.js";

type Reader = Db | Prisma.TransactionClient;

export interface SummaryComponent {
  id: string;
  name: string;
  group: string | null;
  status: ComponentStatus;
}

export interface SummaryIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  /** ISO 8601: when the incident was published, and when its latest update was. */
  publishedAt: string;
  updatedAt: string;
  /** The latest update's sequence: 1, 2, 3, … in commit order; a client keeps the highest it has seen. */
  sequence: number;
  /** The latest update's message. */
  message: string;
  /** The latest update's impacts on the shown components, in their order; NO_IMPACT included. */
  impacts: NamedComponentLevel<IncidentImpact>[];
}

export interface SummaryMaintenance {
  id: string;
  name: string;
  status: "IN_PROGRESS";
  startsAt: string;
  endsAt: string;
  message: string;
  /** Its components among the shown ones, in their order. */
  components: NamedComponentLevel<MaintenanceImpact>[];
}

export interface PageSummary {
  pageId: string;
  subPageId: string | null;
  page: { slug: string; title: string; theme: Theme };
  subPage: { slug: string; name: string } | null;
  status: ComponentStatus;
  sentence: string;
  components: SummaryComponent[];
  /** Unresolved incidents affecting the shown components (on a public page: all unresolved), newest first. */
  incidents: SummaryIncident[];
  /** In-progress maintenance affecting the shown components (on a public page: all in progress), by start. */
  maintenances: SummaryMaintenance[];
  /** Set only on a last known summary served while the database is unavailable: when it was computed (ISO 8601). */
  asOf?: string;
}

export interface SummaryTarget {
  pageId: string;
  subPageId?: string | null;
}

/**
 * A fixed number of statements whatever the page holds. `now` is taken for
 * symmetry with the other time-dependent rules; derived status reads stored
 * states, which the scheduler moves as time passes.
 */
export async function computePageSummary(db: Reader, target: SummaryTarget, now: Date): Promise<PageSummary> {
  const [summary] = await computePageSummaries(db, target.pageId, [target.subPageId ?? null], now);
  if (summary instanceof Error) throw summary;
  return summary!;
}

/**
 * Summaries of several views of one page (null: the page itself) in the same fixed
 * number of statements as one. An unknown page throws; an unknown sub-page yields a
 * NotFoundError in its place.
 */
export async function computePageSummaries(
  db: Reader,
  pageId: string,
  subPageIds: readonly (string | null)[],
  _now: Date,
): Promise<(PageSummary | NotFoundError)[]> {
  const wanted = subPageIds.filter((id): id is string => id !== null);
  const [views, ongoing] = await Promise.all([loadPageViews(db, pageId, wanted, subPageIds.includes(null)), loadOngoing(db, pageId)]);
  const statuses = deriveComponentStatuses(
    views.components.map((c) => c.id),
    ongoing.incidents,
    ongoing.maintenances,
  );
  return subPageIds.map((subPageId) => {
    if (subPageId === null) return assemble(views, null, views.components, statuses, ongoing);
    const subPage = views.subPages.get(subPageId);
    if (!subPage) return new NotFoundError("sub-page", subPageId);
    const byId = new Map(views.components.map((c) => [c.id, c]));
    const shown = subPage.componentIds.flatMap((id) => byId.get(id) ?? []);
    return assemble(views, { id: subPageId, ...subPage }, shown, statuses, ongoing);
  });
}

function assemble(
  views: PageViews,
  subPage: { id: string; slug: string; name: string } | null,
  shown: PageViews["components"],
  statuses: Map<string, ComponentStatus>,
  ongoing: Awaited<ReturnType<typeof loadOngoing>>,
): PageSummary {
  const { page } = views;
  const ids = new Set(shown.map((c) => c.id));
  // A public page shows every incident; a customer page only those touching its components.
  const visible = (affected: Iterable<string>) => page.kind === "PUBLIC" || affectsAny(affected, ids);
  const components = shown.map((c) => ({ ...c, status: statuses.get(c.id)! }));
  return {
    pageId: page.id,
    subPageId: subPage?.id ?? null,
    page: { slug: page.slug, title: page.title, theme: page.theme },
    subPage: subPage && { slug: subPage.slug, name: subPage.name },
    ...pageStatus(components.map((c) => c.status)),
    components,
    incidents: ongoing.incidents
      .filter((i) => visible(i.affected))
      .map((i) => ({
        id: i.id,
        name: i.name,
        status: i.status,
        sequence: i.sequence,
        publishedAt: i.publishedAt.toISOString(),
        updatedAt: i.updatedAt.toISOString(),
        message: i.message,
        impacts: named(shown, i.impacts),
      })),
    maintenances: ongoing.maintenances
      .filter((m) => visible(m.components.map((c) => c.componentId)))
      .map((m) => ({
        id: m.id,
        name: m.name,
        status: m.status,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        message: m.message,
        components: named(shown, m.components),
      })),
  };
}

/** Levels on the shown components, in their order and with their names; others stay out (they may belong to another customer). */
function named<L extends string>(shown: PageViews["components"], levels: { componentId: string; impact: L }[]): NamedComponentLevel<L>[] {
  const byComponent = new Map(levels.map((l) => [l.componentId, l.impact]));
  return shown.flatMap((c) => (byComponent.has(c.id) ? [{ componentId: c.id, name: c.name, impact: byComponent.get(c.id)! }] : []));
}
