// Refusals, worded so the client knows what to fix. UNAUTHENTICATED means "send
// (other) credentials", FORBIDDEN "these credentials will never do": the
// difference is the whole point of the reason field.
import { AccessDeniedError, ServiceUnavailableError } from "../errors.js";
import type { Actor, AuthError } from "./actor.js";
import type { Role } from "./roles.js";

/** The part of the request context refusals are worded from. */
export interface Caller {
  actor: Actor;
  authError: AuthError | null;
}

const REFUSED: Record<Exclude<AuthError, "stale_cookie" | "unavailable">, string> = {
  invalid_key: "The API key is unknown or revoked",
  invalid_session: "The session is unknown, expired or signed out; sign in again",
  invalid_authorization: 'The Authorization header must be "Bearer <API key or session token>"',
  ended_operator_session: "Your operator session has ended (signed out, expired, or the account was disabled); sign in again",
};

/**
 * Sent credentials that were refused, or null when none were sent (a stale cookie counts as none).
 * Credentials the database could not check are not refused: the caller is told to retry.
 */
function refusedCredentials(caller: Caller): AccessDeniedError | ServiceUnavailableError | null {
  const error = caller.authError;
  if (error === "unavailable") return new ServiceUnavailableError();
  return error && error !== "stale_cookie" ? new AccessDeniedError(REFUSED[error], "UNAUTHENTICATED") : null;
}

/** Refuses an operation that needs an operator (person or API key) holding `role` or a higher one. */
export function operatorRequired(caller: Caller, role: Role): AccessDeniedError | ServiceUnavailableError {
  const needs = `This needs an operator with the ${role.toLowerCase()} role`;
  const { actor } = caller;
  if (actor.kind === "operator") {
    return new AccessDeniedError(`${needs}; the API key "${actor.name}" has the ${actor.scope.toLowerCase()} role`, "FORBIDDEN");
  }
  if (actor.kind === "person") return new AccessDeniedError(`${needs}; ${actor.email} has the ${actor.role.toLowerCase()} role`, "FORBIDDEN");
  if (actor.kind === "viewer") return new AccessDeniedError(`${needs}; a customer viewer's session does not allow it`, "FORBIDDEN");
  return (
    refusedCredentials(caller) ??
    new AccessDeniedError(`${needs}: sign in as an operator, or send an API key (Authorization: Bearer sg_key_…)`, "UNAUTHENTICATED")
  );
}

const NOT_YOURS = "You may not see this page";

/** Refuses a customer sub-page. The same words whether or not it exists, so refusals reveal nothing. */
export function subPageDenied(caller: Caller): AccessDeniedError | ServiceUnavailableError {
  if (caller.actor.kind !== "anonymous") return new AccessDeniedError(NOT_YOURS, "FORBIDDEN");
  return refusedCredentials(caller) ?? new AccessDeniedError("Sign in to see this page", "UNAUTHENTICATED");
}

/**
 * Ends a live view whose access ended, in the words a new request would now get:
 * the credential it was granted on is gone, or the viewer's domain no longer admitted.
 */
export function accessEnded(why: "invalid_session" | "invalid_key" | "ended_operator_session" | "not_admitted"): AccessDeniedError {
  return why === "not_admitted" ? new AccessDeniedError(NOT_YOURS, "FORBIDDEN") : new AccessDeniedError(REFUSED[why], "UNAUTHENTICATED");
}
