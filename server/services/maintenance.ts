// Maintenance: schedule, update, delete. The service's own transitions at the
// window's start and end live in maintenance-schedule.ts.
import { InvalidStateError, NotFoundError, ValidationError, type ValidationIssue } from "../errors.js";
import type { Maintenance, Prisma } from "../generated/sqlite/client.js";
import type { ChangeKind } from "../events.js";
import { allowedMaintenanceStatusChange, canUpdateMaintenance, dueMaintenanceTransition } from "../domain/transitions.js";
import { MAINTENANCE_IMPACTS, type MaintenanceStatus } from "../domain/types.js";
import { checkComponents, throwIfAny } from "./affected-components.js";
import type { Changed } from "./change.js";
import { componentChanges, withMaintenance, type PublishOptions } from "./preview.js";
import { componentIdsOf, deletedChange, publishedChange } from "./publishing.js";
import { lockMaintenance } from "./sequences.js";
import type { MaintenanceDraft, MaintenancePublication, MaintenanceUpdateInput, ScheduleMaintenanceInput } from "./maintenance-types.js";

type Tx = Prisma.TransactionClient;

export { applyAnyDueTransition, applyDueTransition, dueMaintenances, nextTransitionAt, type DueTransition } from "./maintenance-schedule.js";

export type {
  NamedMaintenanceImpact,
  MaintenanceDraft,
  MaintenancePublication,
  ScheduleMaintenanceInput,
  MaintenanceUpdateInput,
} from "./maintenance-types.js";

/** The status the maintenance has right after the publish: a window already begun or ended is moved along at once. */
function statusAfter(draft: MaintenanceDraft, now: Date): MaintenanceStatus {
  return dueMaintenanceTransition(draft, now) ?? draft.status;
}

function windowIssue(startsAt: Date, endsAt: Date, endGiven: boolean): ValidationIssue | null {
  if (endsAt.getTime() > startsAt.getTime()) return null;
  // Blame the end unless only the start was changed.
  return endGiven
    ? { field: "input.endsAt", rule: "after_start", message: "must be after the start of the window" }
    : { field: "input.startsAt", rule: "before_end", message: "must be before the end of the window" };
}

/** Schedules a maintenance with its first update; with `preview`, writes nothing. */
export async function scheduleMaintenance(tx: Tx, input: ScheduleMaintenanceInput, options: PublishOptions): Promise<Changed<MaintenancePublication>> {
  const page = await tx.statusPage.findUnique({ where: { id: input.pageId }, select: { id: true } });
  if (!page) throw ValidationError.of("input.pageId", "not_found", `no status page ${input.pageId}`);
  const checked = await checkComponents(tx, page.id, input.components, MAINTENANCE_IMPACTS, "input.components");
  const window = windowIssue(input.startsAt, input.endsAt, true);
  throwIfAny([...(window ? [window] : []), ...checked.issues]);
  const { pageId: _page, components: _given, ...fields } = input;
  const draft: MaintenanceDraft = { ...fields, status: "SCHEDULED", components: checked.items };
  const changes = await componentChanges(tx, page.id, withMaintenance({ id: "", status: statusAfter(draft, options.now), components: draft.components }));
  const audience = { subject: "MAINTENANCE" as const, pageId: page.id, componentIds: componentIdsOf(draft.components), notify: options.notify ?? true };
  if (options.preview) return { value: { preview: true, id: null, draft, componentChanges: changes, audience }, change: null };
  const publishedBy = options.actorName ?? null;
  const maintenance = await tx.maintenance.create({
    data: {
      pageId: page.id,
      name: draft.name,
      status: draft.status,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      autoUpdate: draft.autoUpdate,
      publishedAt: options.now,
      publishedBy,
      components: { createMany: { data: draft.components.map(({ componentId, impact }) => ({ componentId, impact })) } },
      lastSequence: 1,
      updates: { create: { status: draft.status, message: draft.message, publishedAt: options.now, publishedBy, sequence: 1 } },
    },
  });
  const change = publishedChange({
    subject: "MAINTENANCE",
    kind: "PUBLISHED",
    pageId: page.id,
    id: maintenance.id,
    name: draft.name,
    sequence: 1,
    previous: [],
    next: draft.components,
    before: null,
    after: { ...draft },
    notify: options.notify,
  });
  return { value: { preview: false, id: maintenance.id, draft, componentChanges: changes, audience }, change };
}

