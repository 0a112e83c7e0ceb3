// The catalog API's mutations of entries: create, update, rank, delete.
import { z } from "zod";
import { builder } from "../builder.js";
import { stampOf } from "./versioned.js";
import { bumpVersions } from "../services/versions.js";
import { LIMITS, listSchema } from "../domain/limits.js";
import { commitChange } from "../services/change.js";
import * as catalog from "../services/catalog.js";
import { CreateCatalogEntryInput, UpdateCatalogEntryInput } from "./catalog-inputs.js";
import { mutationOf } from "./errors.js";
import { catalogMutations } from "./catalog-mutations.js";
import { CatalogEntry } from "./catalog-objects.js";

builder.mutationFields((t) =>
  catalogMutations(t, {
    name: "CatalogEntry",
    type: CatalogEntry,
    read: (db, id, selection) => db.catalogEntry.findUniqueOrThrow({ ...selection, where: { id } }),
    create: { input: CreateCatalogEntryInput, write: catalog.createCatalogEntry },
    update: { input: UpdateCatalogEntryInput, description: undefined, write: catalog.updateCatalogEntry },
    delete: {
      description:
        "Deletes the entry (and its sub-pages) and returns it as it was. Refused (InUseError, saying what) while a page, incident, maintenance or entry uses it.",
      write: catalog.deleteCatalogEntry,
    },
  }),
);

builder.mutationFields((t) => ({
  rankCatalogEntries: t.prismaField({
    type: ["CatalogEntry"],
    description: "Sets the order of a ranked type's entries; list every entry once.",
    ...mutationOf("EDITOR"),
    args: { typeId: t.arg.id(), entryIds: t.arg.idList({ validate: listSchema(z.string(), LIMITS.rankedEntries) }) },
    resolve: async (query, _root, { typeId, entryIds }, ctx) => {
      await commitChange(ctx, "rankCatalogEntries", async (tx, at) => {
        const ranked = await catalog.rankCatalogEntries(tx, typeId, entryIds.map(String));
        await bumpVersions(tx, "CatalogEntry", entryIds.map(String), stampOf(ctx.actor, at));
        return ranked;
      });
      return ctx.db.catalogEntry.findMany({ ...query, where: { typeId }, orderBy: [...catalog.RANKED_ORDER] });
    },
  }),
}));
