// What incident and maintenance publishing share: the component status changes a
// publish causes, and announcing it once it has committed.
import { builder } from "../builder.js";
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

/** Publish options for the caller: the operator key's name is recorded as who published (null for the service itself). */
export function publishOptions(ctx: Pick<Context, "now" | "actor">, preview: boolean): PublishOptions {
  return { now: ctx.now(), preview, actorName: ctx.actor.kind === "operator" ? ctx.actor.name : null };
}

/** Options for `publishedBy`: the key's name is operator data, so others get null rather than an error. */
export const OPERATORS_ONLY = {
  nullable: true,
  authScopes: { read: true },
  unauthorizedResolver: () => null,
  description: "Name of the API key that published it; operators only (null for others).",
} as const;
