// The event a webhook delivery carries, read when it is sent: the incident's or
// maintenance's update the outbox event names, the page (and sub-page) it is on, and
// the derived status now of each component the update names.
import type { Db } from "../db/client.js";
import type { SubPage, StatusPage } from "../generated/sqlite/client.js";
import { componentStatuses, loadPageActivity } from "../services/page-activity.js";
import type { ClaimedDelivery } from "./deliveries.js";
import type { WebhookEvent, WebhookSubject } from "./payloads/index.js";

const iso = (d: Date) => d.toISOString();

async function subjectOf(db: Db, event: ClaimedDelivery["event"]): Promise<Pick<WebhookEvent, "incident" | "maintenance"> | null> {
  if (event.subject === "INCIDENT") {
    const u = await db.incidentUpdate.findUnique({
      where: { incidentId_sequence: { incidentId: event.subjectId, sequence: event.sequence } },
      include: { incident: { select: { name: true } }, impacts: { include: { component: { select: { name: true } } } } },
    });
    if (!u) return null;
    const impacts = u.impacts.map((i) => ({ componentId: i.componentId, name: i.component.name, impact: i.impact }));
    const incident: WebhookSubject = { id: event.subjectId, name: u.incident.name, status: u.status, message: u.message, sequence: u.sequence, impacts };
    return { incident };
  }
  const u = await db.maintenanceUpdate.findUnique({
    where: { maintenanceId_sequence: { maintenanceId: event.subjectId, sequence: event.sequence } },
    include: { maintenance: { include: { components: { include: { component: { select: { name: true } } } } } } },
  });
  if (!u) return null;
  const m = u.maintenance;
  const impacts = m.components.map((c) => ({ componentId: c.componentId, name: c.component.name, impact: c.impact }));
  return {
    maintenance: {
      id: m.id,
      name: m.name,
      status: u.status,
      message: u.message,
      sequence: u.sequence,
      impacts,
      startsAt: iso(m.startsAt),
      endsAt: iso(m.endsAt),
    },
  };
}

/** The event for `delivery` to an endpoint on `page` (and `subPage`); null when its incident or maintenance is gone. */
export async function webhookEventOf(
  db: Db,
  delivery: ClaimedDelivery,
  page: StatusPage,
  subPage: SubPage | null,
  baseUrl: string,
): Promise<WebhookEvent | null> {
  const { event } = delivery;
  const subject = await subjectOf(db, event);
  if (!subject) return null;
  const base = baseUrl.replace(/\/+$/, "");
  const pageUrl = `${base}/${encodeURIComponent(page.slug)}`;
  const named = (subject.incident ?? subject.maintenance)!.impacts;
  const [activity] = await loadPageActivity(db, [page.id]);
  const statuses = activity
    ? componentStatuses(
        activity,
        named.map((c) => c.componentId),
      )
    : new Map<string, string>();
  return {
    type: `${event.subject.toLowerCase()}.${event.kind.toLowerCase()}`,
    id: delivery.idempotencyId,
    timestamp: iso(event.createdAt),
    version: 1,
    page: { id: page.id, title: page.title, slug: page.slug, url: pageUrl },
    subPage: subPage && { id: subPage.id, name: subPage.name, slug: subPage.slug, url: `${pageUrl}/${encodeURIComponent(subPage.slug)}` },
    ...subject,
    componentStatuses: named.map((c) => ({ id: c.componentId, name: c.name, status: statuses.get(c.componentId) ?? "OPERATIONAL" })),
  };
}
