// What the GraphQL types of incident and maintenance publishing share in shape: a
// draft's text, and what a publish published or, in a preview, would publish.
import type { ObjectRef } from "@pothos/core";
import { builder, type Types } from "../builder.js";
import type { Context } from "../context.js";
import type { IncidentDraft } from "../services/incidents.js";
import type { MaintenanceDraft } from "../services/maintenance.js";
import type { Publication } from "../services/preview.js";
import type { Incident } from "./incident-types.js";
import type { Maintenance } from "./maintenance-types.js";
import { ComponentStatusChange, NOTIFIED_DESCRIPTION, NOTIFIED_ENDPOINTS_DESCRIPTION, countNotified, countNotifiedEndpoints } from "./publication.js";
import { MESSAGE_HTML, renderMarkdown } from "./message-html.js";

/** A draft's leading fields: its name, its `status` (each subject has statuses of its own), its text as written and as HTML. */
export const draftText = <D extends { name: string; message: string }, S>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, D>, status: S) => ({
  name: t.string({ resolve: (d) => d.name }),
  status,
  message: t.string({ resolve: (d) => d.message }),
  messageHtml: t.string({ description: MESSAGE_HTML, resolve: (d) => renderMarkdown(d.message) }),
});

/** The object a publish published, as its publication names and reads it. */
interface Published {
  /** The field's name: `incident`, `maintenance`. */
  field: string;
  type: typeof Incident | typeof Maintenance;
  find: (db: Context["db"], id: string) => Promise<(typeof Incident | typeof Maintenance)["$inferType"] | null>;
}

/**
 * What a publish returns: `preview`, what it published (null for a preview), the
 * draft, then the component status changes and whom it notifies.
 */
export function publicationType<D extends IncidentDraft | MaintenanceDraft>(
  name: string,
  description: string,
  published: Published,
  draft: ObjectRef<Types, IncidentDraft> | ObjectRef<Types, MaintenanceDraft>,
) {
  return builder.objectRef<Publication<D>>(name).implement({
    description,
    fields: (t) => ({
      preview: t.exposeBoolean("preview"),
      [published.field]: t.field({
        type: published.type,
        nullable: true,
        description: `The ${published.field} as published; null for a preview.`,
        resolve: (p, _args, ctx) => (p.id ? published.find(ctx.db, p.id) : null),
      }),
      draft: t.field({ type: draft, resolve: (p) => p.draft }),
      componentChanges: t.field({ type: [ComponentStatusChange], resolve: (p) => p.componentChanges }),
      notifiedSubscribers: t.int({ description: NOTIFIED_DESCRIPTION, resolve: (p, _args, ctx) => countNotified(ctx, p) }),
      notifiedWebhookEndpoints: t.int({ description: NOTIFIED_ENDPOINTS_DESCRIPTION, resolve: (p, _args, ctx) => countNotifiedEndpoints(ctx, p) }),
    }),
  });
}
