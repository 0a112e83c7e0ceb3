// A customer's view of a customer page: one entry of the page's customer type.
import { builder } from "../builder.js";
import { versioned } from "./versioned.js";
import { Versioned } from "./versioned-fields.js";
import { canViewSubPage } from "../auth/actor.js";
import { subPageDenied } from "../auth/denial.js";
import type { CatalogEntry as EntryRow } from "../generated/sqlite/client.js";
import type { Context } from "../context.js";
import { commitChange } from "../services/change.js";
import { updateSubPage } from "../services/customer-pages.js";
import { seesEverything } from "../services/visibility.js";
import { Component, StatusSummary, summarize, type ComponentSource } from "./component.js";
import { mutationOf } from "./errors.js";
import { UpdateSubPageInput } from "./status-page-inputs.js";

/** The components a sub-page shows, in the order its entry lists them. */
async function subPageComponents(ctx: Context, subPage: { id: string; pageId: string }): Promise<ComponentSource[]> {
  const ids = await ctx.loaders.subPageComponents.load(subPage.id);
  const entries = await ctx.loaders.entries.loadMany(ids);
  return entries.filter((e): e is EntryRow => !(e instanceof Error)).map((e) => ({ id: e.id, name: e.name, pageId: subPage.pageId, groupName: null }));
}

export const SubPage = builder.prismaObject("SubPage", {
  interfaces: [Versioned],
  fields: (t) => ({
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    url: t.string({
      description: "Path of the live page, /<page-slug>/<sub-page-slug>.",
      select: { slug: true, page: { select: { slug: true } } },
      resolve: (s) => `/${s.page.slug}/${s.slug}`,
    }),
    page: t.relation("page"),
    entry: t.relation("entry", {
      nullable: true,
      authScopes: { role: "VIEWER" },
      description: "The entry of the customer type this sub-page belongs to. Operators only (the catalog is operator data).",
    }),
    components: t.field({
      type: [Component],
      select: { id: true, pageId: true },
      resolve: (s, _args, ctx) => subPageComponents(ctx, s),
    }),
    summary: t.field({
      type: StatusSummary,
      select: { id: true, pageId: true },
      resolve: async (s, _args, ctx) => summarize(ctx, s.pageId, await ctx.loaders.subPageComponents.load(s.id)),
    }),
    allowedEmailDomains: t.stringList({
      nullable: true,
      authScopes: { role: "VIEWER" },
      description: "Viewers whose email address is at one of these domains may see this sub-page. Operators only.",
      select: {
        page: { select: { domainsAttributeId: true } },
        entry: { select: { values: { orderBy: { position: "asc" }, select: { attributeId: true, text: true } } } },
      },
      resolve: (s) => s.entry.values.filter((v) => v.attributeId === s.page.domainsAttributeId && v.text !== null).map((v) => v.text!),
    }),
  }),
});

builder.queryField("subPage", (t) =>
  t.prismaField({
    type: "SubPage",
    nullable: true,
    description: "The sub-page at /<pageSlug>/<slug>. AccessDeniedError when the caller may not see it, whether or not it exists.",
    args: { pageSlug: t.arg.string(), slug: t.arg.string() },
    resolve: async (query, _root, { pageSlug, slug }, ctx) => {
      const where = { slug, page: { slug: pageSlug } };
      if (!seesEverything(ctx.actor)) {
        // Decide before loading anything the caller asked for; page slugs are public, sub-pages are not.
        const page = await ctx.db.statusPage.findUnique({
          where: { slug: pageSlug },
          select: { kind: true, subPages: { where: { slug }, select: { id: true } } },
        });
        if (!page || page.kind === "PUBLIC") return null;
        const found = page.subPages[0];
        if (!found || !canViewSubPage(ctx.actor, page.kind, found.id)) throw subPageDenied(ctx);
      }
      return ctx.db.subPage.findFirst({ ...query, where });
    },
  }),
);

builder.mutationField("updateSubPage", (t) =>
  t.prismaField({
    type: "SubPage",
    description: "Renames a sub-page or changes its URL (unique within its page).",
    ...mutationOf("EDITOR"),
    args: { input: t.arg({ type: UpdateSubPageInput }) },
    resolve: async (query, _root, { input: { id, expectedVersion, ...patch } }, ctx) => {
      await commitChange(
        ctx,
        "updateSubPage",
        versioned(ctx.actor, "SubPage", id, expectedVersion, (tx) => updateSubPage(tx, id, patch)),
      );
      return ctx.db.subPage.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
