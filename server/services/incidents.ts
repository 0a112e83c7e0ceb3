// Incidents: publish, update (including resolve), delete. Every publish runs its
// checks in one transaction; with `preview` it stops before the first write.
import type { Db } from "../db/client.js";
import { InvalidStateError, NotFoundError, ValidationError } from "../errors.js";
import type { Incident, Prisma } from "../generated/sqlite/client.js";
import { canUpdateIncident } from "../domain/transitions.js";
import { INCIDENT_IMPACTS, type IncidentImpact, type IncidentStatus } from "../domain/types.js";
import { checkComponents, throwIfAny, type ComponentLevel, type NamedComponentLevel } from "./affected-components.js";
import { componentChanges, withIncident, type Publication, type PublishOptions } from "./preview.js";
import { lockIncident, oneAtATime } from "./sequences.js";

type Tx = Prisma.TransactionClient;
export type NamedImpact = NamedComponentLevel<IncidentImpact>;

/** Newest first: by the per-incident sequence, which follows commit order (publish times can tie). */
export const NEWEST_FIRST = [{ sequence: "desc" }] satisfies Prisma.IncidentUpdateOrderByWithRelationInput[];

export interface IncidentDraft {
  name: string;
  status: IncidentStatus;
  message: string;
  impacts: NamedImpact[];
}

export type IncidentPublication = Publication<IncidentDraft>;

export interface PublishIncidentInput {
  pageId: string;
  name: string;
  status: IncidentStatus;
  message: string;
  impacts: ComponentLevel[];
}

export interface IncidentUpdateInput {
  incidentId: string;
  status: IncidentStatus;
  message: string;
  /** Omitted: the previous update's impacts carry forward. */
  impacts?: ComponentLevel[] | null;
}

// Resolving ends every impact; the resolving update records that explicitly.
function endImpacts(impacts: NamedImpact[]): NamedImpact[] {
  return impacts.map((i) => ({ ...i, impact: "NO_IMPACT" }));
}

export async function publishIncident(db: Db, input: PublishIncidentInput, options: PublishOptions): Promise<Publication<IncidentDraft>> {
  return db.$transaction(async (tx) => {
    const page = await tx.statusPage.findUnique({ where: { id: input.pageId }, select: { id: true } });
    if (!page) throw ValidationError.of("input.pageId", "not_found", `no status page ${input.pageId}`);
    const checked = await checkComponents(tx, page.id, input.impacts, INCIDENT_IMPACTS, "input.impacts");
    throwIfAny(checked.issues);
    const impacts = input.status === "RESOLVED" ? endImpacts(checked.items) : checked.items;
    const draft: IncidentDraft = { name: input.name, status: input.status, message: input.message, impacts };
    // Any id no stored incident has: the draft joins the page's activity alongside them.
    const changes = await componentChanges(tx, page.id, withIncident({ id: "", status: draft.status, impacts }));
    if (options.preview) return { preview: true, id: null, draft, componentChanges: changes, event: null };
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
    const event = {
      pageId: page.id,
      subject: "INCIDENT" as const,
      kind: "PUBLISHED" as const,
      subjectId: incident.id,
      sequence: 1,
      at: options.now,
      ...about(draft, []),
    };
    return { preview: false, id: incident.id, draft, componentChanges: changes, event };
  });
}

export async function publishIncidentUpdate(db: Db, input: IncidentUpdateInput, options: PublishOptions): Promise<Publication<IncidentDraft>> {
  if (options.preview) return writeIncidentUpdate(db, input, options);
  return oneAtATime(`incident:${input.incidentId}`, () => writeIncidentUpdate(db, input, options));
}

async function writeIncidentUpdate(db: Db, input: IncidentUpdateInput, options: PublishOptions): Promise<Publication<IncidentDraft>> {
  return db.$transaction(async (tx) => {
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
    if (options.preview) return { preview: true, id: null, draft, componentChanges: changes, event: null };
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
    const kind = resolved ? ("RESOLVED" as const) : ("UPDATED" as const);
    const event = { pageId: incident.pageId, subject: "INCIDENT" as const, kind, subjectId: incident.id, sequence, at: options.now, ...about(draft, previous) };
    return { preview: false, id: incident.id, draft, componentChanges: changes, event };
  });
}

/** What live updates say about the incident: its name, and the components it names now or named before this update. */
function about(draft: IncidentDraft, previous: NamedImpact[]): { subjectName: string; componentIds: string[] } {
  return { subjectName: draft.name, componentIds: [...new Set([...previous, ...draft.impacts].map((i) => i.componentId))] };
}

/** Deletes the incident and its updates; returns the deleted row with every component any update named. */
export async function deleteIncident(db: Db, id: string): Promise<Incident & { componentIds: string[] }> {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id }, include: { components: { select: { componentId: true } } } });
    if (!incident) throw new NotFoundError("incident", id);
    await tx.incident.delete({ where: { id } });
    const { components, ...row } = incident;
    return { ...row, componentIds: components.map((c) => c.componentId) };
  });
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
