// What page summaries are assembled from, read in a fixed number of statements
// for one page and any number of its sub-pages: the page, the components each
// view shows, and the page's ongoing incidents and in-progress maintenance.
import type { PageKind, Prisma, Theme } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { NotFoundError } from "../errors.js";
import type { IncidentImpact, IncidentStatus, MaintenanceImpact } from "../domain/types.js";
import { SUB_PAGE_ORDER } from "./customer-pages.js";
import { latestIncidentUpdates } from "./latest-updates.js";
import { loadPageLayouts, type LayoutComponent } from "./page-layout.js";
import { subPageComponentIds } from "./page-components.js";

type Reader = Db | Prisma.TransactionClient;

export interface PageViews {
  page: { id: string; slug: string; title: string; theme: Theme; kind: PageKind };
  subPages: Map<string, { slug: string; name: string; componentIds: string[] }>;
  /** A public page's components in order; for a customer page, every sub-page's, in sub-page order. */
  components: LayoutComponent[];
}

/**
 * The page and the requested sub-pages (all of them when `allSubPages`, which a
 * customer page's own view needs). Throws NotFoundError for an unknown page;
 * sub-pages that do not exist (or belong elsewhere) are simply absent.
 */
export async function loadPageViews(db: Reader, pageId: string, subPageIds: string[], allSubPages: boolean): Promise<PageViews> {
  const page = await db.statusPage.findUnique({
    where: { id: pageId },
    select: {
      id: true,
      slug: true,
      title: true,
      theme: true,
      kind: true,
      subPages: { where: allSubPages ? {} : { id: { in: subPageIds } }, orderBy: [...SUB_PAGE_ORDER], select: { id: true, slug: true, name: true } },
    },
  });
  if (!page) throw new NotFoundError("status page", pageId);
  const { subPages: rows, ...info } = page;
  if (page.kind === "PUBLIC") return { page: info, subPages: new Map(), components: (await loadPageLayouts(db, [pageId]))[0]!.components };
  const bySubPage = await subPageComponentIds(
    db,
    rows.map((s) => s.id),
  );
  const ids = [...new Set([...bySubPage.values()].flat())];
  const entries = await db.catalogEntry.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(entries.map((e) => [e.id, e.name]));
  return {
    page: info,
    subPages: new Map(rows.map((s) => [s.id, { slug: s.slug, name: s.name, componentIds: bySubPage.get(s.id) ?? [] }])),
    components: ids.map((id) => ({ id, name: names.get(id) ?? "", group: null })),
  };
}

export interface OngoingIncident {
  id: string;
  name: string;
  status: IncidentStatus;
  publishedAt: Date;
  /** The latest update's sequence (1, 2, 3, … in commit order). */
  sequence: number;
  /** The latest update's. */
  message: string;
  updatedAt: Date;
  impacts: { componentId: string; impact: IncidentImpact }[];
  /** Every component any update named (what decides where it shows). */
  affected: string[];
}

export interface OngoingMaintenance {
  id: string;
  name: string;
  status: "IN_PROGRESS";
  startsAt: Date;
  endsAt: Date;
  message: string;
  components: { componentId: string; impact: MaintenanceImpact }[];
}

/** Unresolved incidents (newest first) and in-progress maintenance (by start) of a page: the latest update of each, never their history. */
export async function loadOngoing(db: Reader, pageId: string): Promise<{ incidents: OngoingIncident[]; maintenances: OngoingMaintenance[] }> {
  const [incidents, maintenances] = await Promise.all([
    db.incident.findMany({
      where: { pageId, status: { not: "RESOLVED" } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { id: true, name: true, status: true, publishedAt: true, lastSequence: true, components: { select: { componentId: true } } },
    }),
    db.maintenance.findMany({
      where: { pageId, status: "IN_PROGRESS" },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        startsAt: true,
        endsAt: true,
        components: { select: { componentId: true, impact: true } },
        lastSequence: true,
      },
    }),
  ]);
  const [latest, messages] = await Promise.all([
    latestIncidentUpdates(db, incidents),
    maintenances.length === 0
      ? []
      : db.maintenanceUpdate.findMany({
          where: { OR: maintenances.map((m) => ({ maintenanceId: m.id, sequence: m.lastSequence })) },
          select: { maintenanceId: true, message: true },
        }),
  ]);
  const maintenanceMessages = new Map(messages.map((u) => [u.maintenanceId, u.message]));
  return {
    incidents: incidents.map(({ components, lastSequence: _, ...i }) => {
      const update = latest.get(i.id);
      return {
        ...i,
        sequence: update?.sequence ?? 0,
        message: update?.message ?? "",
        updatedAt: update?.publishedAt ?? i.publishedAt,
        impacts: update?.impacts ?? [],
        affected: components.map((c) => c.componentId),
      };
    }),
    maintenances: maintenances.map(({ lastSequence: _, ...m }) => ({ ...m, status: "IN_PROGRESS" as const, message: maintenanceMessages.get(m.id) ?? "" })),
  };
}
