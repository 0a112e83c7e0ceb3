// What live subscriptions send. Every field resolves from the payload alone,
// never from the context: the WebSocket and SSE paths share one execution result
// between the subscribers of a view (realtime/shared-execution.ts). Keep it so.
import { builder } from "../builder.js";
import type { LivePageEvent, ComponentStatusEvent as StatusEvent } from "../realtime/summary-hub.js";
import type { ChangeCause } from "../realtime/live-diff.js";
import type { PageSummary, SummaryComponent, SummaryIncident, SummaryMaintenance } from "../services/page-summary.js";
import { ComponentStatus, IncidentStatus, MaintenanceStatus, Theme } from "./enums.js";
import { ComponentImpact } from "./incident-types.js";
import { MaintenanceComponentImpact } from "./maintenance-types.js";
import { MESSAGE_HTML, renderMarkdown } from "./message-html.js";

const instant = (iso: string) => new Date(iso);

export const ChangeSubject = builder.enumType("ChangeSubject", {
  description: "What a change was made to.",
  values: {
    INCIDENT: {},
    MAINTENANCE: {},
    PAGE: { description: "The status page or sub-page itself, e.g. which components it shows." },
    CATALOG: { description: "The catalog behind the page, e.g. a customer's list of components." },
  } as const,
});

export const ChangeKind = builder.enumType("ChangeKind", {
  values: ["PUBLISHED", "UPDATED", "RESOLVED", "STARTED", "COMPLETED", "DELETED"] as const,
});

const LiveComponent = builder.objectRef<SummaryComponent>("LiveComponent").implement({
  fields: (t) => ({
    id: t.exposeID("id", { description: "The catalog entry's id." }),
    name: t.exposeString("name"),
    group: t.exposeString("group", { nullable: true, description: "The heading it is shown under on a public page." }),
    status: t.expose("status", { type: ComponentStatus }),
  }),
});

export const LiveIncident = builder.objectRef<SummaryIncident>("LiveIncident").implement({
  description: "An unresolved incident as the page shows it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    status: t.expose("status", { type: IncidentStatus }),
    sequence: t.exposeInt("sequence", {
      description: "The latest update's number: 1, 2, 3, … in commit order. A client ignores a state older than one it has.",
    }),
    message: t.exposeString("message", { description: "The latest update's message." }),
    messageHtml: t.string({ description: MESSAGE_HTML, resolve: (i) => renderMarkdown(i.message) }),
    publishedAt: t.field({ type: "DateTime", resolve: (i) => instant(i.publishedAt) }),
    updatedAt: t.field({ type: "DateTime", description: "When the latest update was published.", resolve: (i) => instant(i.updatedAt) }),
    impacts: t.field({
      type: [ComponentImpact],
      description: "The latest update's impacts on the components this page or sub-page shows, NO_IMPACT included.",
      resolve: (i) => i.impacts,
    }),
  }),
});

export const LiveMaintenance = builder.objectRef<SummaryMaintenance>("LiveMaintenance").implement({
  description: "A maintenance in progress as the page shows it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    status: t.expose("status", { type: MaintenanceStatus }),
    message: t.exposeString("message", { description: "The latest update's message." }),
    messageHtml: t.string({ description: MESSAGE_HTML, resolve: (m) => renderMarkdown(m.message) }),
    startsAt: t.field({ type: "DateTime", resolve: (m) => instant(m.startsAt) }),
    endsAt: t.field({ type: "DateTime", resolve: (m) => instant(m.endsAt) }),
    components: t.field({ type: [MaintenanceComponentImpact], description: "Among the components shown.", resolve: (m) => m.components }),
  }),
});

const LivePage = builder.objectRef<PageSummary["page"]>("LivePage").implement({
  fields: (t) => ({ slug: t.exposeString("slug"), title: t.exposeString("title"), theme: t.expose("theme", { type: Theme }) }),
});

const LiveSubPage = builder.objectRef<NonNullable<PageSummary["subPage"]>>("LiveSubPage").implement({
  fields: (t) => ({ slug: t.exposeString("slug"), name: t.exposeString("name") }),
});

export const LiveStatus = builder.objectRef<PageSummary>("LiveStatus").implement({
  description: "Everything a status page or sub-page shows about the present.",
  fields: (t) => ({
    page: t.field({ type: LivePage, resolve: (s) => s.page }),
    subPage: t.field({ type: LiveSubPage, nullable: true, resolve: (s) => s.subPage }),
    status: t.expose("status", { type: ComponentStatus, description: "The worst status of the components shown." }),
    sentence: t.exposeString("sentence", { description: 'E.g. "All systems operational".' }),
    components: t.field({ type: [LiveComponent], description: "In the order the page shows them.", resolve: (s) => s.components }),
    incidents: t.field({ type: [LiveIncident], description: "Unresolved incidents, newest first.", resolve: (s) => s.incidents }),
    maintenances: t.field({ type: [LiveMaintenance], description: "Maintenance in progress, by start.", resolve: (s) => s.maintenances }),
    stale: t.boolean({
      description: "True when this is the last known state, sent because the database is unavailable right now; the current one follows once it answers.",
      resolve: (s) => s.asOf !== undefined,
    }),
    asOf: t.field({
      type: "DateTime",
      nullable: true,
      description: "When a stale summary was computed; null when it is current.",
      resolve: (s) => (s.asOf ? instant(s.asOf) : null),
    }),
  }),
});

const StatusChangeCause = builder.objectRef<ChangeCause>("StatusChangeCause").implement({
  fields: (t) => ({
    subject: t.expose("subject", { type: ChangeSubject }),
    kind: t.expose("kind", { type: ChangeKind }),
    id: t.exposeID("subjectId", { nullable: true, description: "The incident's or maintenance's id." }),
    name: t.exposeString("subjectName", { nullable: true, description: "The incident's or maintenance's name." }),
  }),
});

export const ComponentStatusEvent = builder.objectRef<StatusEvent>("ComponentStatusEvent").implement({
  description: "A component's derived status changed.",
  fields: (t) => ({
    componentId: t.exposeID("componentId"),
    name: t.exposeString("name"),
    previous: t.expose("previous", { type: ComponentStatus }),
    next: t.expose("next", { type: ComponentStatus }),
    at: t.field({ type: "DateTime", resolve: (e) => instant(e.at) }),
    cause: t.field({ type: StatusChangeCause, resolve: (e) => e.cause }),
  }),
});

export const PageEvent = builder.objectRef<LivePageEvent>("PageEvent").implement({
  description: "An incident or maintenance was published, updated, resolved, started, completed or deleted.",
  fields: (t) => ({
    kind: t.expose("kind", { type: ChangeKind }),
    subject: t.expose("subject", { type: ChangeSubject, description: "INCIDENT or MAINTENANCE." }),
    id: t.exposeID("subjectId"),
    name: t.exposeString("name", { nullable: true }),
    at: t.field({ type: "DateTime", resolve: (e) => instant(e.at) }),
    sequence: t.exposeInt("sequence", {
      nullable: true,
      description: "The update this event published (1, 2, 3, … per incident or maintenance, in commit order); null for deletes.",
    }),
    componentIds: t.exposeIDList("componentIds", { description: "The affected components among those shown." }),
    incident: t.field({ type: LiveIncident, nullable: true, description: "Its state now, while unresolved.", resolve: (e) => e.incident }),
    maintenance: t.field({ type: LiveMaintenance, nullable: true, description: "Its state now, while in progress.", resolve: (e) => e.maintenance }),
  }),
});
