// Domain errors. Mutations declare which of these they return, so clients get
// typed unions; anything else is unexpected and stays masked.

/** One broken rule on one input field, e.g. `input.name` / `too_long`. */
export interface ValidationIssue {
  field: string;
  rule: string;
  message: string;
}

export class ValidationError extends Error {
  readonly issues: ValidationIssue[];
  /**
   * graphql-js copies these onto the GraphQL error where no result union catches this
   * one (queries, subscriptions): the first issue's field and rule, and every issue.
   */
  readonly extensions: { code: "BAD_USER_INPUT"; field: string; rule: string; issues: ValidationIssue[] };
  constructor(issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    this.name = "ValidationError";
    this.issues = issues;
    this.extensions = { code: "BAD_USER_INPUT", field: issues[0]?.field ?? "", rule: issues[0]?.rule ?? "", issues };
  }

  static of(field: string, rule: string, message: string): ValidationError {
    return new ValidationError([{ field, rule, message }]);
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly key: string,
  ) {
    super(`No ${resource} with id or slug "${key}"`);
    this.name = "NotFoundError";
  }
}

/** A delete refused because other records still point at the target. */
export class InUseError extends Error {
  constructor(
    what: string,
    readonly usedBy: string[],
  ) {
    super(`${what} is still used by: ${usedBy.join(", ")}`);
    this.name = "InUseError";
  }
}

/** A change the target's current state does not allow, e.g. updating a resolved incident. */
export class InvalidStateError extends Error {
  constructor(
    message: string,
    readonly state: string,
  ) {
    super(message);
    this.name = "InvalidStateError";
  }
}

/**
 * The caller may not see or do this: no credentials, a refused key, too narrow a
 * scope, or a customer sub-page outside the viewer's domains. Its message never
 * says whether the target exists.
 */
export class AccessDeniedError extends Error {
  /** graphql-js copies these onto the GraphQL error where no result union catches this one. */
  readonly extensions: { code: "UNAUTHENTICATED" | "FORBIDDEN" };
  constructor(
    message: string,
    readonly reason: "UNAUTHENTICATED" | "FORBIDDEN",
  ) {
    super(message);
    this.name = "AccessDeniedError";
    this.extensions = { code: reason };
  }
}

/** Seconds a client is told to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database did not answer (unreachable, refusing connections, or a transaction
 * or statement timed out). Nothing was changed; the same request may succeed later.
 */
export class ServiceUnavailableError extends Error {
  /** graphql-js copies these onto the GraphQL error where no result union catches this one. */
  readonly extensions: { code: "SERVICE_UNAVAILABLE"; retryAfterSeconds: number };
  constructor(readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS) {
    super(`The database is unavailable right now; try again in ${retryAfterSeconds} s.`);
    this.name = "ServiceUnavailableError";
    this.extensions = { code: "SERVICE_UNAVAILABLE", retryAfterSeconds };
  }
}

/** What a stale write found in place of the version it expected. */
export interface StaleVersionDetail {
  /** The kind of object, as the API names it, e.g. `Incident`. */
  objectType: string;
  objectId: string;
  expectedVersion: number;
  currentVersion: number;
  /** When and by whom the object last changed: an operator as "Name <email>", a key by its name, or "system". */
  updatedAt: Date;
  updatedBy: string | null;
  /** What changed since `expectedVersion`, newest first, from the audit log. */
  changesSince: MissedChange[];
}

/** One change the client missed: when, by whom, what, and which fields it changed. */
export interface MissedChange {
  at: Date;
  by: string | null;
  summary: string;
  fields: string[];
}

/**
 * An update or delete made from a stale copy: someone changed the object since the
 * client read it. Nothing was written; the client re-reads and decides again.
 */
export class StaleVersionError extends Error {
  readonly field = "expectedVersion";
  /** graphql-js copies these onto the GraphQL error where no result union catches this one. */
  readonly extensions: { code: "STALE_VERSION"; field: "expectedVersion"; currentVersion: number; updatedBy: string | null; updatedAt: string };
  constructor(readonly detail: StaleVersionDetail) {
    const by = detail.updatedBy ?? "someone";
    super(
      `expectedVersion: ${detail.objectType} ${detail.objectId} is at version ${detail.currentVersion}, not ${detail.expectedVersion}: ` +
        `changed by ${by} at ${detail.updatedAt.toISOString()}. Re-read it and try again.`,
    );
    this.name = "StaleVersionError";
    this.extensions = {
      code: "STALE_VERSION",
      field: "expectedVersion",
      currentVersion: detail.currentVersion,
      updatedBy: detail.updatedBy,
      updatedAt: detail.updatedAt.toISOString(),
    };
  }
}
