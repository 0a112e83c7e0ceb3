// What the GraphQL types of incident and maintenance publishing share in shape: a
// draft's text, and what a publish published or, in a preview, would publish.
import type { FieldMap, SchemaTypes } from "@pothos/core";
import { builder } from "../builder.js";
import type { Publication } from "../services/preview.js";
import { ComponentStatusChange, NOTIFIED_DESCRIPTION, NOTIFIED_ENDPOINTS_DESCRIPTION, countNotified, countNotifiedEndpoints } from "./publication.js";
import { MESSAGE_HTML, renderMarkdown } from "./message-html.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

/** A draft's leading fields: its name, its `status` (each subject has statuses of its own), its text as written and as HTML. */
export const draftText = <D extends { name: string; message: string }, S>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, D>, status: S) => ({
  name: t.string({ resolve: (d) => d.name }),
  status,
  message: t.string({ resolve: (d) => d.message }),
  messageHtml: t.string({ description: MESSAGE_HTML, resolve: (d) => renderMarkdown(d.message) }),
});

/**
 * What a publish returns: `preview`, then `fields` (what it published, null for a
 * preview, and the draft), then the component status changes.
 */
export function publicationType<D>(name: string, description: string, fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Publication<D>>) => FieldMap) {
  return builder.objectRef<Publication<D>>(name).implement({
    description,
    fields: (t) => ({
      preview: t.exposeBoolean("preview"),
      ...fields(t),
      componentChanges: t.field({ type: [ComponentStatusChange], resolve: (p) => p.componentChanges }),
      notifiedSubscribers: t.int({ description: NOTIFIED_DESCRIPTION, resolve: (p, _args, ctx) => countNotified(ctx, p) }),
      notifiedWebhookEndpoints: t.int({ description: NOTIFIED_ENDPOINTS_DESCRIPTION, resolve: (p, _args, ctx) => countNotifiedEndpoints(ctx, p) }),
    }),
  });
}
