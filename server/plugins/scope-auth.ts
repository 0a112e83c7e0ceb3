// How @pothos/plugin-scope-auth sees a request: the actor's role, computed once,
// and refusals as AccessDeniedError so mutations return them in their result union.
import { AuthScopeFailureType, type AuthFailure } from "@pothos/plugin-scope-auth";
import type { GraphQLResolveInfo } from "graphql";
import { authScopes } from "../auth/actor.js";
import { operatorRequired } from "../auth/denial.js";
import { isRole, type Role } from "../auth/roles.js";
import type { Context } from "../context.js";
import { recordAttempt } from "../services/audit-log.js";

/** The role a failed check asked for (the first, when it asked for several). */
function requiredRole(failure: AuthFailure): Role | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    return failure.scope === "role" && isRole(failure.parameter) ? failure.parameter : null;
  }
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const child of failure.failures) {
      const role = requiredRole(child);
      if (role) return role;
    }
  }
  return null;
}

export const scopeAuthOptions = {
  authScopes: (ctx: Context) => authScopes(ctx.actor),
  unauthorizedError: (_parent: unknown, ctx: Context, info: GraphQLResolveInfo, result: { failure: AuthFailure }) => {
    const role = requiredRole(result.failure) ?? "VIEWER";
    if (info.parentType.name === "Mutation") recordRefusal(ctx, info.fieldName, role);
    return operatorRequired(ctx, role);
  },
};

/**
 * An attempted change refused for authorization goes to the audit log, on its own (there is
 * no change's transaction) and without its arguments. The refusal does not wait for it: the
 * answer is the same whether or not the entry could be written, and a failure is logged.
 */
function recordRefusal(ctx: Context, operation: string, role: Role): void {
  const attempt = { outcome: "REFUSED", operation, actor: ctx.actor, address: ctx.clientAddress, at: ctx.now() } as const;
  recordAttempt(ctx.db, { ...attempt, summary: `Refused ${operation}: needs the ${role.toLowerCase()} role` }).catch((error: unknown) =>
    ctx.log.error({ err: error, operation }, "Could not record a refused attempt in the audit log"),
  );
}
