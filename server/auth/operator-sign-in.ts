// Where OpenID Connect sign-in meets operator accounts: finding the account an address
// holds, and opening the session once admission says yes. Injected, so the sign-in flow
// does not depend on how accounts and sessions are kept.
import type { Mailbox } from "../domain/mailbox.js";
import type { AdmissionDecision, Admitted, KnownOperator } from "../domain/operator-admission.js";
import { OidcSignInError, type OidcErrorCode } from "./oidc-errors.js";
import type { OidcIdentity } from "./oidc-client.js";

/** What completeSignIn gets besides the decision and the identity. */
export interface CompletionRequest {
  /** The callback as the browser sent it (user agent, cookies). */
  request: Request;
  /** The browser's address as this server sees it. */
  ip: string | null;
  /** The path on this service the browser asked to return to. */
  returnTo: string;
  /** Whether cookies must be Secure (the public URL is https). */
  secure: boolean;
}

export interface OperatorSignIn {
  /** The operator account held for the address, if any; local parts as providers send them, so compare case-insensitively. */
  findOperator(email: Mailbox): Promise<KnownOperator | null>;
  /**
   * Opens the session of an admitted person (creating the account first when the decision
   * says so) and answers the browser, typically a 303 to `returnTo` with the session cookie.
   */
  completeSignIn(decision: Admitted, identity: OidcIdentity, request: CompletionRequest): Promise<Response>;
}

const REFUSALS: Record<Extract<AdmissionDecision, { kind: "refuse" }>["reason"], OidcErrorCode> = {
  operator_disabled: "oidc_operator_disabled",
  not_allowed: "oidc_not_allowed",
  no_account: "oidc_no_account",
};

/** The admitted decision, or the typed refusal thrown. */
export function admitOrRefuse<O extends KnownOperator>(decision: AdmissionDecision<O>): Admitted<O> {
  if (decision.kind === "refuse") throw new OidcSignInError(REFUSALS[decision.reason], `admission refused: ${decision.reason}`);
  return decision;
}
