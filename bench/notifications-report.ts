// The notifications row's table: delivery time, rate and memory, and whether the
// publish that notifies everyone stays within 20% of the same publish notifying no one.
import type { NotificationFigures } from "./notifications-protocol.js";

/** The publish with subscribers may take at most this much longer than without. */
export const PUBLISH_TOLERANCE = 1.2;

const n0 = (v: number) => Math.round(v).toLocaleString("en-US");
const n1 = (v: number) => v.toFixed(1);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Both publishes within the tolerance: the one that notifies everyone, and the median of those made while delivering. */
export function notificationsMet(f: NotificationFigures): boolean {
  return f.loadedPublishMs / f.baselinePublishMs <= PUBLISH_TOLERANCE && f.duringDeliveryPublishMs / f.baselinePublishMs <= PUBLISH_TOLERANCE;
}

export function renderNotifications(f: NotificationFigures): string[] {
  const ratio = f.loadedPublishMs / f.baselinePublishMs;
  const duringRatio = f.duringDeliveryPublishMs / f.baselinePublishMs;
  const verdict = (r: number) => (r <= PUBLISH_TOLERANCE ? "PASS" : "FAIL");
  const audience = [`${n0(f.emailSubscribers)} confirmed email subscribers`, ...(f.webhookEndpoints ? [`${n0(f.webhookEndpoints)} webhook endpoints`] : [])];
  return [
    `### Notifications (one incident published to a page with ${audience.join(" and ")}, sinks on loopback)`,
    "",
    "| figure | value |",
    "| --- | ---: |",
    `| messages delivered (email${f.webhookEndpoints ? " + webhook" : ""}) | ${n0(f.emails)}${f.webhookEndpoints ? ` + ${n0(f.webhookDeliveries)}` : ""} |`,
    `| repeated messages (accepted twice for one address) | ${n0(f.repeats)} |`,
    `| publish to the last delivery, s | ${n1(f.lastDeliveryMs / 1000)} |`,
    `| messages per second | ${n1(f.messagesPerSecond)} |`,
    `| server RSS before → peak | ${mib(f.baselineRssBytes)} → ${mib(f.peakRssBytes)} |`,
    `| server heap before → peak | ${mib(f.baselineHeapBytes)} → ${mib(f.peakHeapBytes)} |`,
    `| publishIncident with no subscribers, p50 of ${f.baselineSamples}, ms | ${n1(f.baselinePublishMs)} |`,
    `| publishIncident notifying everyone, ms | ${n1(f.loadedPublishMs)} |`,
    `| publishIncident (no subscribers) while delivering, p50 of ${f.duringSamples} / slowest, ms | ${n1(f.duringDeliveryPublishMs)} / ${n1(f.duringDeliveryMaxMs)} |`,
    "",
    `Publish with subscribers over without: ${ratio.toFixed(2)} (target ≤ ${PUBLISH_TOLERANCE}): ${verdict(ratio)}.`,
    `Publish while delivering over without, p50: ${duringRatio.toFixed(2)} (target ≤ ${PUBLISH_TOLERANCE}): ${verdict(duringRatio)}.`,
  ];
}
