// Webhook endpoints in the API: an editor's endpoints per page or sub-page, each with
// its delivery log. The signing secret is shown on create and on rotation only.
import { builder, listSize } from "../builder.js";
import type { WebhookEndpoint as EndpointRow } from "../generated/sqlite/client.js";
import { commitChange } from "../services/change.js";
import {
  WEBHOOK_EVENT_TYPES,
  createWebhookEndpointChange,
  deleteWebhookEndpointChange,
  endpointEvents,
  listWebhookEndpoints,
  rotateWebhookSecretChange,
  updateWebhookEndpointChange,
  type EndpointWithSecret,
} from "../services/webhook-endpoints.js";
import { mutationOf } from "./errors.js";
import { NEWEST_FIRST, WebhookAttempt, deliveryLog } from "./webhook-attempts.js";

const EDITOR = { role: "EDITOR" } as const;

const WebhookKind = builder.enumType("WebhookKind", {
  description: "The body an endpoint receives: the versioned JSON event, or a Slack or Microsoft Teams message.",
  values: ["JSON", "SLACK", "TEAMS"] as const,
});

const WebhookEventType = builder.enumType("WebhookEventType", {
  description: "What an endpoint hears of: incident or maintenance publications and updates, or any publication naming components (COMPONENT_STATUS).",
  values: WEBHOOK_EVENT_TYPES,
});

const WebhookEndpoint = builder.prismaObject("WebhookEndpoint", {
  description: "Where a page's (or a customer sub-page's) events are POSTed, signed per Standard Webhooks. Editors only.",
  authScopes: EDITOR,
  fields: (t) => ({
    id: t.exposeID("id"),
    page: t.relation("page"),
    subPage: t.relation("subPage", { nullable: true, description: "Set: only events affecting this sub-page's components." }),
    url: t.exposeString("url"),
    kind: t.expose("kind", { type: WebhookKind }),
    description: t.exposeString("description"),
    enabled: t.exposeBoolean("enabled"),
    events: t.field({ type: [WebhookEventType], select: { events: true }, resolve: (e) => endpointEvents(e) }),
    disabledReason: t.exposeString("disabledReason", { nullable: true, description: "Why the service disabled it (every attempt at an event failed)." }),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    lastDelivery: t.field({
      type: WebhookAttempt,
      nullable: true,
      description: "The latest attempt, with its status; null before the first.",
      select: { id: true },
      resolve: (e, _args, ctx) => ctx.db.webhookAttempt.findFirst({ where: { endpointId: e.id }, orderBy: [...NEWEST_FIRST] }),
    }),
    deliveries: t.connection({
      type: WebhookAttempt,
      description: "The delivery log: every attempt, newest first.",
      complexity: ({ first, last }) => ({ field: 1, multiplier: listSize(first ?? last, 20, 100) }),
      select: { id: true },
      resolve: (e, args, ctx, info) => deliveryLog(ctx, info, e.id, args),
    }),
  }),
});

const WebhookEndpointWithSecret = builder.objectRef<EndpointWithSecret>("WebhookEndpointWithSecret").implement({
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpoint, resolve: (c) => c.endpoint as EndpointRow }),
    secret: t.exposeString("secret", {
      description:
        "The signing secret (whsec_…), to verify webhook-signature with a Standard Webhooks library. Shown this once; rotateWebhookSecret issues a new one.",
    }),
  }),
});

const CreateWebhookEndpointInput = builder.inputType("CreateWebhookEndpointInput", {
  fields: (t) => ({
    pageId: t.id({ description: "The status page (its id or slug)." }),
    subPageId: t.id({ required: false, description: "One sub-page of a customer page (its id or slug): only events affecting its components." }),
    url: t.string({ description: "https:// (http:// only with WEBHOOK_ALLOW_HTTP), without user name or password." }),
    kind: t.field({ type: WebhookKind }),
    description: t.string({ required: false }),
    enabled: t.boolean({ required: false, description: "Default true." }),
    events: t.field({ type: [WebhookEventType], required: false, description: "Default: all of them." }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType("UpdateWebhookEndpointInput", {
  fields: (t) => ({
    id: t.id(),
    url: t.string({ required: false }),
    kind: t.field({ type: WebhookKind, required: false }),
    description: t.string({ required: false }),
    enabled: t.boolean({ required: false, description: "true also clears why the service disabled it." }),
    events: t.field({ type: [WebhookEventType], required: false }),
  }),
});

builder.queryField("webhookEndpoints", (t) =>
  t.prismaField({
    type: [WebhookEndpoint],
    description: "A page's webhook endpoints (its sub-pages' included), oldest first. Editors only.",
    authScopes: EDITOR,
    args: { pageId: t.arg.id({ description: "The page's id or slug." }) },
    resolve: (_query, _root, { pageId }, ctx) => listWebhookEndpoints(ctx.db, String(pageId)),
  }),
);

builder.queryField("webhookEndpoint", (t) =>
  t.prismaField({
    type: WebhookEndpoint,
    nullable: true,
    description: "One webhook endpoint, with its delivery log; null when there is none. Editors only.",
    authScopes: EDITOR,
    args: { id: t.arg.id() },
    resolve: (query, _root, { id }, ctx) => ctx.db.webhookEndpoint.findUnique({ ...query, where: { id: String(id) } }),
  }),
);

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: WebhookEndpointWithSecret,
    description: "ValidationError on `input.url` (format, scheme, credentials, host, too_long), `input.events`, `input.pageId`, `input.subPageId`.",
    ...mutationOf("EDITOR"),
    args: { input: t.arg({ type: CreateWebhookEndpointInput }) },
    resolve: (_root, { input }, ctx) =>
      commitChange(ctx, "createWebhookEndpoint", (tx, now) =>
        createWebhookEndpointChange(
          tx,
          { ...input, pageId: String(input.pageId), subPageId: input.subPageId == null ? null : String(input.subPageId) },
          now,
          ctx.webhookAllowHttp,
        ),
      ),
  }),
  updateWebhookEndpoint: t.prismaField({
    type: WebhookEndpoint,
    ...mutationOf("EDITOR"),
    args: { input: t.arg({ type: UpdateWebhookEndpointInput }) },
    resolve: (_query, _root, { input }, ctx) =>
      commitChange(ctx, "updateWebhookEndpoint", (tx, now) => updateWebhookEndpointChange(tx, String(input.id), input, now, ctx.webhookAllowHttp)),
  }),
  rotateWebhookSecret: t.field({
    type: WebhookEndpointWithSecret,
    description: "Issues a new signing secret, shown this once; the old one no longer signs anything.",
    ...mutationOf("EDITOR"),
    args: { id: t.arg.id() },
    resolve: (_root, { id }, ctx) => commitChange(ctx, "rotateWebhookSecret", (tx, now) => rotateWebhookSecretChange(tx, String(id), now)),
  }),
  deleteWebhookEndpoint: t.prismaField({
    type: WebhookEndpoint,
    description: "Deletes the endpoint and its delivery log; events queued for it are dropped.",
    ...mutationOf("EDITOR"),
    args: { id: t.arg.id() },
    resolve: (_query, _root, { id }, ctx) => commitChange(ctx, "deleteWebhookEndpoint", (tx) => deleteWebhookEndpointChange(tx, String(id))),
  }),
}));
