// Sends webhook deliveries: the endpoint's body for the event, signed the Standard
// Webhooks way (webhook-id = the delivery's idempotency id, the same on every attempt),
// POSTed through the guarded client. Every attempt is written to the endpoint's delivery
// log, with the delivery's outcome; only a 2xx answer counts as delivered (a redirect is a failure, never followed).
// An event the endpoint no longer hears of (gone, or off its sub-page) is skipped unsent.
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import type { Db } from "../db/client.js";
import type { WebhookEndpoint } from "../generated/sqlite/client.js";
import type { ClaimedDelivery } from "./deliveries.js";
import type { SendOutcome } from "./delivery-ledger.js";
import { buildWebhookEvent, webhookBody, type WebhookEvent } from "./payloads/index.js";
import { postWebhook, type WebhookHttpOptions } from "./webhook-http.js";
import type { DeliverySender, Send } from "./worker.js";

export interface WebhookSenderOptions extends WebhookHttpOptions {
  db: Db;
  now: () => Date;
  /** The service's public origin, for the page links in the payload. */
  baseUrl: string;
}

/** Why an answer is not a delivery, or null for a 2xx. */
function failureOf(status: number | null, error: string | null): string | null {
  if (status === null) return error ?? "no response";
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `redirect not followed (HTTP ${status})`;
  return `HTTP ${status}`;
}

/** The sender of webhook deliveries: a batch's endpoints in one query, each event's body built once per sub-page. */
export function webhookSender(options: WebhookSenderOptions): DeliverySender {
  const { db, now } = options;

  async function send(delivery: ClaimedDelivery, endpoint: WebhookEndpoint, body: string, hold: () => Promise<boolean>): Promise<SendOutcome | "LOST"> {
    // The wall clock, not the service's: receivers compare webhook-timestamp with their own clock to refuse replays.
    const signedAt = new Date();
    const signature = new Webhook(endpoint.secret).sign(delivery.idempotencyId, signedAt, body);
    const headers = {
      "webhook-id": delivery.idempotencyId,
      "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
      "webhook-signature": signature,
    };
    if (!(await hold())) return "LOST";
    const started = performance.now();
    const response = await postWebhook(endpoint.url, body, headers, options);
    const durationMs = Math.round(performance.now() - started);
    const failure = failureOf(response.status, response.error);
    const attempt = {
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      webhookId: delivery.idempotencyId,
      attempt: delivery.attempts + 1,
      status: failure ? "FAILED" : "SENT",
      responseCode: response.status,
      durationMs,
      error: failure?.slice(0, 1000) ?? null,
      at: now(),
    };
    return failure ? { status: "FAILED", error: failure, permanent: false, attempt } : { status: "SENT", attempt };
  }

  return async (batch) => {
    const endpoints = await db.webhookEndpoint.findMany({ where: { id: { in: batch.map((d) => d.recipientId) } } });
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const bodies = new Map<string, Promise<WebhookEvent | null>>();
    const eventFor = (delivery: ClaimedDelivery, endpoint: WebhookEndpoint) => {
      const key = `${delivery.event.id}/${endpoint.subPageId ?? ""}`;
      if (!bodies.has(key)) bodies.set(key, buildWebhookEvent(db, delivery.event, { subPageId: endpoint.subPageId }, options.baseUrl));
      return bodies.get(key)!;
    };
    const sends = await Promise.all(
      batch.map(async (delivery): Promise<[string, Send]> => {
        const endpoint = byId.get(delivery.recipientId);
        if (!endpoint) return [delivery.id, async () => ({ status: "FAILED", error: "the webhook endpoint was deleted", permanent: true })];
        if (!endpoint.enabled) return [delivery.id, async () => ({ status: "FAILED", error: "the webhook endpoint is disabled", permanent: true })];
        const event = await eventFor(delivery, endpoint);
        // Not a failed attempt: the endpoint simply no longer hears of this event.
        if (!event)
          return [
            delivery.id,
            async () => ({ status: "SKIPPED", reason: `the ${delivery.event.subject.toLowerCase()} is gone or not shown to this endpoint` }),
          ];
        const body = JSON.stringify(webhookBody(endpoint.kind, event));
        return [delivery.id, (hold) => send(delivery, endpoint, body, hold)];
      }),
    );
    return new Map(sends);
  };
}
