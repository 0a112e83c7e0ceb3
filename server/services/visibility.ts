// Who may see what on status pages (README "Access control"), as database
// filters so lists and connections stay correct under pagination:
// - operators (people and keys, any role) and the service itself see everything;
// - a public page, and its incidents and maintenance, are open to all;
// - on a customer page, a signed-in viewer sees their own sub-pages and the
//   incidents and maintenance naming at least one of those sub-pages' components
//   (the rule of `affectsAny` and `canViewSubPage`); everyone else sees none.
import { isOperator, type Actor } from "../auth/actor.js";
import type { Prisma } from "../generated/sqlite/client.js";

type Viewer = Extract<Actor, { kind: "viewer" }>;

/** Operators and the service itself: no filter applies. */
export function seesEverything(actor: Actor): boolean {
  return isOperator(actor);
}

export function visibleSubPages(actor: Actor): Prisma.SubPageWhereInput {
  if (seesEverything(actor)) return {};
  // Public pages have no sub-pages, so only a viewer's own remain.
  return { id: { in: actor.kind === "viewer" ? actor.subPageIds : [] } };
}

/** Catalog entries that are components of the viewer's sub-pages. */
function viewerComponents(viewer: Viewer): Prisma.CatalogEntryWhereInput {
  return {
    referencedBy: {
      some: {
        // Referenced through the page's components attribute, by a customer entry whose sub-page the viewer sees.
        attribute: { componentsForPages: { some: { id: viewer.pageId } } },
        entry: { subPages: { some: { id: { in: viewer.subPageIds }, pageId: viewer.pageId } } },
      },
    },
  };
}

const ON_PUBLIC_PAGE = { page: { kind: "PUBLIC" } } as const;

export function visibleIncidents(actor: Actor): Prisma.IncidentWhereInput {
  if (seesEverything(actor)) return {};
  if (actor.kind !== "viewer") return ON_PUBLIC_PAGE;
  const affectsViewer = { updates: { some: { impacts: { some: { component: viewerComponents(actor) } } } } };
  return { OR: [ON_PUBLIC_PAGE, { pageId: actor.pageId, ...affectsViewer }] };
}

export function visibleMaintenances(actor: Actor): Prisma.MaintenanceWhereInput {
  if (seesEverything(actor)) return {};
  if (actor.kind !== "viewer") return ON_PUBLIC_PAGE;
  return { OR: [ON_PUBLIC_PAGE, { pageId: actor.pageId, components: { some: { component: viewerComponents(actor) } } }] };
}

/**
 * Incidents a customer sub-page lists: those of its page that named one of its components
 * in any update (IncidentComponent keeps every component an incident ever named).
 */
export function incidentsOfSubPage(subPage: { id: string; pageId: string }): Prisma.IncidentWhereInput {
  const { id, pageId } = subPage;
  const listed = { attribute: { componentsForPages: { some: { id: pageId } } }, entry: { subPages: { some: { id, pageId } } } };
  return { pageId, components: { some: { component: { referencedBy: { some: listed } } } } };
}
