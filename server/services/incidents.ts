// Incidents: publish, update (including resolve), delete. Each runs its checks and
// writes in the change's transaction (commitChange); with `preview` it stops before
// the first write.
import { InvalidStateError, NotFoundError, ValidationError } from "../errors.js";
import type { Incident, Prisma } from "../generated/sqlite/client.js";
import { canUpdateIncident } from "../domain/transitions.js";
import { INCIDENT_IMPACTS } from "../domain/types.js";
import { checkComponents, throwIfAny } from "./affected-components.js";
import type { Changed } from "./change.js";
import { componentChanges, withIncident, type PublishOptions } from "./preview.js";
import { componentIdsOf, deletedChange, publishedChange } from "./publishing.js";
import { lockIncident } from "./sequences.js";
import type { IncidentDraft, IncidentPublication, IncidentUpdateInput, NamedImpact, PublishIncidentInput } from "./incident-types.js";

type Tx = Prisma.TransactionClient;

export type { NamedImpact, IncidentDraft, IncidentPublication, PublishIncidentInput, IncidentUpdateInput } from "./incident-types.js";

/** Newest first: by the per-incident sequence, which follows commit order (publish times can tie). */
export const NEWEST_FIRST = [{ sequence: "desc" }] satisfies Prisma.IncidentUpdateOrderByWithRelationInput[];

// Resolving ends every impact; the resolving update records that explicitly.
function endImpacts(impacts: NamedImpact[]): NamedImpact[] {
  return impacts.map((i) => ({ ...i, impact: "NO_IMPACT" }));
}

/** Publishes an incident and its first update; with `preview`, writes nothing. */
export async function publishIncident(tx: Tx, input: PublishIncidentInput, options: PublishOptions): Promise<Changed<IncidentPublication>> {
  const page = await tx.statusPage.findUnique({ where: { id: input.pageId }, select: { id: true } });
  if (!page) throw ValidationError.of("input.pageId", "not_found", `no status page ${input.pageId}`);
  const checked = await checkComponents(tx, page.id, input.impacts, INCIDENT_IMPACTS, "input.impacts");
  throwIfAny(checked.issues);
  const impacts = input.status === "RESOLVED" ? endImpacts(checked.items) : checked.items;
  const draft: IncidentDraft = { name: input.name, status: input.status, message: input.message, impacts };
  // Any id no stored incident has: the draft joins the page's activity alongside them.
  const changes = await componentChanges(tx, page.id, withIncident({ id: "", status: draft.status, impacts }));
  const audience = { subject: "INCIDENT" as const, pageId: page.id, componentIds: componentIdsOf(impacts), notify: options.notify ?? true };
  if (options.preview) return { value: { preview: true, id: null, draft, componentChanges: changes, audience }, change: null };
  const incident = await tx.incident.create({
    data: {
      pageId: page.id,
      name: draft.name,
      status: draft.status,
      publishedAt: options.now,
      resolvedAt: draft.status === "RESOLVED" ? options.now : null,
      publishedBy: options.actorName ?? null,
      lastSequence: 1,
    },
  });
  await writeUpdate(tx, incident.id, 1, draft, options);
  await recordAffected(tx, incident.id, [], draft.impacts);
  const change = publishedChange({
    subject: "INCIDENT",
    kind: "PUBLISHED",
    pageId: page.id,
    id: incident.id,
    name: draft.name,
    sequence: 1,
    previous: [],
    next: impacts,
    before: null,
    after: { ...draft },
    notify: options.notify,
  });
  return { value: { preview: false, id: incident.id, draft, componentChanges: changes, audience }, change };
}

