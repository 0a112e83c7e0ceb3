// The catalog API: queries, and mutations of types (entries in catalog-entries.ts). The catalog is operator data (any API key
// reads it, admin keys change it); component names reach the public only through pages. Objects in catalog-objects.ts, inputs in catalog-inputs.ts.
import { builder } from "../builder.js";
import * as catalog from "../services/catalog.js";
import "./catalog-objects.js";
import { CreateCatalogTypeInput, UpdateCatalogTypeInput } from "./catalog-inputs.js";
import { catalogMutations } from "./catalog-mutations.js";
import { CatalogType } from "./catalog-objects.js";

export { AttributeKind, CatalogAttribute, CatalogEntry, CatalogType } from "./catalog-objects.js";

builder.queryFields((t) => ({
  catalogTypes: t.prismaField({
    type: ["CatalogType"],
    authScopes: { role: "VIEWER" },
    description: "By name.",
    resolve: (query, _root, _args, ctx) => ctx.db.catalogType.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
  catalogType: t.prismaField({
    type: "CatalogType",
    authScopes: { role: "VIEWER" },
    nullable: true,
    args: { id: t.arg.id({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (query, _root, { id, name }, ctx) => (id || name ? ctx.db.catalogType.findFirst({ ...query, where: id ? { id } : { name: name! } }) : null),
  }),
  catalogEntry: t.prismaField({
    type: "CatalogEntry",
    authScopes: { role: "VIEWER" },
    nullable: true,
    description: "By id, or by type (id or name) and entry name for types that reference entries by name.",
    args: { id: t.arg.id({ required: false }), type: t.arg.string({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (query, _root, { id, type, name }, ctx) => {
      if (id) return ctx.db.catalogEntry.findUnique({ ...query, where: { id } });
      if (!type || !name) return null;
      return ctx.db.catalogEntry.findFirst({ ...query, where: { name, type: { referenceByName: true, OR: [{ id: type }, { name: type }] } } });
    },
  }),
}));

builder.mutationFields((t) =>
  catalogMutations(t, {
    name: "CatalogType",
    type: CatalogType,
    read: (db, id, selection) => db.catalogType.findUniqueOrThrow({ ...selection, where: { id } }),
    create: { input: CreateCatalogTypeInput, write: catalog.createCatalogType },
    update: {
      input: UpdateCatalogTypeInput,
      description: "Changes only the fields given; `attributes`, when given, is the full new list.",
      write: catalog.updateCatalogType,
    },
    delete: {
      description:
        "Deletes the type with its entries and returns it as it was. Refused (InUseError) while pages, incidents, maintenance or other types or entries use the type or its entries.",
      write: catalog.deleteCatalogType,
    },
  }),
);
