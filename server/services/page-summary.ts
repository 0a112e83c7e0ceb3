// The state of a page or sub-page as a viewer sees it, as plain JSON: what live
// updates send on every change. Independent of GraphQL and of request loaders.
import type { PageKind, Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { NotFoundError } from "../errors.js";
import { affectsAny, deriveComponentStatuses, pageStatus } from "../domain/status.js";
import type { ComponentStatus } from "../domain/types.js";
import { SUB_PAGE_ORDER } from "./customer-pages.js";
import { loadPageLayouts, type LayoutComponent } from "./page-layout.js";
import { subPageComponentIds } from "./page-components.js";

type Reader = Db | Prisma.TransactionClient;

export interface PageSummary {
  pageId: string;
  subPageId: string | null;
  status: ComponentStatus;
  sentence: string;
  components: { id: string; name: string; group: string | null; status: ComponentStatus }[];
  /** Unresolved incidents affecting the shown components (on a public page: all unresolved), newest first. */
  incidentIds: string[];
  /** In-progress maintenance affecting the shown components (on a public page: all in progress), by start. */
  maintenanceIds: string[];
}

/**
 * A fixed number of statements whatever the page holds. `now` is taken for
 * symmetry with the other time-dependent rules; derived status reads stored
 * states, which the scheduler moves as time passes.
 */
export async function computePageSummary(
  db: Reader,
  target: { pageId: string; subPageId?: string | null },
  _now: Date,
): Promise<PageSummary> {
  const { pageId } = target;
  const subPageId = target.subPageId ?? null;
  const [{ kind, components }, activity] = await Promise.all([shownComponents(db, pageId, subPageId), loadActivity(db, pageId)]);
  const ids = components.map((c) => c.id);
  const shown = new Set(ids);
  const statuses = deriveComponentStatuses(ids, activity.incidents, activity.maintenances);
  // A public page shows every incident; a customer page only those touching its components.
  const visible = (affected: string[]) => kind === "PUBLIC" || affectsAny(affected, shown);
  return {
    pageId,
    subPageId,
    ...pageStatus(statuses.values()),
    components: components.map((c) => ({ ...c, status: statuses.get(c.id)! })),
    incidentIds: activity.incidents.filter((i) => visible(i.affected)).map((i) => i.id),
    maintenanceIds: activity.maintenances.filter((m) => visible(m.components.map((c) => c.componentId))).map((m) => m.id),
  };
}

async function shownComponents(db: Reader, pageId: string, subPageId: string | null): Promise<{ kind: PageKind; components: LayoutComponent[] }> {
  const page = await db.statusPage.findUnique({
    where: { id: pageId },
    select: { kind: true, subPages: { where: subPageId ? { id: subPageId } : {}, orderBy: [...SUB_PAGE_ORDER], select: { id: true } } },
  });
  if (!page) throw new NotFoundError("status page", pageId);
  if (subPageId && page.subPages.length === 0) throw new NotFoundError("sub-page", subPageId);
  if (page.kind === "PUBLIC") return { kind: page.kind, components: (await loadPageLayouts(db, [pageId]))[0]!.components };
  const bySubPage = await subPageComponentIds(db, page.subPages.map((s) => s.id));
  const ids = [...new Set([...bySubPage.values()].flat())];
  const entries = await db.catalogEntry.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(entries.map((e) => [e.id, e.name]));
  return { kind: page.kind, components: ids.map((id) => ({ id, name: names.get(id) ?? "", group: null })) };
}

/** Unresolved incidents with the impacts of their latest update and every component any update named. */
async function loadActivity(db: Reader, pageId: string) {
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      where: { pageId, status: { not: "RESOLVED" } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        status: true,
        updates: { orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { impacts: { select: { componentId: true, impact: true } } } },
      },
    }),
    db.maintenance.findMany({
      where: { pageId, status: "IN_PROGRESS" },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { id: true, status: true, components: { select: { componentId: true, impact: true } } },
    }),
  ]);
  return {
    incidents: incidents.map((i) => ({
      id: i.id,
      status: i.status,
      impacts: i.updates[0]?.impacts ?? [],
      affected: i.updates.flatMap((u) => u.impacts.map((x) => x.componentId)),
    })),
    maintenances,
  };
}
