// Turns an email delivery into its message: the incident's or maintenance's update the
// event names, in the page's look, with links to the page and to the subscription's
// manage and one-click unsubscribe routes (RFC 8058 headers included).
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { renderNotification, type NotificationContent } from "./email-template.js";
import type { ClaimedDelivery } from "./deliveries.js";
import { STATUS_WORDS } from "./payloads/words.js";
import type { MailTransport } from "./transport.js";
import { PermanentDeliveryError, type DeliverySender } from "./worker.js";

/** Links of a subscription, from the secret its emails carry. */
export function subscriptionLinks(baseUrl: string, linkSecret: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    manageUrl: `${base}/subscriptions/manage?token=${linkSecret}`,
    unsubscribeUrl: `${base}/subscriptions/unsubscribe?token=${linkSecret}`,
  };
}

/** What the event's update says; null when its incident or maintenance is gone. */
async function updateOf(db: Db, event: ClaimedDelivery["event"]) {
  if (event.subject === "INCIDENT") {
    const u = await db.incidentUpdate.findUnique({
      where: { incidentId_sequence: { incidentId: event.subjectId, sequence: event.sequence } },
      include: { incident: { select: { name: true } }, impacts: { include: { component: { select: { name: true } } } } },
    });
    return (
      u && { label: "Incident", name: u.incident.name, status: u.status, message: u.message, components: u.impacts.map((i) => i.component.name), window: null }
    );
  }
  const u = await db.maintenanceUpdate.findUnique({
    where: { maintenanceId_sequence: { maintenanceId: event.subjectId, sequence: event.sequence } },
    include: { maintenance: { include: { components: { include: { component: { select: { name: true } } } } } } },
  });
  if (!u) return null;
  const m = u.maintenance;
  const window = `${m.startsAt.toISOString().replace(".000Z", "Z")} to ${m.endsAt.toISOString().replace(".000Z", "Z")}`;
  return { label: "Maintenance", name: m.name, status: u.status, message: u.message, components: m.components.map((c) => c.component.name), window };
}

/**
 * Stands for a subscriber's link secret in a rendered message, which is then the same
 * for every subscriber of a page or sub-page: rendering is most of a delivery's work,
 * so one event to thousands renders once. Letters and digits only, so that neither
 * HTML nor the text part changes it.
 */
const SECRET_SLOT = `SGLINKSECRET${"0".repeat(38)}`;

/** The sender of email deliveries through `transport`; links point at `baseUrl`. */
export function emailSender(db: Db, transport: MailTransport, baseUrl: string): DeliverySender {
  // Keyed by everything the message says, so an edited page or incident renders anew.
  const rendered = new LRUCache<string, Promise<{ html: string; text: string }>>({ max: 64 });
  return async (delivery) => {
    const subscriber = await db.emailSubscriber.findUnique({
      where: { id: delivery.recipientId },
      include: { page: true, subPage: { select: { slug: true } } },
    });
    if (!subscriber || subscriber.unsubscribedAt) throw new PermanentDeliveryError("the subscriber unsubscribed");
    const update = await updateOf(db, delivery.event);
    if (!update) throw new PermanentDeliveryError(`the ${delivery.event.subject.toLowerCase()} was deleted`);
    const page = subscriber.page;
    const base = baseUrl.replace(/\/+$/, "");
    const links = subscriptionLinks(base, subscriber.linkSecret);
    const slots = subscriptionLinks(base, SECRET_SLOT);
    const status = STATUS_WORDS[update.status] ?? update.status;
    const content: NotificationContent = {
      pageTitle: page.title,
      theme: page.theme,
      logoUrl: page.logoUrl,
      subjectLabel: update.label,
      name: update.name,
      status,
      message: update.message,
      components: update.components,
      window: update.window,
      pageUrl: `${base}/${encodeURIComponent(page.slug)}${subscriber.subPage ? `/${encodeURIComponent(subscriber.subPage.slug)}` : ""}`,
      ...slots,
    };
    const key = JSON.stringify(content);
    let render = rendered.get(key);
    if (!render) {
      render = renderNotification(content);
      rendered.set(key, render);
      render.catch(() => rendered.delete(key));
    }
    const message = await render;
    const [html, text] = [message.html, message.text].map((part) => part.replaceAll(SECRET_SLOT, subscriber.linkSecret));
    await transport.send({
      to: subscriber.email,
      subject: `[${page.title}] ${update.label}: ${update.name} — ${status}`,
      html,
      text,
      messageId: `${delivery.idempotencyId}@statusgraph`,
      headers: {
        "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Statusgraph-Idempotency-Id": delivery.idempotencyId,
      },
    });
  };
}
