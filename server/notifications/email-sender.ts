// Turns email deliveries into their messages: the incident's or maintenance's update the
// event names, in the page's look, with links to the page and to the subscription's
// manage and one-click unsubscribe routes (RFC 8058 headers included). A batch's
// subscribers are read in one query and each event's update once.
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { renderNotification, type NotificationContent } from "./email-template.js";
import type { ClaimedDelivery } from "./deliveries.js";
import type { SendOutcome } from "./delivery-ledger.js";
import { STATUS_WORDS } from "./payloads/words.js";
import type { MailTransport } from "./transport.js";
import type { DeliverySender, Send } from "./worker.js";

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

type Update = NonNullable<Awaited<ReturnType<typeof updateOf>>>;
type Subscriber = Awaited<ReturnType<typeof subscribersOf>>[number];

/** A batch's subscribers, with their page, in one query. */
function subscribersOf(db: Db, ids: string[]) {
  return db.emailSubscriber.findMany({ where: { id: { in: ids } }, include: { page: true, subPage: { select: { slug: true } } } });
}

/** The sender of email deliveries through `transport`; links point at `baseUrl`. */
export function emailSender(db: Db, transport: MailTransport, baseUrl: string): DeliverySender {
  const mailer: Mailer = { transport, base: baseUrl.replace(/\/+$/, ""), render: renderCache() };
  return async (batch) => {
    const subscribers = new Map(
      (
        await subscribersOf(
          db,
          batch.map((d) => d.recipientId),
        )
      ).map((s) => [s.id, s]),
    );
    const events = new Map(batch.map((d) => [d.event.id, d.event]));
    const updates = new Map(await Promise.all([...events.values()].map(async (e) => [e.id, await updateOf(db, e)] as const)));
    return new Map(
      batch.map((delivery): [string, Send] => {
        const subscriber = subscribers.get(delivery.recipientId);
        const update = updates.get(delivery.event.id);
        if (!subscriber || subscriber.unsubscribedAt) return [delivery.id, async () => gone("the subscriber unsubscribed")];
        if (!update) return [delivery.id, async () => gone(`the ${delivery.event.subject.toLowerCase()} was deleted`)];
        return [delivery.id, (hold) => sendEmail(mailer, delivery, subscriber, update, hold)];
      }),
    );
  };
}

/** What one sender's messages go out through and link to. */
interface Mailer {
  transport: MailTransport;
  /** The base URL, without trailing slashes. */
  base: string;
  render: (content: NotificationContent) => Promise<{ html: string; text: string }>;
}

/** Renders a message once per content, keeping the last few. */
function renderCache() {
  // Keyed by everything the message says, so an edited page or incident renders anew.
  const rendered = new LRUCache<string, Promise<{ html: string; text: string }>>({ max: 64 });
  return (content: NotificationContent) => {
    const key = JSON.stringify(content);
    let pending = rendered.get(key);
    if (!pending) {
      pending = renderNotification(content);
      rendered.set(key, pending);
      pending.catch(() => rendered.delete(key));
    }
    return pending;
  };
}

/** What the message says, with the secret slot in its links. */
function contentOf(base: string, subscriber: Subscriber, update: Update, status: string): NotificationContent {
  const page = subscriber.page;
  return {
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
    ...subscriptionLinks(base, SECRET_SLOT),
  };
}

async function sendEmail(
  mailer: Mailer,
  delivery: ClaimedDelivery,
  subscriber: Subscriber,
  update: Update,
  hold: () => Promise<boolean>,
): Promise<SendOutcome | "LOST"> {
  const page = subscriber.page;
  const links = subscriptionLinks(mailer.base, subscriber.linkSecret);
  const status = STATUS_WORDS[update.status] ?? update.status;
  const message = await mailer.render(contentOf(mailer.base, subscriber, update, status));
  const html = message.html.replaceAll(SECRET_SLOT, subscriber.linkSecret);
  const text = message.text.replaceAll(SECRET_SLOT, subscriber.linkSecret);
  if (!(await hold())) return "LOST";
  await mailer.transport.send({
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
  return { status: "SENT" };
}

/** Retrying cannot help: the recipient or the subject is gone. */
function gone(error: string): SendOutcome {
  return { status: "FAILED", error, permanent: true };
}
