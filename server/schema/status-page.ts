// Status pages: public ones list their components; customer ones have a sub-page per
// entry of a catalog type.
import { builder } from "../builder.js";
import { Versioned } from "./versioned-fields.js";
import { canViewSubPage } from "../auth/actor.js";
import { NotFoundError } from "../errors.js";
import { subPageDenied } from "../auth/denial.js";
import type { StatusPage as StatusPageRow } from "../generated/sqlite/client.js";
import type { Context } from "../context.js";
import { lookupText } from "../domain/text.js";
import { showsCustomerPage } from "../services/answer-audience.js";
import { SUB_PAGE_ORDER } from "../services/customer-pages.js";
import { shownComponents, shownSubPages, summaryOf, type PageSnapshot } from "../services/page-snapshot.js";
import { seesEverything, visibleSubPages } from "../services/visibility.js";
import { Component, StatusSummary, type ComponentSource } from "./component.js";
import { PageKind, Theme } from "./enums.js";
import { PAGE_ROWS, rowsCover } from "./snapshot-rows.js";
import { SubPage } from "./sub-page.js";

const ComponentGroup = builder.objectRef<{ name: string | null; components: ComponentSource[] }>("ComponentGroup").implement({
  description: "A heading on a public page and its components; components without a heading come in a group named null.",
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true }),
    components: t.field({ type: [Component], resolve: (g) => g.components }),
  }),
});

/** The page as every caller may see parts of it, shared between requests until it changes. */
async function snapshotOf(ctx: Context, pageId: string): Promise<PageSnapshot> {
  const snapshot = await ctx.loaders.snapshots.load(pageId);
  if (!snapshot) throw new NotFoundError("status page", pageId);
  return snapshot;
}

/** A public page's components in order; for a customer page, those of every sub-page the caller may see, in sub-page order. */
async function pageComponents(ctx: Context, pageId: string): Promise<ComponentSource[]> {
  return shownComponents(await snapshotOf(ctx, pageId), ctx.actor).map((c) => ({ id: c.id, name: c.name, pageId, groupName: c.group }));
}

export const StatusPage = builder.prismaObject("StatusPage", {
  interfaces: [Versioned],
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The page's URL: /<slug>." }),
    title: t.exposeString("title"),
    kind: t.expose("kind", { type: PageKind }),
    theme: t.expose("theme", { type: Theme }),
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
    faviconUrl: t.exposeString("faviconUrl", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    // Components, groups and the summary come from the page's snapshot, not the page's query:
    // they are read once per change to the page, whoever asks.
    components: t.field({
      type: [Component],
      description: "Public pages: in order. Customer pages: the components of every sub-page the caller may see (operators: all).",
      resolve: (page, _args, ctx) => pageComponents(ctx, page.id),
    }),
    groups: t.field({
      type: [ComponentGroup],
      description: "Public pages: the components under their headings, in order.",
      resolve: async (page, _args, ctx) => {
        const { layout } = await snapshotOf(ctx, page.id);
        return layout.sections.map((s) => ({ name: s.name, components: s.components.map((c) => ({ ...c, pageId: page.id, groupName: s.name })) }));
      },
    }),
    summary: t.field({
      type: StatusSummary,
      nullable: true,
      description: "Over the components in `components`. Null on a customer page for a caller who may see none of its sub-pages.",
      resolve: async (page, _args, ctx) => {
        const snapshot = await snapshotOf(ctx, page.id);
        if (snapshot.page.kind === "CUSTOMER" && !seesEverything(ctx.actor) && shownSubPages(snapshot, ctx.actor).length === 0) return null;
        return summaryOf(
          snapshot,
          shownComponents(snapshot, ctx.actor).map((c) => c.id),
        );
      },
    }),
    customerType: t.relation("customerType", {
      nullable: true,
      authScopes: { role: "VIEWER" },
      description: "Customer pages: the type whose entries are the customers. Operators only.",
    }),
    componentsAttribute: t.relation("componentsAttribute", {
      nullable: true,
      authScopes: { role: "VIEWER" },
      description: "Customer pages: the attribute holding each customer's components. Operators only.",
    }),
    emailDomainsAttribute: t.relation("domainsAttribute", {
      nullable: true,
      authScopes: { role: "VIEWER" },
      description: "Customer pages: the attribute holding allowed email domains. Operators only.",
    }),
    subPages: t.relation("subPages", {
      description: "Customer pages: the sub-pages the caller may see (operators: all), by the entry's rank, then name.",
      query: (_args, ctx) => ({ where: visibleSubPages(ctx.actor), orderBy: [...SUB_PAGE_ORDER] }),
    }),
    subPage: t.field({
      type: SubPage,
      nullable: true,
      description: "AccessDeniedError on a customer page when the caller may not see it, whether or not it exists.",
      args: { slug: t.arg.string() },
      select: (args, _ctx, nestedSelection) => ({ kind: true, subPages: nestedSelection({ where: { slug: lookupText(args.slug) }, take: 1 }) }),
      resolve: (page, _args, ctx) => {
        const subPage = page.subPages[0] ?? null;
        if (page.kind === "PUBLIC" || seesEverything(ctx.actor)) return subPage;
        if (!subPage || !canViewSubPage(ctx.actor, page.kind, subPage.id)) throw subPageDenied(ctx);
        return subPage;
      },
    }),
  }),
});

/** The page's shared snapshot when the query asks for nothing more than its own columns (the fields above read the snapshot too). */
async function findBySlug(ctx: Context, slug: string, query: Record<string, unknown>): Promise<StatusPageRow | null> {
  if (!rowsCover("StatusPage", PAGE_ROWS, query)) return ctx.db.statusPage.findUnique({ ...query, where: { slug } });
  const snapshot = await ctx.snapshots.bySlug(slug);
  if (!snapshot) return null;
  // The whole request reads this one version of the page.
  ctx.loaders.snapshots.prime(snapshot.page.id, snapshot);
  return snapshot.page;
}

builder.queryFields((t) => ({
  statusPages: t.prismaField({
    type: ["StatusPage"],
    description: "By title.",
    resolve: async (query, _root, _args, ctx) => {
      const found = await ctx.db.statusPage.findMany({ ...query, orderBy: [{ title: "asc" }, { slug: "asc" }] });
      if (found.some((p) => p.kind === "CUSTOMER")) showsCustomerPage(ctx);
      return found;
    },
  }),
  statusPage: t.prismaField({
    type: "StatusPage",
    nullable: true,
    args: { slug: t.arg.string() },
    resolve: async (query, _root, { slug }, ctx) => {
      const page = await findBySlug(ctx, slug, query);
      // What a customer page shows depends on who is signed in: no shared cache may keep it.
      if (page?.kind === "CUSTOMER") showsCustomerPage(ctx);
      return page;
    },
  }),
  statusPageById: t.prismaField({
    type: "StatusPage",
    nullable: true,
    description: "The page with this id (the console's addresses use ids, which survive a change of slug); null when there is none.",
    args: { id: t.arg.id() },
    resolve: async (query, _root, { id }, ctx) => {
      const page = await ctx.db.statusPage.findUnique({ ...query, where: { id: String(id) } });
      if (page?.kind === "CUSTOMER") showsCustomerPage(ctx);
      return page;
    },
  }),
}));
