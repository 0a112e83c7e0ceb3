// Status pages' mutations: create, update, delete.
import { builder } from "../builder.js";
import { commitChange } from "../services/change.js";
import * as pages from "../services/status-pages.js";
import { mutationOf } from "./errors.js";
import { checkInputUploads } from "./page-asset.js";
import { CreateStatusPageInput, UpdateStatusPageInput } from "./status-page-inputs.js";
import { EXPECTED_VERSION_DESCRIPTION, created, versioned } from "./versioned.js";

builder.mutationFields((t) => ({
  createStatusPage: t.prismaField({
    type: "StatusPage",
    ...mutationOf("EDITOR"),
    description: "A customer page gets a sub-page per entry of its customer type, now and as entries are added.",
    args: { input: t.arg({ type: CreateStatusPageInput }) },
    resolve: async (query, _root, { input: { logo, favicon, ...input } }, ctx) => {
      const assets = await checkInputUploads({ logo, favicon });
      const page = await commitChange(
        ctx,
        "createStatusPage",
        created(ctx.actor, "StatusPage", (tx) => pages.createStatusPage(tx, { ...input, assets })),
      );
      return ctx.db.statusPage.findUniqueOrThrow({ ...query, where: { id: page.id } });
    },
  }),
  updateStatusPage: t.prismaField({
    type: "StatusPage",
    ...mutationOf("EDITOR"),
    description: "Refused (InUseError) when it would take off a component an open incident or maintenance lists.",
    args: { input: t.arg({ type: UpdateStatusPageInput }) },
    resolve: async (query, _root, { input: { id, expectedVersion, ...patch } }, ctx) => {
      await commitChange(
        ctx,
        "updateStatusPage",
        versioned(ctx.actor, "StatusPage", id, expectedVersion, (tx) => pages.updateStatusPage(tx, id, patch)),
      );
      return ctx.db.statusPage.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteStatusPage: t.prismaField({
    type: "StatusPage",
    ...mutationOf("EDITOR"),
    description: "Deletes the page with its incidents and maintenance. Only the scalar fields of the result are meaningful.",
    args: { id: t.arg.id(), expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }) },
    resolve: (_query, _root, { id, expectedVersion }, ctx) =>
      commitChange(
        ctx,
        "deleteStatusPage",
        versioned(ctx.actor, "StatusPage", id, expectedVersion, (tx) => pages.deleteStatusPage(tx, id)),
      ),
  }),
}));
