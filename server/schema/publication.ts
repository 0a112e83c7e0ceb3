// What incident and maintenance publishing share: the component status changes a
// publish causes, and announcing it once it has committed.
import { builder } from "../builder.js";
import type { Actor } from "../auth/actor.js";
import { operatorLabel } from "../auth/operators.js";
import type { Context } from "../context.js";
import { announce } from "../events.js";
import type { ComponentStatusChange as Change, Publication, PublishOptions } from "../services/preview.js";
import { ComponentStatus } from "./enums.js";

export const ComponentStatusChange = builder.objectRef<Change>("ComponentStatusChange").implement({
  description: "A component whose derived status the publish changes (or, in a preview, would change).",
  fields: (t) => ({
    componentId: t.exposeID("componentId"),
    name: t.exposeString("name"),
    previous: t.expose("previous", { type: ComponentStatus }),
    next: t.expose("next", { type: ComponentStatus }),
  }),
});

export const PREVIEW_DESCRIPTION =
  "Review before publishing: validate exactly as a publish would, write and announce nothing, and return what would be published.";

/** Announces a committed publish; previews carry no event. */
export function announcePublication<D>(ctx: Pick<Context, "events">, publication: Publication<D>): Publication<D> {
  if (publication.event) announce(ctx.events, publication.event);
  return publication;
}

/** Publish options for the caller: who is recorded as having published — the person, or the key's name (null for the service itself). */
export function publishOptions(ctx: Pick<Context, "now" | "actor">, preview: boolean): PublishOptions {
  return { now: ctx.now(), preview, actorName: publisherName(ctx.actor) };
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
