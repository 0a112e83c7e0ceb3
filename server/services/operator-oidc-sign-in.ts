// OpenID Connect sign-in completed into operator accounts and sessions: the account an
// address holds, the account created when admission says so (a change on the one path,
// made by the system), then the operator's session and its cookie.
import type { CompletionRequest, OperatorSignIn } from "../auth/operator-sign-in.js";
import type { OidcIdentity } from "../auth/oidc-client.js";
import { findOperatorByEmail } from "../auth/operators.js";
import { operatorSessionCookie, startOperatorSession } from "../auth/operator-sessions.js";
import { getCookieString } from "@whatwg-node/cookie-store";
import type { Db } from "../db/client.js";
import { LIMITS } from "../domain/limits.js";
import type { Admitted } from "../domain/operator-admission.js";
import { ValidationError } from "../errors.js";
import { commitChange, systemScope, type ChangeFlow } from "./change.js";
import { createOperatorChange } from "./operator-changes.js";

export interface OperatorSignInDeps {
  db: Db;
  now: () => Date;
  changes: ChangeFlow;
}

/** The provider's display name when it gives a usable one, else the address. */
function displayName(identity: OidcIdentity): string {
  const name = identity.name?.trim() ?? "";
  return name.length > 0 && name.length <= LIMITS.name ? name : identity.email.address;
}

/** The admitted operator's id, creating the account first when the decision says so. */
async function admittedOperatorId(deps: OperatorSignInDeps, decision: Admitted, identity: OidcIdentity): Promise<string> {
  if (decision.kind === "admit") return decision.operator.id;
  const input = { email: identity.email.address, name: displayName(identity), role: decision.role };
  try {
    const created = await commitChange(systemScope(deps.db, deps.now, deps.changes), "createOperator", (tx, at) => createOperatorChange(tx, input, at));
    return created.id;
  } catch (error) {
    // A simultaneous first sign-in of the same address created it in between: sign in to that one.
    const existing = error instanceof ValidationError ? await findOperatorByEmail(deps.db, input.email) : null;
    if (!existing) throw error;
    return existing.id;
  }
}

/** The OperatorSignIn the composition root wires into the OpenID Connect routes. */
export function createOperatorSignIn(deps: OperatorSignInDeps): OperatorSignIn {
  return {
    async findOperator(email) {
      const operator = await findOperatorByEmail(deps.db, email.address);
      return operator && { id: operator.id, disabled: operator.disabledAt !== null };
    },
    async completeSignIn(decision: Admitted, identity: OidcIdentity, request: CompletionRequest) {
      const operatorId = await admittedOperatorId(deps, decision, identity);
      const meta = { address: request.ip, userAgent: request.request.headers.get("user-agent") };
      const { secret, expiresAt } = await startOperatorSession(deps.db, operatorId, meta, deps.now());
      const headers = {
        location: request.returnTo,
        "set-cookie": getCookieString(operatorSessionCookie(secret, expiresAt, request.secure)),
        "cache-control": "no-store",
      };
      return new Response(null, { status: 303, headers });
    },
  };
}
