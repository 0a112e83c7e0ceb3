// Operators as people over GraphQL (admins only), the same services as `npm run operators`.
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder } from "../builder.js";
import { isHttpsUrl } from "../auth/cookies.js";
import { clearOperatorSessionCookie, endOperatorSessions } from "../auth/operator-sessions.js";
import type { Operator } from "../auth/operators.js";
import { commitChange } from "../services/change.js";
import { createOperatorChange, disableOperatorChange, enableOperatorChange, setOperatorRoleChange } from "../services/operator-changes.js";
import { AccessDeniedError, ValidationError } from "../errors.js";
import { inputSchema, nameSchema } from "../domain/limits.js";
import { Role } from "./api-key.js";
import { MUTATION_ERRORS, mutationOf } from "./errors.js";
import { sendOperatorInvite } from "./operator-sign-in.js";

export const OperatorRef = builder.objectRef<Operator>("Operator").implement({
  description: "A person who runs the status pages. Admins see every operator; each operator sees themselves (`viewer.operator`).",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email", { description: "Lower-cased; one account per address." }),
    name: t.exposeString("name"),
    role: t.field({ type: Role, resolve: (o) => o.role }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", nullable: true, description: "Last signed-in request; refreshed at most once a minute." }),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true, description: "Set while the account may not sign in." }),
  }),
});

const OperatorInput = builder.inputType("OperatorInput", {
  validate: inputSchema({ name: nameSchema }),
  fields: (t) => ({
    email: t.string({ description: "The address they sign in with (email link, or their identity provider's)." }),
    name: t.string({ description: "Display name, recorded as who published what they publish." }),
    role: t.field({ type: Role }),
  }),
});

const ADMIN = { role: "ADMIN" } as const;

const SignedOutEverywhere = builder.objectRef<{ sessionsEnded: number }>("SignedOutEverywhere").implement({
  fields: (t) => ({ sessionsEnded: t.exposeInt("sessionsEnded", { description: "How many sessions were live, this one included." }) }),
});

builder.queryField("operators", (t) =>
  t.connection({
    type: OperatorRef,
    description: "Every operator, disabled ones included, oldest first. Admin only.",
    authScopes: ADMIN,
    resolve: async (_root, args, ctx) => {
      for (const field of ["first", "last"] as const) {
        const size = args[field];
        if (size != null && (size < 0 || size > 100)) throw ValidationError.of(field, "range", "must be between 0 and 100");
      }
      try {
        return await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 100 }, ({ limit, offset }) =>
          ctx.db.operator.findMany({ orderBy: [{ createdAt: "asc" }, { email: "asc" }], skip: offset, take: limit }),
        );
      } catch (error) {
        // A cursor this list did not give out.
        if (error instanceof Error && /cursor/i.test(error.message))
          throw ValidationError.of(args.after ? "after" : "before", "cursor", "is not a cursor this list gave out");
        throw error;
      }
    },
  }),
);

builder.mutationFields((t) => ({
  createOperator: t.field({
    type: OperatorRef,
    description: "Adds an operator without mailing them; they sign in by email link or single sign-on. Admin only.",
    ...mutationOf("ADMIN"),
    args: { input: t.arg({ type: OperatorInput }) },
    resolve: (_root, { input }, ctx) => commitChange(ctx, "createOperator", (tx, now) => createOperatorChange(tx, input, now)),
  }),
  inviteOperator: t.field({
    type: OperatorRef,
    description: "Adds an operator and mails them a one-time sign-in link. Admin only.",
    ...mutationOf("ADMIN"),
    args: { input: t.arg({ type: OperatorInput }) },
    resolve: async (_root, { input }, ctx) => {
      const operator = await commitChange(ctx, "inviteOperator", (tx, now) => createOperatorChange(tx, input, now));
      await sendOperatorInvite(ctx, operator);
      return operator;
    },
  }),
  setOperatorRole: t.field({
    type: OperatorRef,
    description: "Takes effect on the operator's next request. InvalidStateError (LAST_ADMIN) rather than leave no active admin. Admin only.",
    ...mutationOf("ADMIN"),
    args: { id: t.arg.id({ description: "The operator's id (their email works too)." }), role: t.arg({ type: Role }) },
    resolve: (_root, { id, role }, ctx) => commitChange(ctx, "setOperatorRole", (tx) => setOperatorRoleChange(tx, String(id), role)),
  }),
  disableOperator: t.field({
    type: OperatorRef,
    description:
      "Ends every session of the operator on every instance (live subscriptions included) and refuses their sign-ins until enabled. InvalidStateError (LAST_ADMIN) for the last active admin. Admin only.",
    ...mutationOf("ADMIN"),
    args: { id: t.arg.id({ description: "The operator's id (their email works too)." }) },
    resolve: (_root, { id }, ctx) => commitChange(ctx, "disableOperator", (tx, now) => disableOperatorChange(tx, String(id), now)),
  }),
  enableOperator: t.field({
    type: OperatorRef,
    description: "Lets a disabled operator sign in again. Admin only.",
    ...mutationOf("ADMIN"),
    args: { id: t.arg.id({ description: "The operator's id (their email works too)." }) },
    resolve: (_root, { id }, ctx) => commitChange(ctx, "enableOperator", (tx) => enableOperatorChange(tx, String(id))),
  }),
  signOutEverywhere: t.field({
    type: SignedOutEverywhere,
    description: "Ends every session of the signed-in operator, this one included, on every instance; returns how many were live.",
    errors: { types: MUTATION_ERRORS },
    resolve: async (_root, _args, ctx) => {
      const { actor } = ctx;
      if (actor.kind !== "person") throw new AccessDeniedError("Only an operator signed in as themselves can sign out everywhere", "UNAUTHENTICATED");
      await ctx.setCookie(clearOperatorSessionCookie(isHttpsUrl(ctx.baseUrl)));
      return { sessionsEnded: await endOperatorSessions(ctx.db, { operatorId: actor.operatorId }, ctx.now(), ctx.events, ctx.credentials) };
    },
  }),
}));
