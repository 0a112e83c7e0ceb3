/** The notification worker with its senders: email through the mail transport, webhooks behind the address guard. */
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { requestBaseUrl } from "../http/base-url.js";
import type { Logger } from "../logger.js";
import { emailSender } from "../notifications/email-sender.js";
import type { MailTransport } from "../notifications/transport.js";
import { disableFailingEndpoint } from "../notifications/webhook-disable.js";
import { webhookSender } from "../notifications/webhook-sender.js";
import { startNotificationWorker, type NotificationWorker } from "../notifications/worker.js";
import type { MutationPriority } from "../notifications/priority.js";
import type { ChangeFlow } from "../services/change.js";
import type { AppOptions, WebhookSettings } from "./options.js";

export interface NotificationParts {
  db: Db;
  events: Events;
  now: () => Date;
  log: Logger;
  timers: boolean;
  changes: ChangeFlow;
  mailTransport: MailTransport;
  /** Where links in messages point; null: the address the service would answer on. */
  publicUrl: string | null;
  webhooks: WebhookSettings;
  /** Mutations in progress, which deliveries give way to. */
  mutations: MutationPriority;
}

/** Starts the worker that delivers the outbox's notifications; `settings` override its defaults (tests shorten them). */
export function startNotifications(parts: NotificationParts, settings: AppOptions["notifications"] = {}): NotificationWorker {
  const { db, now, log, changes, mailTransport } = parts;
  const baseUrl = parts.publicUrl ?? requestBaseUrl(null);
  const { allowPrivateAddresses, timeoutMs } = parts.webhooks;
  const disableEndpoint = disableFailingEndpoint({ db, now, changes, mailTransport, log, baseUrl });
  return startNotificationWorker({
    db,
    events: parts.events,
    now,
    log,
    timers: parts.timers,
    priority: parts.mutations,
    ...settings,
    senders: {
      EMAIL: emailSender(db, mailTransport, baseUrl),
      WEBHOOK: webhookSender({ db, now, baseUrl, allowPrivateAddresses, connectTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs }),
    },
    gaveUp: { WEBHOOK: disableEndpoint.gaveUp },
    failing: { WEBHOOK: disableEndpoint.failing },
  });
}
