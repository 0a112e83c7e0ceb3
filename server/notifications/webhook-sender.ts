// Sends a webhook delivery: the endpoint's body for the event, signed the Standard
// Webhooks way (webhook-id = the delivery's idempotency id, the same on every attempt),
// POSTed through the guarded client. Every attempt is written to the endpoint's delivery
// log; only a 2xx answer counts as delivered (a redirect is a failure, never followed).
// An event the endpoint no longer hears of (gone, or off its sub-page) is skipped unsent.
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import type { Db } from "../db/client.js";
import type { ClaimedDelivery } from "./deliveries.js";
import { buildWebhookEvent, webhookBody } from "./payloads/index.js";
import { postWebhook, type WebhookHttpOptions } from "./webhook-http.js";
import { NothingToSend, PermanentDeliveryError, type DeliverySender } from "./worker.js";

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

/** The sender of webhook deliveries. */
export function webhookSender(options: WebhookSenderOptions): DeliverySender {
  const { db, now } = options;
  return async (delivery: ClaimedDelivery) => {
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id: delivery.recipientId } });
    if (!endpoint) throw new PermanentDeliveryError("the webhook endpoint was deleted");
    if (!endpoint.enabled) throw new PermanentDeliveryError("the webhook endpoint is disabled");
    const event = await buildWebhookEvent(db, delivery.event, { subPageId: endpoint.subPageId }, options.baseUrl);
    // Not a failed attempt: the endpoint simply no longer hears of this event.
    if (!event) throw new NothingToSend(`the ${delivery.event.subject.toLowerCase()} is gone or not shown to this endpoint`);
    const body = JSON.stringify(webhookBody(endpoint.kind, event));
    // The wall clock, not the service's: receivers compare webhook-timestamp with their own clock to refuse replays.
    const signedAt = new Date();
    const signature = new Webhook(endpoint.secret).sign(delivery.idempotencyId, signedAt, body);
    const headers = {
      "webhook-id": delivery.idempotencyId,
      "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
      "webhook-signature": signature,
    };
    const started = performance.now();
    const response = await postWebhook(endpoint.url, body, headers, options);
    const durationMs = Math.round(performance.now() - started);
    const failure = failureOf(response.status, response.error);
    await db.webhookAttempt.create({
      data: {
        endpointId: endpoint.id,
        deliveryId: delivery.id,
        webhookId: delivery.idempotencyId,
        attempt: delivery.attempts + 1,
        status: failure ? "FAILED" : "SENT",
        responseCode: response.status,
        durationMs,
        error: failure?.slice(0, 1000) ?? null,
        at: now(),
      },
    });
    if (failure) throw new Error(failure);
  };
}
