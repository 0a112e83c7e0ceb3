// The versioned JSON body every webhook endpoint receives, as a zod schema: the type
// checked at compile time, the check run in tests, and the JSON Schema document in
// docs/webhooks/event.schema.json (written from it by scripts/webhook-schema.ts) are
// one definition. A change that breaks receivers gets a new schemaVersion.
import { z } from "zod";
import { COMPONENT_STATUSES, INCIDENT_IMPACTS, INCIDENT_STATUSES, MAINTENANCE_IMPACTS, MAINTENANCE_STATUSES } from "../../domain/types.js";

/** The version of the body's shape; receivers may dispatch on it. */
export const WEBHOOK_SCHEMA_VERSION = "2026-12-01";

export const WEBHOOK_EVENT_TYPES = [
  "incident.created",
  "incident.updated",
  "incident.resolved",
  "incident.deleted",
  "maintenance.scheduled",
  "maintenance.started",
  "maintenance.updated",
  "maintenance.completed",
  "maintenance.deleted",
  "component.status_changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 in UTC");
const url = z.url({ protocol: /^https?$/ });

const page = z.object({ id: z.string(), slug: z.string(), title: z.string(), url }).describe("The status page");
const subPage = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), url })
  .describe("The customer sub-page the endpoint belongs to; the body then names only its components");

const incidentImpact = z.object({ componentId: z.string(), componentName: z.string(), impact: z.enum(INCIDENT_IMPACTS) });
const maintenanceImpact = z.object({ componentId: z.string(), componentName: z.string(), impact: z.enum(MAINTENANCE_IMPACTS) });
const message = z.string().describe("The update's message, Markdown as the operator wrote it");

const incident = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  message,
  impacts: z.array(incidentImpact),
  publishedAt: instant.describe("When this update was published"),
  url,
});

const maintenance = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(MAINTENANCE_STATUSES),
  message,
  impacts: z.array(maintenanceImpact),
  startsAt: instant,
  endsAt: instant,
  publishedAt: instant.describe("When this update was published"),
  url,
});

const deleted = z
  .object({ id: z.string(), name: z.string().optional().describe("Its name, when known at delivery") })
  .describe("What was deleted: it no longer shows on the page");

const componentChange = z
  .object({ id: z.string(), name: z.string(), from: z.enum(COMPONENT_STATUSES), to: z.enum(COMPONENT_STATUSES) })
  .describe("The status this incident or maintenance gave the component, before and after the change");

const envelope = {
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  id: z.string().describe("The event's id: the same on every retry and for every endpoint, for de-duplication"),
  timestamp: instant.describe("When the change was made"),
  page,
  subPage: subPage.optional(),
  components: z.array(componentChange),
};

/** The body of a webhook delivery, one variant per family of `type`. */
export const webhookEventSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.enum(["incident.created", "incident.updated", "incident.resolved"]), ...envelope, incident }),
    z.object({ type: z.literal("incident.deleted"), ...envelope, incident: deleted }),
    z.object({ type: z.enum(["maintenance.scheduled", "maintenance.started", "maintenance.updated", "maintenance.completed"]), ...envelope, maintenance }),
    z.object({ type: z.literal("maintenance.deleted"), ...envelope, maintenance: deleted }),
    z.object({ type: z.literal("component.status_changed"), ...envelope }),
  ])
  .meta({ title: "Statusgraph webhook event", description: `Version ${WEBHOOK_SCHEMA_VERSION} of the body Statusgraph POSTs to webhook endpoints.` });

/** One webhook event, as sent in the JSON format. */
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type IncidentEvent = Extract<WebhookEvent, { incident: { status: string } }>;
export type MaintenanceEvent = Extract<WebhookEvent, { maintenance: { status: string } }>;

/** The JSON Schema (draft 2020-12) document of the body, as committed in docs/webhooks/event.schema.json. */
export function webhookEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(webhookEventSchema, { target: "draft-2020-12" });
}
