// An endpoint whose delivery failed on its last attempt (after more than a day of
// retries) is disabled, as a change the system makes: audited like any other, with the
// reason. The operators who can fix it — every enabled ADMIN and EDITOR — are emailed.
import type { Db } from "../db/client.js";
import { escapeMarkup } from "../domain/markup.js";
import type { Logger } from "../logger.js";
import { commitChange, systemScope, type ChangeFlow } from "../services/change.js";
import { disableWebhookEndpointChange } from "../services/webhook-endpoints.js";
import type { ClaimedDelivery } from "./deliveries.js";
import type { MailTransport } from "./transport.js";

export interface WebhookDisableOptions {
  db: Db;
  now: () => Date;
  changes: ChangeFlow;
  mailTransport: MailTransport;
  log: Logger;
  baseUrl: string;
}

/** Disables the endpoint of a delivery the worker gave up on, and tells the page's editors and admins. */
export function disableFailingEndpoint(options: WebhookDisableOptions) {
  const { db, now, log } = options;
  return async (delivery: ClaimedDelivery, error: string): Promise<void> => {
    const reason = `Delivery ${delivery.idempotencyId} failed on all ${delivery.attempts + 1} attempts; the last: ${error}`;
    const endpoint = await commitChange(systemScope(db, now, options.changes), "disableWebhookEndpoint", (tx, at) =>
      disableWebhookEndpointChange(tx, delivery.recipientId, reason, at),
    );
    if (!endpoint) return;
    const page = await db.statusPage.findUnique({ where: { id: endpoint.pageId }, select: { title: true, slug: true } });
    const operators = await db.operator.findMany({ where: { role: { in: ["ADMIN", "EDITOR"] }, disabledAt: null }, select: { email: true } });
    const title = page?.title ?? "a status page";
    const text = [
      `The webhook endpoint ${endpoint.url} of "${title}" was disabled.`,
      "",
      reason,
      "",
      "No more events are sent to it. Once it answers again, enable it (updateWebhookEndpoint with enabled: true);",
      `its delivery log shows every attempt: ${options.baseUrl.replace(/\/+$/, "")}/graphql (webhookEndpoint.deliveries).`,
    ].join("\n");
    const html = `<p>${text.split("\n").filter(Boolean).map(escapeMarkup).join("</p><p>")}</p>`;
    for (const { email } of operators) {
      await options.mailTransport
        .send({ to: email, subject: `[${title}] Webhook endpoint disabled: ${endpoint.url}`, text, html })
        .catch((failure: unknown) => log.error({ err: failure, to: email }, "Could not email that a webhook endpoint was disabled"));
    }
  };
}
