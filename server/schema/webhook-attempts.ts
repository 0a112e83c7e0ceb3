// An endpoint's delivery log in the API: each attempt at an event, newest first.
import { prismaConnectionHelpers, queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { ValidationError } from "../errors.js";
import { connectionArgIssues, cursorId, type ConnectionArgs } from "./connection-args.js";

const EDITOR = { role: "EDITOR" } as const;

/** The log's order: the latest attempt first. */
export const NEWEST_FIRST = [{ at: "desc" }, { id: "desc" }] as const;

export const WebhookAttempt = builder.prismaObject("WebhookAttempt", {
  description: "One attempt at delivering an event to an endpoint.",
  authScopes: EDITOR,
  fields: (t) => ({
    id: t.exposeID("id"),
    webhookId: t.exposeString("webhookId", { description: "The webhook-id header: the same on every attempt at one event." }),
    attempt: t.exposeInt("attempt", { description: "1 for the first attempt at this event, 2 for its first retry, …" }),
    status: t.exposeString("status", { description: "SENT (a 2xx answer) or FAILED." }),
    responseCode: t.exposeInt("responseCode", {
      nullable: true,
      description: "The HTTP status answered; null when none was (refused address, timeout, connection error).",
    }),
    durationMs: t.exposeInt("durationMs"),
    error: t.exposeString("error", { nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
    event: t.string({
      nullable: true,
      description: "The event's type as its JSON body names it, e.g. incident.created; null once the event is pruned.",
      resolve: async (a, _args, ctx) => (await ctx.loaders.webhookDeliveries.load(a.deliveryId))?.eventType ?? null,
    }),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the event is tried again after this failed attempt; null when it succeeded, was the last, or a later attempt was made.",
      resolve: async (a, _args, ctx) => {
        const delivery = await ctx.loaders.webhookDeliveries.load(a.deliveryId);
        const retrying = a.status === "FAILED" && delivery?.status === "PENDING" && delivery.attempts === a.attempt;
        return retrying ? delivery.nextAttemptAt : null;
      },
    }),
  }),
});

const attempts = prismaConnectionHelpers(builder, "WebhookAttempt", { cursor: "id" });

/** One page of an endpoint's attempts, newest first; a cursor must name one of its attempts. */
export async function deliveryLog(ctx: Context, info: GraphQLResolveInfo, endpointId: string, args: ConnectionArgs) {
  const issues = connectionArgIssues(args);
  const id = issues.length === 0 ? cursorId(args.after ?? args.before ?? "") : null;
  if (id !== null && (await ctx.db.webhookAttempt.count({ where: { id, endpointId } })) === 0)
    issues.push({ field: args.after != null ? "after" : "before", rule: "cursor", message: "is not a cursor of this delivery log" });
  if (issues.length > 0) throw new ValidationError(issues);
  const nested = queryFromInfo({ context: ctx, info, path: ["edges", "node"] });
  const rows = await ctx.db.webhookAttempt.findMany({ ...attempts.getQuery(args, ctx, () => nested), where: { endpointId }, orderBy: [...NEWEST_FIRST] });
  return attempts.resolve(rows, args, ctx);
}
