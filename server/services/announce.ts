import type { Context } from "../context.js";
import { announce, type PageChange } from "../events.js";

/** Announce that something behind these pages changed (after the write committed). */
export function announcePages(ctx: Pick<Context, "events" | "now">, pageIds: string[], subject: PageChange["subject"]): void {
  const at = ctx.now();
  for (const pageId of new Set(pageIds)) announce(ctx.events, { pageId, subject, kind: "UPDATED", subjectId: null, at });
}
