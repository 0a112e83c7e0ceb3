// What incident and maintenance publishing share: the component status changes a
// publish causes, the inputs naming components at a level, and running a publish
// (or its preview) as one change.
import { builder } from "../builder.js";
import type { Actor } from "../auth/actor.js";
import { operatorLabel } from "../auth/operators.js";
import type { Context } from "../context.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { recordAttempt } from "../services/audit-log.js";
import { commitChange, type Changed } from "../services/change.js";
import type { ComponentStatusChange as Change, Publication, PublishOptions } from "../services/preview.js";
import { oneAtATime } from "../services/sequences.js";
import { emailRecipients, webhookRecipients } from "../notifications/audience.js";
import { ComponentStatus, type IncidentImpactLevel, type MaintenanceImpactLevel } from "./enums.js";

export const ComponentStatusChange = builder.objectRef<Change>("ComponentStatusChange").implement({
  description: "A component whose derived status the publish changes (or, in a preview, would change).",
  fields: (t) => ({
    componentId: t.exposeID("componentId"),
    name: t.exposeString("name"),
    previous: t.expose("previous", { type: ComponentStatus }),
    next: t.expose("next", { type: ComponentStatus }),
  }),
});

export const NOTIFY_DESCRIPTION = "Tell the page's subscribers (default); false for a minor correction nobody needs to be emailed about.";

export const NOTIFIED_DESCRIPTION =
  "Confirmed email subscribers this publication notifies (for a preview: would notify), counted as they are now; 0 with notifySubscribers false.";

/** How many confirmed email subscribers a publication reaches. */
export async function countNotified(ctx: Context, p: Publication<unknown>): Promise<number> {
  return p.audience.notify ? (await emailRecipients(ctx.db, p.audience)).length : 0;
}

export const NOTIFIED_ENDPOINTS_DESCRIPTION =
  "Enabled webhook endpoints this publication notifies (for a preview: would notify), counted as they are now; 0 with notifySubscribers false.";

/** How many enabled webhook endpoints a publication reaches. */
export async function countNotifiedEndpoints(ctx: Context, p: Publication<unknown>): Promise<number> {
  return p.audience.notify ? (await webhookRecipients(ctx.db, p.audience)).length : 0;
}

export const PREVIEW_DESCRIPTION =
  "Review before publishing: validate exactly as a publish would, write and announce nothing, and return what would be published.";

/** An input naming a component and its level (an incident's impact, a maintenance's). */
export function componentLevelInput(name: string, level: typeof IncidentImpactLevel | typeof MaintenanceImpactLevel) {
  return builder.inputType(name, {
    fields: (t) => ({ componentId: t.id(), impact: t.field({ type: level, required: true }) }),
  });
}

/** Component levels as the services take them: ids as strings. */
export const levels = <L extends string>(list: { componentId: string | number; impact: L }[]) =>
  list.map((c) => ({ componentId: String(c.componentId), impact: c.impact }));

/**
 * Runs a publish, or with `preview` its review, as one change (a preview changes
 * nothing). Publishes queued under `queue` run one after another in this process:
 * updates of one incident or maintenance (services/sequences.ts says why).
 */
export function publish<P extends Publication<unknown>>(
  ctx: Context,
  operation: string,
  { preview, notify }: { preview: boolean; notify: boolean },
  queue: string | null,
  write: (tx: Prisma.TransactionClient, options: PublishOptions) => Promise<Changed<P>>,
): Promise<P> {
  const actorName = publisherName(ctx.actor);
  const run = () => commitChange(ctx, operation, (tx, now) => write(tx, { now, preview, actorName, notify }));
  return queue && !preview ? oneAtATime(queue, run) : run().then((publication) => (preview ? recordPreview(ctx, operation, publication) : publication));
}

/** A preview changes nothing, but the audit log keeps that it was asked for, and what it showed. */
async function recordPreview<P extends Publication<unknown>>(ctx: Context, operation: string, publication: P): Promise<P> {
  const objectType = operation.includes("Incident") ? "Incident" : "Maintenance";
  const after = { draft: publication.draft, componentChanges: publication.componentChanges };
  await recordAttempt(ctx.db, {
    outcome: "PREVIEW",
    operation,
    actor: ctx.actor,
    address: ctx.clientAddress,
    at: ctx.now(),
    summary: `Previewed ${operation}`,
    objectType,
    after,
  });
  return publication;
}

/** `publishedBy`: a person as "Name <email>", a key by its name. */
export function publisherName(actor: Actor): string | null {
  if (actor.kind === "person") return operatorLabel(actor);
  return actor.kind === "operator" ? actor.name : null;
}

/** Options for `publishedBy`: the key's name is operator data, so others get null rather than an error. */
export const OPERATORS_ONLY = {
  nullable: true,
  authScopes: { role: "VIEWER" },
  unauthorizedResolver: () => null,
  description: 'Who published it: the operator as "Name <email>", or the API key\'s name; operators only (null for others).',
} as const;
