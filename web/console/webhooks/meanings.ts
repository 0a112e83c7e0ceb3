// Words for the webhook API's enums, as the screen shows them.
import type { SchemaType } from "../../src/graphql.js";

export type WebhookKind = SchemaType<"WebhookKind">;
export type WebhookEventType = SchemaType<"WebhookEventType">;

/** Each format by what the receiver gets. */
export const KIND_LABELS: Record<WebhookKind, string> = {
  JSON: "Standard Webhooks JSON",
  SLACK: "Slack message",
  TEAMS: "Microsoft Teams message",
};

export const KINDS = Object.keys(KIND_LABELS) as WebhookKind[];

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  INCIDENT: "Incidents",
  MAINTENANCE: "Maintenance",
  COMPONENT_STATUS: "Component status changes",
};

export const EVENT_TYPES = Object.keys(EVENT_LABELS) as WebhookEventType[];
