// Scheduling, updating and deleting maintenance, with review before publish.
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION } from "./versioned.js";
import { createdBy, updatedFrom } from "./versioned-publication.js";
import type { Context } from "../context.js";
import { inputSchema, listSchema, messageSchema, nameSchema } from "../domain/limits.js";
import { systemScope } from "../services/change.js";
import * as maintenance from "../services/maintenance.js";
import { visibleMaintenances } from "../services/visibility.js";
import { MaintenanceImpactLevel, MaintenanceStatus } from "./enums.js";
import "./maintenance-page.js";
import { Maintenance, MaintenanceComponentImpact } from "./maintenance-types.js";
import { type AnyPublication, deleteField, publishField } from "./publishing.js";
import { NOTIFY_DESCRIPTION, PREVIEW_DESCRIPTION, componentLevelInput, levels } from "./publication.js";
import { draftText, publicationType } from "./publication-types.js";

const MaintenanceDraft = builder.objectRef<maintenance.MaintenanceDraft>("MaintenanceDraft").implement({
  description: "What a maintenance update publishes: for the first update, the maintenance itself.",
  fields: (t) => ({
    ...draftText(t, t.expose("status", { type: MaintenanceStatus })),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    autoUpdate: t.exposeBoolean("autoUpdate"),
    components: t.field({ type: [MaintenanceComponentImpact], resolve: (d) => d.components }),
  }),
});

const MaintenancePublication = publicationType<maintenance.MaintenanceDraft>(
  "MaintenancePublication",
  "What scheduleMaintenance or publishMaintenanceUpdate published or, with `preview`, would publish; nothing is written for a preview.",
  { field: "maintenance", type: Maintenance, find: (db, id) => db.maintenance.findUnique({ where: { id } }) },
  MaintenanceDraft,
);

const ComponentInput = componentLevelInput("MaintenanceComponentInput", MaintenanceImpactLevel);

const components = listSchema(z.unknown());

const ScheduleMaintenanceInput = builder.inputType("ScheduleMaintenanceInput", {
  validate: inputSchema({ name: nameSchema, message: messageSchema, components }),
  fields: (t) => ({
    pageId: t.id(),
    name: t.string(),
    message: t.string(),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime", description: "Must be after startsAt." }),
    autoUpdate: t.boolean({
      defaultValue: true,
      description: "IN_PROGRESS at the window's start, COMPLETE at its end; a window already begun or over when published moves along at once.",
    }),
    components: t.field({ type: [ComponentInput], defaultValue: [], description: "Components shown on the page, each at most once." }),
    preview: t.boolean({ defaultValue: false, description: PREVIEW_DESCRIPTION }),
    notifySubscribers: t.boolean({ defaultValue: true, description: NOTIFY_DESCRIPTION }),
  }),
});

const PublishMaintenanceUpdateInput = builder.inputType("PublishMaintenanceUpdateInput", {
  validate: inputSchema({ message: messageSchema, components: components.nullish() }),
  fields: (t) => ({
    maintenanceId: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    status: t.field({ type: MaintenanceStatus, description: "Forward only: SCHEDULED, IN_PROGRESS, COMPLETE." }),
    message: t.string(),
    startsAt: t.field({ type: "DateTime", required: false }),
    endsAt: t.field({ type: "DateTime", required: false }),
    components: t.field({ type: [ComponentInput], required: false, description: "The new affected components; omit to keep them." }),
    preview: t.boolean({ defaultValue: false, description: PREVIEW_DESCRIPTION }),
    notifySubscribers: t.boolean({ defaultValue: true, description: NOTIFY_DESCRIPTION }),
  }),
});

/**
 * After a committed publish, makes at once the automatic transition its window already
 * calls for (one published or moved into the past) rather than at the scheduler's next
 * check, as the service itself. A failure there leaves the publish standing: the scheduler retries it.
 */
async function catchUp(ctx: Context, publication: AnyPublication): Promise<AnyPublication> {
  if (publication.id) {
    const scope = systemScope(ctx.db, ctx.now, ctx.changes);
    await maintenance.applyAnyDueTransition(scope, publication.id, ctx.now()).catch((error: unknown) => {
      ctx.log.error({ err: error }, "Maintenance transition after publish failed (the scheduler retries it)");
    });
  }
  return publication;
}

builder.queryFields((t) => ({
  maintenance: t.prismaField({
    type: "Maintenance",
    nullable: true,
    args: { id: t.arg.id() },
    description: "Null when there is no such maintenance or the caller may not see it (customer pages).",
    resolve: (query, _root, { id }, ctx) => ctx.db.maintenance.findFirst({ ...query, where: { AND: [{ id: String(id) }, visibleMaintenances(ctx.actor)] } }),
  }),
}));

builder.mutationFields((t) => ({
  scheduleMaintenance: publishField(t, "scheduleMaintenance", {
    description: "Schedules maintenance and publishes its first update.",
    type: MaintenancePublication,
    input: ScheduleMaintenanceInput,
    after: catchUp,
    write: (actor, { pageId, components, ...input }) =>
      createdBy(actor, "Maintenance", (tx, options) =>
        maintenance.scheduleMaintenance(tx, { ...input, pageId: String(pageId), components: levels(components) }, options),
      ),
  }),
  publishMaintenanceUpdate: publishField(t, "publishMaintenanceUpdate", {
    description: "Publishes an update: status, message, and optionally a new window or components. InvalidStateError once complete.",
    type: MaintenancePublication,
    input: PublishMaintenanceUpdateInput,
    after: catchUp,
    queue: ({ maintenanceId }) => `maintenance:${maintenanceId}`,
    write: (actor, { expectedVersion, maintenanceId, components, ...input }) => {
      const data = { ...input, maintenanceId: String(maintenanceId), components: components ? levels(components) : null };
      return updatedFrom(actor, "Maintenance", data.maintenanceId, expectedVersion, (tx, options) => maintenance.publishMaintenanceUpdate(tx, data, options));
    },
  }),
  deleteMaintenance: deleteField(
    t,
    "deleteMaintenance",
    { type: Maintenance, name: "Maintenance", description: "Removes the maintenance from the page. Returns the deleted maintenance's own fields." },
    maintenance.deleteMaintenance,
  ),
}));
