import { builder } from "../builder.js";
import type { CatalogEntry as EntryRow } from "../generated/sqlite/client.js";
import { categorySchema, descriptionSchema, listSchema, nameSchema } from "../domain/limits.js";
import { announcePages } from "../services/announce.js";
import * as catalog from "../services/catalog.js";
import { MUTATION_ERRORS } from "./errors.js";

export const AttributeKind = builder.enumType("AttributeKind", {
  values: {
    TEXT: { description: "Free text." },
    EMAIL_DOMAIN: { description: "An email domain such as example.com." },
    REFERENCE: { description: "Entries of another catalog type." },
  } as const,
});

export const CatalogType = builder.prismaObject("CatalogType", {
  description: "An operator-defined kind of thing, e.g. Components or Groups.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    categories: t.stringList({ resolve: (type) => JSON.parse(type.categories) as string[] }),
    ranked: t.exposeBoolean("ranked", { description: "Entries have an order set by the operator." }),
    referenceByName: t.exposeBoolean("referenceByName", {
      description: "Entry names are unique within the type and references may use them.",
    }),
    attributes: t.relation("attributes", { query: { orderBy: { position: "asc" } } }),
    entries: t.relation("entries", {
      description: "In rank order when the type is ranked, by name otherwise.",
      query: (_args, _ctx) => ({ orderBy: [{ rank: "asc" }, { name: "asc" }] }),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const CatalogAttribute = builder.prismaObject("CatalogAttribute", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: AttributeKind }),
    multiple: t.exposeBoolean("multiple"),
    referencedType: t.relation("referencedType", { nullable: true }),
  }),
});

interface AttributeValue {
  attributeId: string;
  texts: string[];
  entryIds: string[];
}

const CatalogAttributeValue = builder.objectRef<AttributeValue & { entryId: string }>("CatalogAttributeValue");
CatalogAttributeValue.implement({
  fields: (t) => ({
    attribute: t.prismaField({
      type: "CatalogAttribute",
      resolve: (query, v, _args, ctx) => ctx.db.catalogAttribute.findUniqueOrThrow({ ...query, where: { id: v.attributeId } }),
    }),
    texts: t.exposeStringList("texts", { description: "Values of TEXT and EMAIL_DOMAIN attributes." }),
    entries: t.prismaField({
      type: ["CatalogEntry"],
      description: "Entries referenced by a REFERENCE attribute, in the order given.",
      resolve: async (_query, v, _args, ctx) => {
        const list = await ctx.loaders.entries.loadMany(v.entryIds);
        return list.filter((e): e is EntryRow => !(e instanceof Error));
      },
    }),
  }),
});

export const CatalogEntry = builder.prismaObject("CatalogEntry", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    rank: t.int({ nullable: true, select: { rank: true, type: { select: { ranked: true } } }, resolve: (e) => (e.type.ranked ? e.rank : null) }),
    type: t.relation("type"),
    values: t.field({
      type: [CatalogAttributeValue],
      select: { id: true, values: { orderBy: { position: "asc" } } },
      resolve: (entry) => {
        const byAttribute = new Map<string, AttributeValue & { entryId: string }>();
        for (const v of entry.values) {
          const slot = byAttribute.get(v.attributeId) ?? { attributeId: v.attributeId, texts: [], entryIds: [], entryId: entry.id };
          if (v.text !== null) slot.texts.push(v.text);
          if (v.referencedEntryId !== null) slot.entryIds.push(v.referencedEntryId);
          byAttribute.set(v.attributeId, slot);
        }
        return [...byAttribute.values()];
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const AttributeInput = builder.inputType("CatalogAttributeInput", {
  fields: (t) => ({
    id: t.id({ required: false, description: "Set to keep (and edit) an existing attribute when updating a type." }),
    name: t.string({ validate: nameSchema }),
    kind: t.field({ type: AttributeKind }),
    multiple: t.boolean({ defaultValue: false }),
    referencedType: t.string({ required: false, description: "Id or name of the type a REFERENCE attribute points at." }),
  }),
});

const CreateCatalogTypeInput = builder.inputType("CreateCatalogTypeInput", {
  fields: (t) => ({
    name: t.string({ validate: nameSchema }),
    description: t.string({ defaultValue: "", validate: descriptionSchema }),
    categories: t.stringList({ defaultValue: [], validate: listSchema(categorySchema) }),
    ranked: t.boolean({ defaultValue: false }),
    referenceByName: t.boolean({ defaultValue: false }),
    attributes: t.field({ type: [AttributeInput], defaultValue: [] }),
  }),
});

const UpdateCatalogTypeInput = builder.inputType("UpdateCatalogTypeInput", {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false, validate: nameSchema }),
    description: t.string({ required: false, validate: descriptionSchema }),
    categories: t.stringList({ required: false, validate: listSchema(categorySchema) }),
    ranked: t.boolean({ required: false }),
    referenceByName: t.boolean({ required: false }),
    attributes: t.field({ type: [AttributeInput], required: false, description: "The full new list; attributes left out are deleted." }),
  }),
});

