// An outbox event (outbox.ts) as the webhook body of one endpoint: what the event's
// update says, read now from the database, in the versioned shape of event.ts. An
// endpoint of a customer sub-page hears only of its sub-page's components.
import type { Db } from "../../db/client.js";
import type { NotificationEvent, Prisma } from "../../generated/sqlite/client.js";
import { subPageComponentIds } from "../../services/page-components.js";
import { incidentChanges, maintenanceChanges } from "./component-changes.js";
import { WEBHOOK_SCHEMA_VERSION, type IncidentEvent, type MaintenanceEvent, type WebhookEvent } from "./event.js";

type Reader = Db | Prisma.TransactionClient;

/** Who the body is for: the page's endpoint (`subPageId` null) or a customer sub-page's. */
export interface WebhookAudience {
  subPageId: string | null;
}

/** The outbox's fields the body is built from (a NotificationEvent row, or the same facts from elsewhere). */
export type WebhookSource = Pick<NotificationEvent, "id" | "pageId" | "subject" | "subjectId" | "kind" | "sequence" | "componentIds" | "createdAt"> & {
  /** The deleted incident's or maintenance's name, when the caller still knows it. */
  subjectName?: string;
};

/** The event types of the outbox's kinds; deletions are built apart (nothing is left to read). */
const INCIDENT_TYPES: Partial<Record<string, IncidentEvent["type"]>> = {
  PUBLISHED: "incident.created",
  UPDATED: "incident.updated",
  RESOLVED: "incident.resolved",
};
const MAINTENANCE_TYPES: Partial<Record<string, MaintenanceEvent["type"]>> = {
  PUBLISHED: "maintenance.scheduled",
  STARTED: "maintenance.started",
  UPDATED: "maintenance.updated",
  COMPLETED: "maintenance.completed",
};

/** The `type` a body of this outbox subject and kind carries (e.g. "incident.created"); null for a kind no body is made of. */
export function webhookEventType(subject: string, kind: string): string | null {
  if (subject !== "INCIDENT" && subject !== "MAINTENANCE") return null;
  if (kind === "DELETED") return `${subject.toLowerCase()}.deleted`;
  return (subject === "INCIDENT" ? INCIDENT_TYPES[kind] : MAINTENANCE_TYPES[kind]) ?? null;
}

/**
 * The webhook body of `source` for `audience`, or null when there is nothing to send: the
 * page, sub-page, incident or maintenance is gone, or the sub-page shows none of what it touched.
 * Links point at `baseUrl` (the server's public URL).
 */
export async function buildWebhookEvent(db: Reader, source: WebhookSource, audience: WebhookAudience, baseUrl: string): Promise<WebhookEvent | null> {
  const base = baseUrl.replace(/\/+$/, "");
  const page = await db.statusPage.findUnique({ where: { id: source.pageId }, select: { id: true, slug: true, title: true } });
  if (!page) return null;
  const pageUrl = `${base}/${encodeURIComponent(page.slug)}`;
  let shown: (componentId: string) => boolean = () => true;
  let subPage: WebhookEvent["subPage"];
  if (audience.subPageId) {
    const found = await db.subPage.findFirst({ where: { id: audience.subPageId, pageId: page.id }, select: { id: true, slug: true, name: true } });
    if (!found) return null;
    const ids = new Set((await subPageComponentIds(db, [found.id])).get(found.id) ?? []);
    const touched = JSON.parse(source.componentIds) as string[];
    if (!touched.some((id) => ids.has(id))) return null;
    shown = (id) => ids.has(id);
    subPage = { ...found, url: `${pageUrl}/${encodeURIComponent(found.slug)}` };
  }
  const envelope = {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    id: source.id,
    timestamp: source.createdAt.toISOString(),
    page: { ...page, url: pageUrl },
    ...(subPage ? { subPage } : {}),
  } as const;
  const url = subPage?.url ?? pageUrl;
  if (source.subject !== "INCIDENT" && source.subject !== "MAINTENANCE") return null;
  if (source.kind === "DELETED") {
    const gone = { id: source.subjectId, ...(source.subjectName === undefined ? {} : { name: source.subjectName }) };
    return source.subject === "INCIDENT"
      ? { ...envelope, type: "incident.deleted", incident: gone, components: [] }
      : { ...envelope, type: "maintenance.deleted", maintenance: gone, components: [] };
  }
  if (source.subject === "INCIDENT") {
    const type = INCIDENT_TYPES[source.kind];
    const incident = type && (await incidentPart(db, source, shown, url));
    return incident ? { ...envelope, type, incident: incident.incident, components: incident.components } : null;
  }
  const type = MAINTENANCE_TYPES[source.kind];
  const maintenance = type && (await maintenancePart(db, source, shown, url));
  return maintenance ? { ...envelope, type, maintenance: maintenance.maintenance, components: maintenance.components } : null;
}

async function incidentPart(db: Reader, source: WebhookSource, shown: (id: string) => boolean, url: string) {
  const updates = await db.incidentUpdate.findMany({
    where: { incidentId: source.subjectId, sequence: { in: [source.sequence - 1, source.sequence] } },
    include: { incident: { select: { name: true } }, impacts: { include: { component: { select: { name: true } } }, orderBy: { component: { rank: "asc" } } } },
  });
  const update = updates.find((u) => u.sequence === source.sequence);
  if (!update) return null;
  const previous = updates.find((u) => u.sequence === source.sequence - 1) ?? null;
  const impacts = update.impacts.filter((i) => shown(i.componentId));
  return {
    incident: {
      id: source.subjectId,
      name: update.incident.name,
      status: update.status,
      message: update.message,
      impacts: impacts.map((i) => ({ componentId: i.componentId, componentName: i.component.name, impact: i.impact })),
      publishedAt: update.publishedAt.toISOString(),
      url,
    },
    components: incidentChanges(previous, update).filter((c) => shown(c.id)),
  };
}

async function maintenancePart(db: Reader, source: WebhookSource, shown: (id: string) => boolean, url: string) {
  const update = await db.maintenanceUpdate.findUnique({
    where: { maintenanceId_sequence: { maintenanceId: source.subjectId, sequence: source.sequence } },
    include: { maintenance: { include: { components: { include: { component: { select: { name: true } } }, orderBy: { component: { rank: "asc" } } } } } },
  });
  if (!update) return null;
  const m = update.maintenance;
  const components = m.components.filter((c) => shown(c.componentId));
  return {
    maintenance: {
      id: m.id,
      name: m.name,
      status: update.status,
      message: update.message,
      impacts: components.map((c) => ({ componentId: c.componentId, componentName: c.component.name, impact: c.impact })),
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      publishedAt: update.publishedAt.toISOString(),
      url,
    },
    components: maintenanceChanges(source.kind, components),
  };
}

/** A `component.status_changed` event from an incident's or maintenance's event that changed any; null when none changed. */
export function componentStatusEvent(event: WebhookEvent): WebhookEvent | null {
  if (event.type === "component.status_changed" || event.components.length === 0) return null;
  const { schemaVersion, id, timestamp, page, subPage, components } = event;
  return { type: "component.status_changed", schemaVersion, id: `${id}.components`, timestamp, page, ...(subPage ? { subPage } : {}), components };
}
