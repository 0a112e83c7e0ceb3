// Webhook bodies: the versioned JSON event (event.ts, built by build.ts) and the chat
// formats made from it, Slack (and Slack-compatible) and Microsoft Teams.
import type { WebhookEvent } from "./event.js";
import { slackMessage } from "./slack.js";
import { teamsMessage } from "./teams.js";

export { buildWebhookEvent, componentStatusEvent, webhookEventType, type WebhookAudience, type WebhookSource } from "./build.js";
export { WEBHOOK_EVENT_TYPES, WEBHOOK_SCHEMA_VERSION, webhookEventJsonSchema, webhookEventSchema, type WebhookEvent, type WebhookEventType } from "./event.js";
export { slackMessage } from "./slack.js";
export { teamsMessage } from "./teams.js";

/** The formats an endpoint may ask for. */
export type WebhookFormat = "JSON" | "SLACK" | "TEAMS";

/** The body POSTed to an endpoint of `kind` for `event`, ready for JSON.stringify. */
export function webhookBody(kind: WebhookFormat, event: WebhookEvent): unknown {
  if (kind === "SLACK") return slackMessage(event);
  if (kind === "TEAMS") return teamsMessage(event);
  return event;
}
