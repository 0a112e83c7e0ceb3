// How @pothos/plugin-scope-auth sees a request: the actor's scopes, computed once,
// and refusals as AccessDeniedError so mutations return them in their result union.
import { AuthScopeFailureType, type AuthFailure } from "@pothos/plugin-scope-auth";
import { authScopes } from "../auth/actor.js";
import { operatorRequired, type OperatorScope } from "../auth/denial.js";
import type { Context } from "../context.js";

const OPERATOR_SCOPES: readonly string[] = ["read", "publish", "admin"] satisfies OperatorScope[];

/** The operator scope a failed check asked for (the first, when it asked for several). */
function requiredScope(failure: AuthFailure): OperatorScope | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    return OPERATOR_SCOPES.includes(failure.scope) ? (failure.scope as OperatorScope) : null;
  }
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const child of failure.failures) {
      const scope = requiredScope(child);
      if (scope) return scope;
    }
  }
  return null;
}

export const scopeAuthOptions = {
  authScopes: (ctx: Context) => authScopes(ctx.actor),
  unauthorizedError: (_parent: unknown, ctx: Context, _info: unknown, result: { failure: AuthFailure }) =>
    operatorRequired(ctx, requiredScope(result.failure) ?? "read"),
};