/** Publishes an update; the caller serializes updates of one maintenance (`oneAtATime`). With `preview`, writes nothing. */
export async function publishMaintenanceUpdate(tx: Tx, input: MaintenanceUpdateInput, options: PublishOptions): Promise<Changed<MaintenancePublication>> {
  // Locked first, so concurrent updates serialize and each reads the one committed before it.
  if (!options.preview) await lockMaintenance(tx, input.maintenanceId);
  const current = await findMaintenance(tx, input.maintenanceId);
  const draft = await nextDraft(tx, current, input);
  const changes = await componentChanges(
    tx,
    current.pageId,
    withMaintenance({ id: current.id, status: statusAfter(draft, options.now), components: draft.components }),
  );
  const audience = {
    subject: "MAINTENANCE" as const,
    pageId: current.pageId,
    componentIds: componentIdsOf(current.components, draft.components),
    notify: options.notify ?? true,
  };
  if (options.preview) return { value: { preview: true, id: null, draft, componentChanges: changes, audience }, change: null };
  const sequence = current.lastSequence + 1;
  await writeMaintenanceUpdate(tx, current.id, sequence, draft, input.components != null, options);
  const { id, pageId, status, startsAt, endsAt } = current;
  const change = publishedChange({
    subject: "MAINTENANCE",
    kind: changeKind(current.status, draft.status),
    pageId,
    id,
    name: draft.name,
    sequence,
    previous: current.components,
    next: draft.components,
    before: { status, startsAt, endsAt, components: current.components.map(({ componentId, impact }) => ({ componentId, impact })) },
    after: { ...draft },
    notify: options.notify,
  });
  return { value: { preview: false, id, draft, componentChanges: changes, audience }, change };
}

async function writeMaintenanceUpdate(tx: Tx, id: string, sequence: number, draft: MaintenanceDraft, newComponents: boolean, options: PublishOptions) {
  await tx.maintenance.update({
    where: { id },
    data: { status: draft.status, startsAt: draft.startsAt, endsAt: draft.endsAt, lastSequence: sequence },
  });
  if (newComponents) {
    await tx.maintenanceComponent.deleteMany({ where: { maintenanceId: id } });
    await tx.maintenanceComponent.createMany({
      data: draft.components.map(({ componentId, impact }) => ({ maintenanceId: id, componentId, impact })),
    });
  }
  await tx.maintenanceUpdate.create({
    data: { maintenanceId: id, sequence, status: draft.status, message: draft.message, publishedAt: options.now, publishedBy: options.actorName ?? null },
  });
}

async function findMaintenance(tx: Tx, id: string) {
  const maintenance = await tx.maintenance.findUnique({ where: { id }, include: { components: { include: { component: { select: { name: true } } } } } });
  if (!maintenance) throw new NotFoundError("maintenance", id);
  return maintenance;
}

async function nextDraft(tx: Tx, current: Awaited<ReturnType<typeof findMaintenance>>, input: MaintenanceUpdateInput): Promise<MaintenanceDraft> {
  if (!canUpdateMaintenance(current.status)) {
    throw new InvalidStateError(`Maintenance "${current.name}" is complete and takes no further updates`, current.status);
  }
  if (!allowedMaintenanceStatusChange(current.status, input.status)) {
    throw new InvalidStateError(`Maintenance cannot move back from ${current.status} to ${input.status}`, current.status);
  }
  const startsAt = input.startsAt ?? current.startsAt;
  const endsAt = input.endsAt ?? current.endsAt;
  const window = windowIssue(startsAt, endsAt, input.endsAt != null);
  let components = current.components.map((c) => ({ componentId: c.componentId, impact: c.impact, name: c.component.name }));
  const issues = window ? [window] : [];
  if (input.components) {
    const checked = await checkComponents(tx, current.pageId, input.components, MAINTENANCE_IMPACTS, "input.components");
    issues.push(...checked.issues);
    components = checked.items;
  }
  throwIfAny(issues);
  const { name, autoUpdate } = current;
  return { name, status: input.status, message: input.message, startsAt, endsAt, autoUpdate, components };
}

function changeKind(from: MaintenanceStatus, to: MaintenanceStatus): ChangeKind {
  if (to === "COMPLETE") return "COMPLETED";
  if (to === "IN_PROGRESS" && from === "SCHEDULED") return "STARTED";
  return "UPDATED";
}

/** Deletes the maintenance with its components and updates; returns the deleted row. */
export async function deleteMaintenance(tx: Tx, id: string): Promise<Changed<Maintenance>> {
  const maintenance = await tx.maintenance.findUnique({ where: { id }, include: { components: { select: { componentId: true } } } });
  if (!maintenance) throw new NotFoundError("maintenance", id);
  await tx.maintenance.delete({ where: { id } });
  const { components, ...row } = maintenance;
  return {
    value: row,
    change: deletedChange(
      "MAINTENANCE",
      row,
      components.map((c) => c.componentId),
    ),
  };
}
