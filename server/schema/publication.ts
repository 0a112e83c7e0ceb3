// What incident and maintenance publishing share: the component status changes a
// publish causes, and announcing it once it has committed.
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { announce } from "../events.js";
import type { ComponentStatusChange as Change, Publication } from "../services/preview.js";
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
