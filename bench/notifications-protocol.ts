// What the notifications row's app process (notifications-server.ts) and bench/notifications.ts
// tell each other, and the figures the row reports.

export type FromNotificationsServer =
  | {
      type: "ready";
      url: string;
      apiKey: string;
      /** The page with the confirmed email subscribers, and one with none (same components). */
      loadedPageId: string;
      emptyPageId: string;
      componentId: string;
    }
  /** Peaks since the last "reset", bytes; sampled every 50 ms. */
  | { type: "memory"; rss: number; heapUsed: number; baselineRss: number; baselineHeapUsed: number }
  | { type: "failed"; error: string };
export type ToNotificationsServer = { type: "reset" } | { type: "memory" } | { type: "stop" };

/** From the receivers' process (notifications-sinks.ts): counts once the expected distinct recipients all have a message; `lastAt` is clock() at the last one. */
export type FromSinks =
  | { type: "ready"; smtpUrl: string; webhookUrl: string }
  | { type: "done"; emails: number; distinctEmails: number; webhooks: number; distinctWebhooks: number; lastAt: number }
  | { type: "failed"; error: string };
/** "expect": answer "done" once this many distinct addresses and webhook-ids have had a message. */
export type ToSinks = { type: "expect"; emails: number; webhooks: number } | { type: "stop" };

export interface NotificationFigures {
  emailSubscribers: number;
  webhookEndpoints: number;
  /** publishIncident, request to response: the median with no subscribers, and the publish that notified everyone. */
  baselinePublishMs: number;
  baselineSamples: number;
  loadedPublishMs: number;
  /** publishIncident on the page without subscribers while the deliveries are being sent, from the first to the last: the median and the slowest. */
  duringDeliveryPublishMs: number;
  duringDeliveryMaxMs: number;
  duringSamples: number;
  /** From the publish's request to the last message the sinks accepted. */
  lastDeliveryMs: number;
  /** Distinct addresses the SMTP sink accepted a message for. */
  emails: number;
  /** Messages accepted beyond one per address (a send retried after the sink had it). */
  repeats: number;
  webhookDeliveries: number;
  messagesPerSecond: number;
  /** The server process's peaks while delivering, and its figures just before the publish. */
  peakRssBytes: number;
  peakHeapBytes: number;
  baselineRssBytes: number;
  baselineHeapBytes: number;
}
