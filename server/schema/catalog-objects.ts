// Catalog objects: types, their attributes, entries and their values.
import { builder } from "../builder.js";
import { Versioned } from "./versioned-fields.js";
import type { CatalogAttribute as AttributeRow, CatalogEntry as EntryRow, Prisma } from "../generated/sqlite/client.js";

export const AttributeKind = builder.enumType("AttributeKind", {
  values: {
    TEXT: { description: "Free text." },
    EMAIL_DOMAIN: { description: "An email domain such as example.com." },
    REFERENCE: { description: "Entries of another catalog type." },
  } as const,
});

const BY_NAME = [{ name: "asc" }, { id: "asc" }] as const satisfies Prisma.CatalogEntryOrderByWithRelationInput[];

export const CatalogType = builder.prismaObject("CatalogType", {
  interfaces: [Versioned],
  authScopes: { role: "VIEWER" },
  description: "An operator-defined kind of thing, e.g. Components or Groups.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    categories: t.stringList({ resolve: (type) => JSON.parse(type.categories) as string[] }),
    ranked: t.exposeBoolean("ranked", { description: "Entries have an order set by the operator." }),
    referenceByName: t.exposeBoolean("referenceByName", {
      description: "Entry names are unique within the type and references may use them.",
    }),
    attributes: t.relation("attributes", { query: { orderBy: { position: "asc" } } }),
    entries: t.field({
      type: [CatalogEntry],
      description: "In rank order when the type is ranked, by name otherwise.",
      select: (_args, _ctx, nestedSelection) => ({ ranked: true, entries: nestedSelection({ orderBy: BY_NAME }) }),
      resolve: (type) => (type.ranked ? [...type.entries].sort((a, b) => a.rank - b.rank) : type.entries),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const CatalogAttribute = builder.prismaObject("CatalogAttribute", {
  authScopes: { role: "VIEWER" },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: AttributeKind }),
    multiple: t.exposeBoolean("multiple"),
    referencedType: t.relation("referencedType", { nullable: true }),
  }),
});

interface AttributeValue {
  attribute: AttributeRow;
  texts: string[];
  entryIds: string[];
}

const CatalogAttributeValue = builder.objectRef<AttributeValue>("CatalogAttributeValue");
CatalogAttributeValue.implement({
  authScopes: { role: "VIEWER" },
  description: "An entry's values of one attribute.",
  fields: (t) => ({
    attribute: t.field({ type: CatalogAttribute, resolve: (v) => v.attribute }),
    texts: t.exposeStringList("texts", { description: "Values of TEXT and EMAIL_DOMAIN attributes, in the order given." }),
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
  interfaces: [Versioned],
  authScopes: { role: "VIEWER" },
  fields: (t) => ({
    name: t.exposeString("name"),
    rank: t.int({
      nullable: true,
      description: "Position among the type's entries (0 first); null when the type is not ranked.",
      select: { rank: true, type: { select: { ranked: true } } },
      resolve: (e) => (e.type.ranked ? e.rank : null),
    }),
    type: t.relation("type"),
    values: t.field({
      type: [CatalogAttributeValue],
      description: "One item per attribute that has values, in the type's attribute order.",
      select: { values: { orderBy: [{ attribute: { position: "asc" } }, { position: "asc" }], include: { attribute: true } } },
      resolve: (entry) => {
        const byAttribute = new Map<string, AttributeValue>();
        for (const v of entry.values) {
          const slot = byAttribute.get(v.attributeId) ?? { attribute: v.attribute, texts: [], entryIds: [] };
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
