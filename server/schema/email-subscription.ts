// Email subscriptions in the API: subscribe (double opt-in), confirm, unsubscribe.
// Browsers follow the mailed links to /subscriptions/* (server/http/subscription-routes.ts).
import { builder } from "../builder.js";
import { RateLimitedError } from "../auth/rate-limit.js";
import type { EmailSubscriber } from "../generated/sqlite/client.js";
import { confirmSubscription, subscribe, unsubscribe } from "../notifications/subscriptions.js";
import { MUTATION_ERRORS } from "./errors.js";

export const SUBSCRIBE_ANSWER = "If that address is not subscribed yet, a confirmation link is on its way. Nothing is sent before it is used.";

const SubscribeRequested = builder.objectRef<{ message: string }>("SubscribeRequested").implement({
  description: "The same answer for new, pending and already-confirmed addresses, so it tells nobody who is subscribed.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

const EmailSubscription = builder.objectRef<EmailSubscriber>("EmailSubscription").implement({
  description: "A subscription, as its own links show it.",
  fields: (t) => ({
    email: t.exposeString("email"),
    confirmed: t.boolean({ resolve: (s) => s.confirmedAt !== null }),
    subscribed: t.boolean({ description: "False once unsubscribed.", resolve: (s) => s.confirmedAt !== null && s.unsubscribedAt === null }),
    componentIds: t.idList({ description: "Empty: every component of the page or sub-page.", resolve: (s) => JSON.parse(s.componentIds) as string[] }),
  }),
});

const SubscribeInput = builder.inputType("SubscribeInput", {
  fields: (t) => ({
    page: t.string({ description: "The status page's slug." }),
    subPage: t.string({ required: false, description: "A customer page's sub-page slug (required there): only its customer's email domains may subscribe." }),
    email: t.string(),
    componentIds: t.idList({ required: false, description: "Only these components (shown on the page); omit for all." }),
  }),
});

builder.mutationFields((t) => ({
  subscribe: t.field({
    type: SubscribeRequested,
    description:
      "Asks for email notifications of a page's (or sub-page's) incidents and maintenance; mails a confirmation link. Rate limited per address and per client.",
    errors: { types: [...MUTATION_ERRORS, RateLimitedError] },
    args: { input: t.arg({ type: SubscribeInput }) },
    resolve: async (_root, { input }, ctx) => {
      const onError = (error: unknown) => ctx.log.error({ err: error }, "Subscription confirmation mail failed");
      await subscribe(ctx.db, ctx.mailTransport, {
        pageSlug: input.page,
        subPageSlug: input.subPage,
        email: input.email,
        componentIds: input.componentIds?.map(String),
        baseUrl: ctx.baseUrl,
        now: ctx.now(),
        limits: ctx.subscribeLimits,
        client: ctx.clientAddress,
        onError,
      });
      return { message: SUBSCRIBE_ANSWER };
    },
  }),
  confirmSubscription: t.field({
    type: EmailSubscription,
    description: "Uses a confirmation link's token. ValidationError on `token`: `unknown`, `used` or `expired`.",
    errors: { types: MUTATION_ERRORS },
    args: { token: t.arg.string() },
    resolve: (_root, { token }, ctx) => confirmSubscription(ctx.db, token, ctx.now()),
  }),
  unsubscribe: t.field({
    type: EmailSubscription,
    description: "Ends a subscription with the token of its unsubscribe link (every notification carries it). ValidationError on `token`: `unknown`.",
    errors: { types: MUTATION_ERRORS },
    args: { token: t.arg.string() },
    resolve: (_root, { token }, ctx) => unsubscribe(ctx.db, token, ctx.now()),
  }),
}));
