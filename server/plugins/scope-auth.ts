// How @pothos/plugin-scope-auth sees a request: the actor's role, computed once,
// and refusals as AccessDeniedError so mutations return them in their result union.
import { AuthScopeFailureType, type AuthFailure } from "@pothos/plugin-scope-auth";
import { authScopes } from "../auth/actor.js";
import { operatorRequired } from "../auth/denial.js";
import { isRole, type Role } from "../auth/roles.js";
import type { Context } from "../context.js";

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
  unauthorizedError: (_parent: unknown, ctx: Context, _info: unknown, result: { failure: AuthFailure }) =>
    operatorRequired(ctx, requiredRole(result.failure) ?? "VIEWER"),
};
