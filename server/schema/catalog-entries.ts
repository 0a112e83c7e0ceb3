// The catalog API's mutations of entries: create, update, rank, delete.
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION, created, stampOf, versioned } from "./versioned.js";
import { bumpVersions } from "../services/versions.js";
import { LIMITS, listSchema } from "../domain/limits.js";
import { commitChange } from "../services/change.js";
import * as catalog from "../services/catalog.js";
import { CreateCatalogEntryInput, UpdateCatalogEntryInput } from "./catalog-inputs.js";
import { MUTATION_ERRORS } from "./errors.js";

builder.mutationFields((t) => ({
  createCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    authScopes: { role: "EDITOR" },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateCatalogEntryInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const entry = await commitChange(
        ctx,
        "createCatalogEntry",
        created(ctx.actor, "CatalogEntry", (tx) => catalog.createCatalogEntry(tx, input)),
      );
      return ctx.db.catalogEntry.findUniqueOrThrow({ ...query, where: { id: entry.id } });
    },
  }),
  updateCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    authScopes: { role: "EDITOR" },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateCatalogEntryInput }) },
    resolve: async (query, _root, { input: { id, expectedVersion, ...patch } }, ctx) => {
      await commitChange(
        ctx,
        "updateCatalogEntry",
        versioned(ctx.actor, "CatalogEntry", id, expectedVersion, (tx) => catalog.updateCatalogEntry(tx, id, patch)),
      );
      return ctx.db.catalogEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  rankCatalogEntries: t.prismaField({
    type: ["CatalogEntry"],
    description: "Sets the order of a ranked type's entries; list every entry once.",
    authScopes: { role: "EDITOR" },
    errors: { types: MUTATION_ERRORS },
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
  deleteCatalogEntry: t.prismaField({
    type: "CatalogEntry",
    description:
      "Deletes the entry (and its sub-pages) and returns it as it was. Refused (InUseError, saying what) while a page, incident, maintenance or entry uses it.",
    authScopes: { role: "EDITOR" },
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id(), expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }) },
    resolve: (query, _root, { id, expectedVersion }, ctx) =>
      commitChange(
        ctx,
        "deleteCatalogEntry",
        versioned(ctx.actor, "CatalogEntry", id, expectedVersion, (tx) =>
          catalog.deleteCatalogEntry(tx, id, (tx) => tx.catalogEntry.findUniqueOrThrow({ ...query, where: { id } })),
        ),
      ),
  }),
}));