const AttributeValueInput = builder.inputType("CatalogAttributeValueInput", {
  fields: (t) => ({
    attribute: t.string({ description: "The attribute's name or id." }),
    values: t.stringList({ description: "Texts, domains, or referenced entries (ids, or names for types referenced by name)." }),
  }),
});

const CreateCatalogEntryInput = builder.inputType("CreateCatalogEntryInput", {
  fields: (t) => ({
    typeId: t.id(),
    name: t.string({ validate: nameSchema }),
    rank: t.int({ required: false, description: "Position among the type's entries (0 first); last when omitted." }),
    values: t.field({ type: [AttributeValueInput], defaultValue: [] }),
  }),
});

const UpdateCatalogEntryInput = builder.inputType("UpdateCatalogEntryInput", {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false, validate: nameSchema }),
    rank: t.int({ required: false }),
    values: t.field({ type: [AttributeValueInput], required: false, description: "Attributes named here get these values; others keep theirs." }),
  }),
});

builder.queryFields((t) => ({
  catalogTypes: t.prismaField({
    type: ["CatalogType"],
    resolve: (query, _root, _args, ctx) => ctx.db.catalogType.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
  catalogType: t.prismaField({
    type: "CatalogType",
    nullable: true,
    args: { id: t.arg.id({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (query, _root, { id, name }, ctx) =>
      id || name ? ctx.db.catalogType.findFirst({ ...query, where: id ? { id } : { name: name! } }) : null,
  }),
  catalogEntry: t.prismaField({
    type: "CatalogEntry",
    nullable: true,
    description: "By id, or by type and name for types that reference entries by name.",
    args: { id: t.arg.id({ required: false }), type: t.arg.string({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (query, _root, { id, type, name }, ctx) => {
      if (id) return ctx.db.catalogEntry.findUnique({ ...query, where: { id } });
      if (!type || !name) return null;
      return ctx.db.catalogEntry.findFirst({
        ...query,
        where: { name, type: { referenceByName: true, OR: [{ id: type }, { name: type }] } },
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  createCatalogType: t.prismaField({
    type: "CatalogType",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateCatalogTypeInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const type = await catalog.createCatalogType(ctx.db, input);
      return ctx.db.catalogType.findUniqueOrThrow({ ...query, where: { id: type.id } });
    },
  }),
  updateCatalogType: t.prismaField({
    type: "CatalogType",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateCatalogTypeInput }) },
    resolve: async (query, _root, { input: { id, ...patch } }, ctx) => {
      const { pageIds } = await catalog.updateCatalogType(ctx.db, id, patch);
      announcePages(ctx, pageIds, "CATALOG");
      return ctx.db.catalogType.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteCatalogType: t.prismaField({
    type: "CatalogType",
    description: "Refused (InUseError) while pages, incidents, maintenance or other entries use the type or its entries.",
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_query, _root, { id }, ctx) => catalog.deleteCatalogType(ctx.db, id),
  }),
  createCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateCatalogEntryInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { value, pageIds } = await catalog.createCatalogEntry(ctx.db, input);
      announcePages(ctx, pageIds, "CATALOG");
      return ctx.db.catalogEntry.findUniqueOrThrow({ ...query, where: { id: value.id } });
    },
  }),
  updateCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateCatalogEntryInput }) },
    resolve: async (query, _root, { input: { id, ...patch } }, ctx) => {
      const { pageIds } = await catalog.updateCatalogEntry(ctx.db, id, patch);
      announcePages(ctx, pageIds, "CATALOG");
      return ctx.db.catalogEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  rankCatalogEntries: t.prismaField({
    type: ["CatalogEntry"],
    description: "Sets the order of a ranked type's entries; list every entry once.",
    errors: { types: MUTATION_ERRORS },
    args: { typeId: t.arg.id(), entryIds: t.arg.idList() },
    resolve: async (query, _root, { typeId, entryIds }, ctx) => {
      const { pageIds } = await catalog.rankCatalogEntries(ctx.db, typeId, entryIds.map(String));
      announcePages(ctx, pageIds, "CATALOG");
      return ctx.db.catalogEntry.findMany({ ...query, where: { typeId }, orderBy: { rank: "asc" } });
    },
  }),
  deleteCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    description: "Refused (InUseError, saying what) while a page, incident, maintenance or entry uses it.",
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id() },
    resolve: async (_query, _root, { id }, ctx) => {
      const { value, pageIds } = await catalog.deleteCatalogEntry(ctx.db, id);
      announcePages(ctx, pageIds, "CATALOG");
      return value;
    },
  }),
}));
