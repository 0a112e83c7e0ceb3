// Live updates of a status page or customer sub-page, over graphql-ws and SSE.
// Access is decided when a subscription starts; every event after that comes
// from the summary hub, shared by all subscribers of the same view. A customer
// view is held on the credential that granted it (realtime/live-access.ts) and
// ends, with the refusal a new request would get, once that access ends.
import { createGraphQLError } from "graphql-yoga";
import { builder } from "../builder.js";
import { canViewSubPage, isOperator } from "../auth/actor.js";
import { operatorRequired, subPageDenied } from "../auth/denial.js";
import type { Context } from "../context.js";
import { ServiceUnavailableError } from "../errors.js";
import type { BoundedQueue } from "../realtime/bounded-queue.js";
import { NOT_HELD, type LiveView } from "../realtime/live-access.js";
import { eventStream, summaryStream } from "../realtime/live-stream.js";
import type { SummaryHub, SummaryKey, SummaryUpdate } from "../realtime/summary-hub.js";
import { ComponentStatusEvent, LiveStatus, PageEvent } from "./live-types.js";

/** Unless the caller's credentials went unchecked for want of a database: then a hint to retry. */
const unavailable = (ctx: Context) => ctx.authError === "unavailable";

/**
 * The view a subscriber asked for, if they may see it. A customer sub-page is refused
 * in the same words whether or not it exists; a customer page's own view (every
 * customer's components) is for operators only.
 */
async function viewOf(ctx: Context, pageSlug: string, subPageSlug: string | null | undefined): Promise<LiveView> {
  const view = await ctx.hub.resolveView(pageSlug, subPageSlug ?? null, async () => {
    const page = await ctx.db.statusPage.findUnique({
      where: { slug: pageSlug },
      select: { id: true, kind: true, subPages: { where: { slug: subPageSlug ?? "" }, select: { id: true } } },
    });
    return page && { pageId: page.id, kind: page.kind, subPageId: page.subPages[0]?.id ?? null };
  });
  if (!view) throw createGraphQLError(`No status page "${pageSlug}"`, { extensions: { code: "NOT_FOUND" } });
  if (subPageSlug == null) {
    if (view.kind === "CUSTOMER" && !isOperator(ctx.actor)) throw unavailable(ctx) ? new ServiceUnavailableError() : operatorRequired(ctx, "VIEWER");
    return { pageId: view.pageId, subPageId: null, kind: view.kind };
  }
  if (!canViewSubPage(ctx.actor, view.kind, view.subPageId ?? "")) throw unavailable(ctx) ? new ServiceUnavailableError() : subPageDenied(ctx);
  if (!view.subPageId) throw createGraphQLError(`No sub-page "${subPageSlug}" on "${pageSlug}"`, { extensions: { code: "NOT_FOUND" } });
  return { pageId: view.pageId, subPageId: view.subPageId, kind: view.kind };
}

const componentChangesOf = (update: SummaryUpdate) => update.componentChanges;
const pageEventOf = (update: SummaryUpdate) => (update.pageEvent ? [update.pageEvent] : []);

/**
 * A `subscribe` resolver: decides access to the view its arguments name, opens `stream`
 * on it, and holds the stream on the caller's credential for as long as both last.
 */
function subscribeToView<T>(stream: (hub: SummaryHub, view: SummaryKey) => BoundedQueue<T>) {
  return async (_root: unknown, { pageSlug, subPageSlug }: { pageSlug: string; subPageSlug?: string | null }, ctx: Context) => {
    const view = await viewOf(ctx, pageSlug, subPageSlug);
    const queue = stream(ctx.hub, { pageId: view.pageId, subPageId: view.subPageId });
    const unlisten = queue.onEnd;
    const release = ctx.liveAccess.hold(ctx.actor, view, queue);
    if (release !== NOT_HELD) {
      queue.onEnd = () => {
        unlisten?.();
        release();
      };
    }
    return queue;
  };
}

// Made here rather than inline in t.field: there, Pothos would infer each field's
// resolve shape as unknown from the call's generic result.
const subscribeToSummaries = subscribeToView(summaryStream);
const subscribeToComponentChanges = subscribeToView((hub, view) => eventStream(hub, view, componentChangesOf));
const subscribeToPageEvents = subscribeToView((hub, view) => eventStream(hub, view, pageEventOf));

builder.subscriptionFields((t) => {
  const args = {
    pageSlug: t.arg.string(),
    subPageSlug: t.arg.string({ required: false, description: "A customer page's sub-page; viewers must be signed in for it." }),
  };
  return {
    pageStatus: t.field({
      type: LiveStatus,
      description: "The page's (or sub-page's) current status first, then the new one after every change that alters it.",
      args,
      subscribe: subscribeToSummaries,
      resolve: (summary) => summary,
    }),
    componentStatusChanged: t.field({
      type: ComponentStatusEvent,
      description: "One event per shown component whose derived status changes, with its cause.",
      args,
      subscribe: subscribeToComponentChanges,
      resolve: (event) => event,
    }),
    pageEvents: t.field({
      type: PageEvent,
      description: "Incidents and maintenance published, updated, resolved, started, completed or deleted; on a sub-page, those affecting its components.",
      args,
      subscribe: subscribeToPageEvents,
      resolve: (event) => event,
    }),
  };
});
