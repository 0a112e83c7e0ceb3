// Status pages: public ones list their components; customer ones have a sub-page per
// entry of a catalog type.
import { builder } from "../builder.js";
import { canViewSubPage } from "../auth/actor.js";
import { subPageDenied } from "../auth/denial.js";
import type { CatalogEntry as EntryRow } from "../generated/sqlite/client.js";
import type { Context } from "../context.js";
import { lookupText } from "../domain/text.js";
import { announce } from "../events.js";
import { answerIsPrivate } from "../http/cache-scope.js";
import { announcePages } from "../services/announce.js";
import { SUB_PAGE_ORDER } from "../services/customer-pages.js";
import * as pages from "../services/status-pages.js";
import { seesEverything, visibleSubPages } from "../services/visibility.js";
import { Component, StatusSummary, summarize, type ComponentSource } from "./component.js";
import { PageKind, Theme } from "./enums.js";
import { MUTATION_ERRORS } from "./errors.js";
import { CreateStatusPageInput, UpdateStatusPageInput } from "./status-page-inputs.js";
import { SubPage } from "./sub-page.js";

const ComponentGroup = builder.objectRef<{ name: string | null; components: ComponentSource[] }>("ComponentGroup").implement({
  description: "A heading on a public page and its components; components without a heading come in a group named null.",
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true }),
    components: t.field({ type: [Component], resolve: (g) => g.components }),
  }),
});

type PageRef = { id: string; kind: "PUBLIC" | "CUSTOMER"; subPages: { id: string }[] };

/** The customer page's sub-pages the caller may see, in order. */
const shownSubPages = (ctx: Context, page: PageRef) => page.subPages.filter((s) => canViewSubPage(ctx.actor, page.kind, s.id));

/** A public page's components in order; for a customer page, those of every sub-page the caller may see, in sub-page order. */
async function pageComponents(ctx: Context, page: PageRef): Promise<ComponentSource[]> {
  if (page.kind === "PUBLIC") {
    const layout = await ctx.loaders.pageLayout.load(page.id);
    return layout.components.map((c) => ({ id: c.id, name: c.name, pageId: page.id, groupName: c.group }));
  }
  const lists = await ctx.loaders.subPageComponents.loadMany(shownSubPages(ctx, page).map((s) => s.id));
  const ids = [...new Set(lists.flatMap((l) => (l instanceof Error ? [] : l)))];
  const entries = await ctx.loaders.entries.loadMany(ids);
  return entries.filter((e): e is EntryRow => !(e instanceof Error)).map((e) => ({ id: e.id, name: e.name, pageId: page.id, groupName: null }));
}

const PAGE_COMPONENTS = { kind: true, subPages: { orderBy: [...SUB_PAGE_ORDER], select: { id: true } } } as const;

export const StatusPage = builder.prismaObject("StatusPage", {
  fields: (t) => ({
    id: t.exposeID("id"),
    slug: t.exposeString("slug", { description: "The page's URL: /<slug>." }),
    title: t.exposeString("title"),
    kind: t.expose("kind", { type: PageKind }),
    theme: t.expose("theme", { type: Theme }),
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
    faviconUrl: t.exposeString("faviconUrl", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    components: t.field({
      type: [Component],
      description: "Public pages: in order. Customer pages: the components of every sub-page the caller may see (operators: all).",
      select: PAGE_COMPONENTS,
      resolve: (page, _args, ctx) => pageComponents(ctx, page),
    }),
    groups: t.field({
      type: [ComponentGroup],
      description: "Public pages: the components under their headings, in order.",
      select: { kind: true },
      resolve: async (page, _args, ctx) => {
        if (page.kind !== "PUBLIC") return [];
        const { sections } = await ctx.loaders.pageLayout.load(page.id);
        return sections.map((s) => ({ name: s.name, components: s.components.map((c) => ({ ...c, pageId: page.id, groupName: s.name })) }));
      },
    }),
    summary: t.field({
      type: StatusSummary,
      nullable: true,
      description: "Over the components in `components`. Null on a customer page for a caller who may see none of its sub-pages.",
      select: PAGE_COMPONENTS,
      resolve: async (page, _args, ctx) => {
        if (page.kind === "CUSTOMER" && !seesEverything(ctx.actor) && shownSubPages(ctx, page).length === 0) return null;
        return summarize(
          ctx,
          page.id,
          (await pageComponents(ctx, page)).map((c) => c.id),
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

builder.queryFields((t) => ({
  statusPages: t.prismaField({
    type: ["StatusPage"],
    description: "By title.",
    resolve: async (query, _root, _args, ctx) => {
      const found = await ctx.db.statusPage.findMany({ ...query, orderBy: [{ title: "asc" }, { slug: "asc" }] });
      if (found.some((p) => p.kind === "CUSTOMER")) answerIsPrivate(ctx);
      return found;
    },
  }),
  statusPage: t.prismaField({
    type: "StatusPage",
    nullable: true,
    args: { slug: t.arg.string() },
    resolve: async (query, _root, { slug }, ctx) => {
      const page = await ctx.db.statusPage.findUnique({ ...query, where: { slug } });
      // What a customer page shows depends on who is signed in: no shared cache may keep it.
      if (page?.kind === "CUSTOMER") answerIsPrivate(ctx);
      return page;
    },
  }),
}));

builder.mutationFields((t) => ({
  createStatusPage: t.prismaField({
    type: "StatusPage",
    authScopes: { role: "EDITOR" },
    description: "A customer page gets a sub-page per entry of its customer type, now and as entries are added.",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateStatusPageInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { value, pageIds } = await pages.createStatusPage(ctx.db, input);
      announcePages(ctx, pageIds, "PAGE");
      return ctx.db.statusPage.findUniqueOrThrow({ ...query, where: { id: value.id } });
    },
  }),
  updateStatusPage: t.prismaField({
    type: "StatusPage",
    authScopes: { role: "EDITOR" },
    description: "Refused (InUseError) when it would take off a component an open incident or maintenance lists.",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateStatusPageInput }) },
    resolve: async (query, _root, { input: { id, ...patch } }, ctx) => {
      await pages.updateStatusPage(ctx.db, id, patch);
      announcePages(ctx, [id], "PAGE");
      return ctx.db.statusPage.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteStatusPage: t.prismaField({
    type: "StatusPage",
    authScopes: { role: "EDITOR" },
    description: "Deletes the page with its incidents and maintenance. Only the scalar fields of the result are meaningful.",
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id() },
    resolve: async (_query, _root, { id }, ctx) => {
      const page = await pages.deleteStatusPage(ctx.db, id);
      announce(ctx.events, { pageId: id, subject: "PAGE", kind: "DELETED", subjectId: null, at: ctx.now() });
      return page;
    },
  }),
}));
