// Publishing, updating and deleting incidents, with review before publish.
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION } from "./versioned.js";
import { createdBy, updatedFrom } from "./versioned-publication.js";
import { inputSchema, listSchema, messageSchema, nameSchema } from "../domain/limits.js";
import * as incidents from "../services/incidents.js";
import { visibleIncidents } from "../services/visibility.js";
import { IncidentImpactLevel, IncidentStatus } from "./enums.js";
import "./incident-page.js";
import { ComponentImpact, Incident } from "./incident-types.js";
import { deleteField, publishField } from "./publishing.js";
import { NOTIFY_DESCRIPTION, PREVIEW_DESCRIPTION, componentLevelInput, levels } from "./publication.js";
import { draftText, publicationType } from "./publication-types.js";
import { renderMarkdown } from "./message-html.js";

const IncidentDraft = builder.objectRef<incidents.IncidentDraft>("IncidentDraft").implement({
  description: "What an incident update publishes: for the first update, the incident itself.",
  fields: (t) => ({
    ...draftText(t, t.expose("status", { type: IncidentStatus })),
    impacts: t.field({ type: [ComponentImpact], resolve: (d) => d.impacts }),
  }),
});

const IncidentPublication = publicationType<incidents.IncidentDraft>(
  "IncidentPublication",
  "What publishIncident or publishIncidentUpdate published or, with `preview`, would publish; nothing is written for a preview.",
  { field: "incident", type: Incident, find: (db, id) => db.incident.findUnique({ where: { id } }) },
  IncidentDraft,
);

const ImpactInput = componentLevelInput("IncidentImpactInput", IncidentImpactLevel);

const impacts = listSchema(z.unknown());

const PublishIncidentInput = builder.inputType("PublishIncidentInput", {
  validate: inputSchema({ name: nameSchema, message: messageSchema, impacts }),
  fields: (t) => ({
    pageId: t.id(),
    name: t.string(),
    status: t.field({ type: IncidentStatus }),
    message: t.string(),
    impacts: t.field({ type: [ImpactInput], defaultValue: [], description: "Components shown on the page, each at most once." }),
    preview: t.boolean({ defaultValue: false, description: PREVIEW_DESCRIPTION }),
    notifySubscribers: t.boolean({ defaultValue: true, description: NOTIFY_DESCRIPTION }),
  }),
});

const PublishIncidentUpdateInput = builder.inputType("PublishIncidentUpdateInput", {
  validate: inputSchema({ message: messageSchema, impacts: impacts.nullish() }),
  fields: (t) => ({
    incidentId: t.id(),
    expectedVersion: t.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }),
    status: t.field({ type: IncidentStatus, description: "RESOLVED ends every impact." }),
    message: t.string(),
    impacts: t.field({ type: [ImpactInput], required: false, description: "The new impacts; omit to keep the previous update's." }),
    preview: t.boolean({ defaultValue: false, description: PREVIEW_DESCRIPTION }),
    notifySubscribers: t.boolean({ defaultValue: true, description: NOTIFY_DESCRIPTION }),
  }),
});

builder.queryFields((t) => ({
  incident: t.prismaField({
    type: "Incident",
    nullable: true,
    args: { id: t.arg.id() },
    description: "Null when there is no such incident or the caller may not see it (customer pages).",
    resolve: (query, _root, { id }, ctx) => ctx.db.incident.findFirst({ ...query, where: { AND: [{ id: String(id) }, visibleIncidents(ctx.actor)] } }),
  }),
  messagePreview: t.string({
    description: "A message's Markdown rendered to safe HTML exactly as pages will show it, for a preview while it is written; writes nothing.",
    authScopes: { role: "PUBLISHER" },
    args: { message: t.arg.string({ validate: messageSchema }) },
    resolve: (_root, { message }) => renderMarkdown(message),
  }),
}));

builder.mutationFields((t) => ({
  publishIncident: publishField(t, "publishIncident", {
    description: "Publishes an incident and its first update.",
    type: IncidentPublication,
    input: PublishIncidentInput,
    write: (actor, { pageId, impacts, ...input }) =>
      createdBy(actor, "Incident", (tx, options) => incidents.publishIncident(tx, { ...input, pageId: String(pageId), impacts: levels(impacts) }, options)),
  }),
  publishIncidentUpdate: publishField(t, "publishIncidentUpdate", {
    description: "Publishes an update: new status, message and (optionally) impacts. InvalidStateError once resolved.",
    type: IncidentPublication,
    input: PublishIncidentUpdateInput,
    queue: ({ incidentId }) => `incident:${incidentId}`,
    write: (actor, { expectedVersion, incidentId, impacts, ...input }) => {
      const data = { ...input, incidentId: String(incidentId), impacts: impacts ? levels(impacts) : null };
      return updatedFrom(actor, "Incident", data.incidentId, expectedVersion, (tx, options) => incidents.publishIncidentUpdate(tx, data, options));
    },
  }),
  deleteIncident: deleteField(
    t,
    "deleteIncident",
    { type: Incident, name: "Incident", description: "Removes the incident and its history from the page. Returns the deleted incident's own fields." },
    incidents.deleteIncident,
  ),
}));
