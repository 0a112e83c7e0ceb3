// Publishing, updating and deleting incidents, with review before publish.
import { z } from "zod";
import { builder } from "../builder.js";
import { EXPECTED_VERSION_DESCRIPTION, versioned } from "./versioned.js";
import { createdBy, updatedFrom } from "./versioned-publication.js";
import { inputSchema, listSchema, messageSchema, nameSchema } from "../domain/limits.js";
import { commitChange } from "../services/change.js";
import * as incidents from "../services/incidents.js";
import { visibleIncidents } from "../services/visibility.js";
import { IncidentImpactLevel, IncidentStatus } from "./enums.js";
import { MUTATION_ERRORS } from "./errors.js";
import "./incident-page.js";
import { ComponentImpact } from "./incident-types.js";
import { NOTIFY_DESCRIPTION, PREVIEW_DESCRIPTION, componentLevelInput, levels, publish } from "./publication.js";
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
  (t) => ({
    incident: t.prismaField({
      type: "Incident",
      nullable: true,
      description: "The incident as published; null for a preview.",
      resolve: (query, p, _args, ctx) => (p.id ? ctx.db.incident.findUnique({ ...query, where: { id: p.id } }) : null),
    }),
    draft: t.field({ type: IncidentDraft, resolve: (p) => p.draft }),
  }),
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
  publishIncident: t.field({
    type: IncidentPublication,
    description: "Publishes an incident and its first update.",
    authScopes: { role: "PUBLISHER" },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: PublishIncidentInput }) },
    resolve: async (_root, { input: { preview, notifySubscribers, ...input } }, ctx) => {
      const data = { ...input, pageId: String(input.pageId), impacts: levels(input.impacts) };
      return publish(
        ctx,
        "publishIncident",
        { preview, notify: notifySubscribers },
        null,
        createdBy(ctx.actor, "Incident", (tx, options) => incidents.publishIncident(tx, data, options)),
      );
    },
  }),
  publishIncidentUpdate: t.field({
    type: IncidentPublication,
    description: "Publishes an update: new status, message and (optionally) impacts. InvalidStateError once resolved.",
    authScopes: { role: "PUBLISHER" },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: PublishIncidentUpdateInput }) },
    resolve: async (_root, { input: { preview, notifySubscribers, expectedVersion, ...input } }, ctx) => {
      const data = { ...input, incidentId: String(input.incidentId), impacts: input.impacts ? levels(input.impacts) : null };
      const queue = `incident:${data.incidentId}`;
      return publish(
        ctx,
        "publishIncidentUpdate",
        { preview, notify: notifySubscribers },
        queue,
        updatedFrom(ctx.actor, "Incident", data.incidentId, expectedVersion, (tx, options) => incidents.publishIncidentUpdate(tx, data, options)),
      );
    },
  }),
  deleteIncident: t.prismaField({
    type: "Incident",
    description: "Removes the incident and its history from the page. Returns the deleted incident's own fields.",
    authScopes: { role: "PUBLISHER" },
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id(), expectedVersion: t.arg.int({ required: false, description: EXPECTED_VERSION_DESCRIPTION }) },
    resolve: (_query, _root, { id, expectedVersion }, ctx) =>
      commitChange(
        ctx,
        "deleteIncident",
        versioned(ctx.actor, "Incident", String(id), expectedVersion, (tx) => incidents.deleteIncident(tx, String(id))),
      ),
  }),
}));
