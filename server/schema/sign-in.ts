// Customer-page viewers sign in by email. Browsers follow the mailed link to
// GET/POST /auth/callback (server/http/auth-routes.ts), which sets a cookie; API
// clients trade the link's token for a session token with completeSignIn.
import { builder } from "../builder.js";
import { clearSessionCookie } from "../auth/cookies.js";
import { RateLimitedError } from "../auth/rate-limit.js";
import { SignInLinkError, completeSignIn, endSession, requestSignIn } from "../auth/viewer-sessions.js";
import { AccessDeniedError } from "../errors.js";
import { SUB_PAGE_ORDER } from "../services/customer-pages.js";
import { MUTATION_ERRORS } from "./errors.js";
import { signOutOperator } from "./operator-sign-in.js";

export const SIGN_IN_REQUESTED = "If that address may see this page, a sign-in link is on its way.";

const SignInRequested = builder.objectRef<{ message: string }>("SignInRequested").implement({
  description: "The same answer whether or not the address may see the page, so it tells nobody which addresses may.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

interface Session {
  token: string;
  email: string;
  expiresAt: Date;
  subPageIds: string[];
}

const ViewerSession = builder.objectRef<Session>("ViewerSession").implement({
  fields: (t) => ({
    token: t.exposeString("token", {
      description: "The session's secret: send it as `Authorization: Bearer <token>` (or as `token` in graphql-ws connectionParams).",
    }),
    email: t.exposeString("email"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    subPages: t.prismaField({
      type: ["SubPage"],
      description: "The sub-pages the address may see.",
      resolve: (query, s, _args, ctx) => ctx.db.subPage.findMany({ ...query, where: { id: { in: s.subPageIds } }, orderBy: [...SUB_PAGE_ORDER] }),
    }),
  }),
});

builder.mutationFields((t) => ({
  requestSignIn: t.field({
    type: SignInRequested,
    description: "Emails a one-time sign-in link to an address allowed on the customer page; rate limited per address and per client.",
    errors: { types: [...MUTATION_ERRORS, RateLimitedError] },
    args: { pageSlug: t.arg.string(), email: t.arg.string() },
    resolve: async (_root, { pageSlug, email }, ctx) => {
      const onError = (error: unknown) => ctx.log.error({ err: error }, "Sign-in mail failed");
      const input = { pageSlug, email, baseUrl: ctx.baseUrl, now: ctx.now(), limits: ctx.signInLimits, client: ctx.clientAddress, onError };
      // Not awaiting delivery keeps the answer's timing from telling allowed addresses apart.
      await requestSignIn(ctx.db, ctx.mailer, input);
      return { message: SIGN_IN_REQUESTED };
    },
  }),
  completeSignIn: t.field({
    type: ViewerSession,
    description:
      "Trades a sign-in link's token for a session (API clients; browsers use the link itself). AccessDeniedError when the link is unknown, used or expired.",
    errors: { types: MUTATION_ERRORS },
    args: { token: t.arg.string() },
    resolve: async (_root, { token }, ctx) => {
      try {
        const { sessionSecret, session, subPageIds } = await completeSignIn(ctx.db, token, ctx.now());
        return { token: sessionSecret, email: session.email, expiresAt: session.expiresAt, subPageIds };
      } catch (error) {
        if (error instanceof SignInLinkError) throw new AccessDeniedError(error.message, "UNAUTHENTICATED");
        throw error;
      }
    },
  }),
  signOut: t.boolean({
    description: "Ends the caller's session (a viewer's or an operator's) and clears its cookie; false when there was none.",
    resolve: async (_root, _args, ctx) => {
      // Cleared in any case: a browser may hold a cookie the server no longer accepts.
      await ctx.setCookie(clearSessionCookie({ baseUrl: ctx.baseUrl }));
      const { actor } = ctx;
      if (actor.kind === "person") return signOutOperator(ctx, actor.sessionId);
      return actor.kind === "viewer" ? endSession(ctx.db, ctx.events, actor.sessionId, ctx.now(), ctx.credentials) : false;
    },
  }),
}));
