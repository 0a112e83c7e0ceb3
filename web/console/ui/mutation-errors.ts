// A mutation's typed errors (server/schema/errors.ts), turned into what a form
// shows: messages beside the fields they name, one alert for the form, and the
// changes missed when an edit was made from a stale version.
import type { CombinedError } from "urql";
import { graphql, type ResultOf } from "../../src/graphql.js";

/** Spread into every mutation's result: `... on Error { ...MutationErrorFields }` is not needed, the fragment is on the interface. */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error {
    __typename
    message
    ... on ValidationError { issues { field rule message } }
    ... on StaleVersionError { field objectType objectId expectedVersion currentVersion updatedAt updatedBy changesSince { at by summary fields } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on ServiceUnavailableError { retryAfterSeconds }
    ... on NotFoundError { resource key }
    ... on InUseError { usedBy }
    ... on InvalidStateError { state }
    ... on AccessDeniedError { reason }
  }
`);

export type MutationError = ResultOf<typeof MutationErrorFields>;
export type StaleVersion = Extract<MutationError, { __typename: "StaleVersionError" }>;

const ERROR_TYPES = new Set([
  "ValidationError",
  "AccessDeniedError",
  "NotFoundError",
  "InUseError",
  "InvalidStateError",
  "StaleVersionError",
  "RateLimitedError",
  "ServiceUnavailableError",
]);

/** What a form shows after a mutation: per-field messages by input path ("input.name"), a form-level alert, a stale-version notice. */
export interface FormErrors {
  fields: Record<string, string[]>;
  form: string | null;
  stale: StaleVersion | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null, stale: null };

/** True when a mutation's result is one of the typed errors rather than its object. */
export function isMutationError(result: { __typename?: string } | null | undefined): result is MutationError {
  return !!result?.__typename && ERROR_TYPES.has(result.__typename);
}

function retryIn(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

function formMessage(error: MutationError): string {
  switch (error.__typename) {
    case "ValidationError":
      return "Some fields need attention.";
    case "AccessDeniedError":
      return error.reason === "UNAUTHENTICATED" ? "Your session has ended. Sign in again." : "Your role does not allow this.";
    case "NotFoundError":
      return `${error.message} It may have been deleted meanwhile.`;
    case "InUseError":
      return `${error.message}${error.usedBy.length ? ` Still used by: ${error.usedBy.join(", ")}.` : ""}`;
    case "StaleVersionError":
      return "Someone changed this since you opened it. Nothing was saved.";
    case "RateLimitedError":
      return `Too many attempts. Try again in ${retryIn(error.retryAfterSeconds)}.`;
    case "ServiceUnavailableError":
      return `The service is unavailable right now. Nothing was changed; try again in ${retryIn(error.retryAfterSeconds)}.`;
    default:
      return error.message;
  }
}

/**
 * What to show for a mutation's outcome: `result` is the mutation's field (an
 * object or a typed error), `failure` urql's error for the request itself.
 * Validation issues whose field is not in `shownFields` (when given) go to the form alert, so none is lost.
 */
export function formErrors(result: { __typename?: string } | null | undefined, failure?: CombinedError | null, shownFields?: readonly string[]): FormErrors {
  if (failure) {
    const message = failure.networkError ? "The service could not be reached. Nothing was changed." : failure.graphQLErrors[0]?.message || failure.message;
    return { fields: {}, form: message, stale: null };
  }
  if (!isMutationError(result)) return NO_ERRORS;
  const fields: Record<string, string[]> = {};
  const unplaced: string[] = [];
  if (result.__typename === "ValidationError") {
    for (const issue of result.issues) {
      if (shownFields && !shownFields.includes(issue.field)) unplaced.push(`${issue.field}: ${issue.message}`);
      else (fields[issue.field] ??= []).push(issue.message);
    }
  }
  const form = [formMessage(result), ...unplaced].join(" ");
  return { fields, form, stale: result.__typename === "StaleVersionError" ? result : null };
}
