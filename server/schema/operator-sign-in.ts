// Operators sign in by email link: this asks for the link; the link's page
// (server/http/operator-auth-route.ts) completes it and sets the session cookie.
import { builder } from "../builder.js";
import { mailOperatorLink, requestOperatorSignIn } from "../auth/operator-email-sign-in.js";
import { isHttpsUrl } from "../auth/cookies.js";
import { clearOperatorSessionCookie, endOperatorSessions } from "../auth/operator-sessions.js";
import type { Operator } from "../auth/operators.js";
import { RateLimitedError } from "../auth/rate-limit.js";
import type { Context, OperatorSignInMethods } from "../context.js";
import { MUTATION_ERRORS } from "./errors.js";

export const OPERATOR_SIGN_IN_REQUESTED = "If that address belongs to an operator, a sign-in link is on its way.";

const OperatorSignInRequested = builder.objectRef<{ message: string }>("OperatorSignInRequested").implement({
  description: "The same answer for every address, known or not, so it tells nobody who the operators are.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

/** Mails a new operator their first link, awaited so the admin hears of a failure. */
export function sendOperatorInvite(ctx: Context, operator: Operator): Promise<void> {
  return mailOperatorLink(ctx.db, ctx.mailer, operator, ctx.baseUrl, ctx.now());
}

/** Ends the signed-in operator's session and clears their cookie. */
export async function signOutOperator(ctx: Context, sessionId: string): Promise<boolean> {
  await ctx.setCookie(clearOperatorSessionCookie(isHttpsUrl(ctx.baseUrl)));
  return (await endOperatorSessions(ctx.db, { sessionId }, ctx.now(), ctx.events, ctx.credentials)) === 1;
}

builder.mutationField("requestOperatorSignIn", (t) =>
  t.field({
    type: OperatorSignInRequested,
    description: "Emails a one-time sign-in link to an enabled operator's address; rate limited per address and per client.",
    errors: { types: [...MUTATION_ERRORS, RateLimitedError] },
    args: { email: t.arg.string() },
    resolve: async (_root, { email }, ctx) => {
      const onError = (error: unknown) => ctx.log.error({ err: error }, "Operator sign-in mail failed");
      const input = { email, baseUrl: ctx.baseUrl, now: ctx.now(), limits: ctx.signInLimits, client: ctx.clientAddress, onError };
      // Not awaiting delivery keeps the answer's timing from telling operators' addresses apart.
      await requestOperatorSignIn(ctx.db, ctx.mailer, input);
      return { message: OPERATOR_SIGN_IN_REQUESTED };
    },
  }),
);

const OidcSignIn = builder.objectRef<NonNullable<OperatorSignInMethods["oidc"]>>("OidcSignIn").implement({
  description: "Single sign-on with the company's identity provider (OpenID Connect).",
  fields: (t) => ({
    buttonLabel: t.exposeString("buttonLabel", { description: "The sign-in button's text (OIDC_BUTTON_LABEL)." }),
    startPath: t.exposeString("startPath", { description: "Where the button leads; add `?returnTo=<path on this service>` to come back there." }),
  }),
});

const SignInMethods = builder.objectRef<OperatorSignInMethods>("OperatorSignInMethods").implement({
  description: "How operators may sign in to this service.",
  fields: (t) => ({
    emailLink: t.boolean({ description: "A one-time link mailed to the operator's address (`requestOperatorSignIn`); always offered.", resolve: () => true }),
    oidc: t.field({ type: OidcSignIn, nullable: true, description: "Null unless OpenID Connect is configured.", resolve: (m) => m.oidc }),
  }),
});

builder.queryField("operatorSignInMethods", (t) =>
  t.field({
    type: SignInMethods,
    description: "How operators may sign in, for the console's sign-in screen. Anyone may ask.",
    resolve: (_root, _args, ctx) => ctx.signInMethods,
  }),
);
