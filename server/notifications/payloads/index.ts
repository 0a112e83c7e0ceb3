// The body a webhook endpoint receives for one event, by the endpoint's kind. Only the
// JSON body so far: SLACK and TEAMS endpoints receive it too until their formats land.

/** The versioned event a webhook carries, as JSON. */
export interface WebhookEvent {
  /** e.g. `incident.published`, `incident.updated`, `maintenance.started`. */
  type: string;
  /** The delivery's idempotency id: the same on every attempt (also the webhook-id header). */
  id: string;
  /** ISO 8601 instant of the change. */
  timestamp: string;
  version: 1;
  page: { id: string; title: string; slug: string; url: string };
  subPage: { id: string; name: string; slug: string; url: string } | null;
  incident?: WebhookSubject;
  maintenance?: WebhookSubject & { startsAt: string; endsAt: string };
  /** Components the update names, with their derived status now. */
  componentStatuses: { id: string; name: string; status: string }[];
}

/** An incident or maintenance as of the update the event is about. */
export interface WebhookSubject {
  id: string;
  name: string;
  status: string;
  message: string;
  /** The update's sequence number (1 for the publication). */
  sequence: number;
  impacts: { componentId: string; name: string; impact: string }[];
}

/** The request body for an endpoint of `kind`. */
export function webhookBody(_kind: "JSON" | "SLACK" | "TEAMS", event: WebhookEvent): unknown {
  return event;
}