/** Publishes an update; the caller serializes updates of one incident (`oneAtATime`). With `preview`, writes nothing. */
export async function publishIncidentUpdate(tx: Tx, input: IncidentUpdateInput, options: PublishOptions): Promise<Changed<IncidentPublication>> {
  // A publish takes the incident's row lock first, so concurrent updates
  // serialize and each reads the one committed before it.
  if (!options.preview) await lockIncident(tx, input.incidentId);
  const incident = await findIncident(tx, input.incidentId);
  if (!canUpdateIncident(incident.status)) {
    throw new InvalidStateError(`Incident "${incident.name}" is resolved and takes no further updates`, incident.status);
  }
  const previous = latestImpacts(incident);
  const impacts = await nextImpacts(tx, incident.pageId, input, previous);
  const draft: IncidentDraft = { name: incident.name, status: input.status, message: input.message, impacts };
  const changes = await componentChanges(tx, incident.pageId, withIncident({ id: incident.id, status: draft.status, impacts }));
  const audience = { subject: "INCIDENT" as const, pageId: incident.pageId, componentIds: componentIdsOf(previous, impacts), notify: options.notify ?? true };
  if (options.preview) return { value: { preview: true, id: null, draft, componentChanges: changes, audience }, change: null };
  const resolved = draft.status === "RESOLVED";
  const sequence = incident.lastSequence + 1;
  await tx.incident.update({ where: { id: incident.id }, data: { status: draft.status, resolvedAt: resolved ? options.now : null, lastSequence: sequence } });
  await writeUpdate(tx, incident.id, sequence, draft, options);
  await recordAffected(
    tx,
    incident.id,
    incident.components.map((c) => c.componentId),
    draft.impacts,
  );
  const change = publishedChange({
    subject: "INCIDENT",
    kind: resolved ? "RESOLVED" : "UPDATED",
    pageId: incident.pageId,
    id: incident.id,
    name: draft.name,
    sequence,
    previous,
    next: impacts,
    before: { status: incident.status, impacts: previous },
    after: { ...draft },
    notify: options.notify,
  });
  return { value: { preview: false, id: incident.id, draft, componentChanges: changes, audience }, change };
}

/** Deletes the incident and its updates; returns the deleted row. */
export async function deleteIncident(tx: Tx, id: string): Promise<Changed<Incident>> {
  const incident = await tx.incident.findUnique({ where: { id }, include: { components: { select: { componentId: true } } } });
  if (!incident) throw new NotFoundError("incident", id);
  await tx.incident.delete({ where: { id } });
  const { components, ...row } = incident;
  return {
    value: row,
    change: deletedChange(
      "INCIDENT",
      row,
      components.map((c) => c.componentId),
    ),
  };
}

/** The incident with its latest update. */
async function findIncident(tx: Tx, id: string) {
  const incident = await tx.incident.findUnique({
    where: { id },
    include: {
      components: { select: { componentId: true } },
    },
  });
  if (!incident) throw new NotFoundError("incident", id);
  // The latest update by its sequence, read alone: an incident's history can be long.
  const latest = await tx.incidentUpdate.findUnique({
    where: { incidentId_sequence: { incidentId: id, sequence: incident.lastSequence } },
    include: { impacts: { include: { component: { select: { name: true } } } } },
  });
  return { ...incident, latest };
}

/** Adds the components this update names that no earlier update did. */
async function recordAffected(tx: Tx, incidentId: string, known: string[], impacts: NamedImpact[]): Promise<void> {
  const seen = new Set(known);
  const added = [...new Set(impacts.map((i) => i.componentId))].filter((id) => !seen.has(id));
  if (added.length > 0) await tx.incidentComponent.createMany({ data: added.map((componentId) => ({ incidentId, componentId })) });
}

function latestImpacts(incident: Awaited<ReturnType<typeof findIncident>>): NamedImpact[] {
  return (incident.latest?.impacts ?? []).map((i) => ({ componentId: i.componentId, impact: i.impact, name: i.component.name }));
}

// Given impacts replace the previous ones; a resolving update ends those it names and
// every previously affected one.
async function nextImpacts(tx: Tx, pageId: string, input: IncidentUpdateInput, previous: NamedImpact[]): Promise<NamedImpact[]> {
  let impacts = previous;
  if (input.impacts) {
    const checked = await checkComponents(tx, pageId, input.impacts, INCIDENT_IMPACTS, "input.impacts");
    throwIfAny(checked.issues);
    impacts = checked.items;
  }
  if (input.status !== "RESOLVED") return impacts;
  const named = new Set(impacts.map((i) => i.componentId));
  return endImpacts([...impacts, ...previous.filter((p) => !named.has(p.componentId))]);
}

async function writeUpdate(tx: Tx, incidentId: string, sequence: number, draft: IncidentDraft, options: PublishOptions): Promise<void> {
  await tx.incidentUpdate.create({
    data: {
      incidentId,
      sequence,
      status: draft.status,
      message: draft.message,
      publishedAt: options.now,
      publishedBy: options.actorName ?? null,
      impacts: { createMany: { data: draft.impacts.map(({ componentId, impact }) => ({ componentId, impact })) } },
    },
  });
}
