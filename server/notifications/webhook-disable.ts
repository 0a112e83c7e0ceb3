// An endpoint that keeps failing is disabled, as a change the system makes: audited like
// any other, with the reason. Two things disable it: a delivery that failed on its last
// attempt (after more than a day of retries), and a streak of failed attempts spanning
// a day (domain/retry-policy.ts), counted from its delivery log since its last success.
// The operators who can fix it — every enabled ADMIN and EDITOR — are emailed.
import type { Db } from "../db/client.js";
import { escapeMarkup } from "../domain/markup.js";
import { streakDisables, WEBHOOK_FAILURE_STREAK, type FailureStreakPolicy } from "../domain/retry-policy.js";
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
  streak?: FailureStreakPolicy;
}

/** The worker's hooks: `gaveUp` for a delivery out of attempts, `failing` for each failed attempt that will be retried. */
export function disableFailingEndpoint(options: WebhookDisableOptions) {
  const { db } = options;
  const policy = options.streak ?? WEBHOOK_FAILURE_STREAK;
  return {
    gaveUp: async (delivery: ClaimedDelivery, error: string): Promise<void> => {
      await disableEndpoint(
        options,
        delivery.recipientId,
        `Delivery ${delivery.idempotencyId} failed on all ${delivery.attempts + 1} attempts; the last: ${error}`,
      );
    },
    failing: async (delivery: ClaimedDelivery, error: string): Promise<void> => {
      const endpointId = delivery.recipientId;
      const lastSent = await db.webhookAttempt.findFirst({ where: { endpointId, status: "SENT" }, orderBy: { at: "desc" }, select: { at: true } });
      const streak = await db.webhookAttempt.aggregate({
        where: { endpointId, status: "FAILED", ...(lastSent ? { at: { gt: lastSent.at } } : {}) },
        _count: { _all: true },
        _min: { at: true },
      });
      const first = streak._min.at;
      if (!streakDisables(streak._count._all, first, options.now(), policy)) return;
      const since = first!.toISOString().replace(".000Z", "Z");
      await disableEndpoint(options, endpointId, `${streak._count._all} attempts in a row failed since ${since}; the last: ${error}`);
    },
  };
}

/** Disables the endpoint (unless it already is) and tells the page's editors and admins. */
async function disableEndpoint(options: WebhookDisableOptions, endpointId: string, reason: string): Promise<void> {
  const { db, now, log } = options;
  const endpoint = await commitChange(systemScope(db, now, options.changes), "disableWebhookEndpoint", (tx, at) =>
    disableWebhookEndpointChange(tx, endpointId, reason, at),
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
}
