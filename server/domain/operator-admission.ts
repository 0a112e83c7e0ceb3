// Who may become a signed-in operator, decided from an identity the provider vouched for
// (its email verified), the configured policy and the operator account already held, if
// any. Pure: reading the account and acting on the decision are the caller's.
import type { Mailbox } from "./mailbox.js";

/** Operator roles, each including the one before. */
export const OPERATOR_ROLES = ["VIEWER", "PUBLISHER", "EDITOR", "ADMIN"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/**
 * Roles an account may be created with on first sign-in. Not ADMIN: whoever holds an
 * allowed provider account would then manage operators, API keys and settings without any
 * person having granted it; admins are made deliberately (CLI or another admin).
 */
export const AUTO_CREATE_ROLES = ["VIEWER", "PUBLISHER", "EDITOR"] as const satisfies readonly OperatorRole[];
export type AutoCreateRole = (typeof AUTO_CREATE_ROLES)[number];

export interface AdmissionPolicy {
  /** Normalized domains (see normalizeDomain) whose addresses may sign in. */
  allowedDomains: readonly string[];
  /** Addresses that may sign in, compared case-insensitively. */
  allowedEmails: readonly string[];
  /** Role of accounts created on first sign-in of an allowed address; null: no automatic accounts. */
  autoCreateRole: AutoCreateRole | null;
}

/** What admission needs to know of an existing operator account. */
export interface KnownOperator {
  id: string;
  disabled: boolean;
}

export type AdmissionRefusal = "operator_disabled" | "not_allowed" | "no_account";

export type AdmissionDecision<O extends KnownOperator = KnownOperator> =
  | { kind: "admit"; operator: O }
  | { kind: "create"; role: AutoCreateRole }
  | { kind: "refuse"; reason: AdmissionRefusal };

/** A decision that lets the person in: an existing account, or one to create. */
export type Admitted<O extends KnownOperator = KnownOperator> = Exclude<AdmissionDecision<O>, { kind: "refuse" }>;

/**
 * True when the allow-lists name the address or its domain; null when both lists are
 * empty (no restriction is configured: only existing accounts get in, see decideAdmission).
 */
export function addressAllowed(email: Mailbox, policy: AdmissionPolicy): boolean | null {
  if (policy.allowedDomains.length === 0 && policy.allowedEmails.length === 0) return null;
  const domain = email.domain.toLowerCase();
  if (policy.allowedDomains.some((allowed) => allowed.toLowerCase() === domain)) return true;
  const address = email.address.toLowerCase();
  return policy.allowedEmails.some((allowed) => allowed.toLowerCase() === address);
}

/**
 * Admits an enabled existing operator whose address is allowed (or when no allow-list is
 * configured: an admin created the account for that address); creates an account with the
 * default role for an allowed address when automatic creation is on; refuses the rest.
 */
export function decideAdmission<O extends KnownOperator>(email: Mailbox, policy: AdmissionPolicy, existing: O | null): AdmissionDecision<O> {
  const allowed = addressAllowed(email, policy);
  if (existing) {
    if (existing.disabled) return { kind: "refuse", reason: "operator_disabled" };
    if (allowed === false) return { kind: "refuse", reason: "not_allowed" };
    return { kind: "admit", operator: existing };
  }
  // Without an allow-list, automatic creation would admit everyone the provider knows.
  if (allowed !== true) return { kind: "refuse", reason: "not_allowed" };
  if (policy.autoCreateRole === null) return { kind: "refuse", reason: "no_account" };
  return { kind: "create", role: policy.autoCreateRole };
}
