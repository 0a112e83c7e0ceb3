// What live access needs to know about credentials, defined here so that realtime/
// does not depend on auth/: the composition root (app.ts) wires auth's functions in.
import type { Db } from "../db/client.js";

/** Who asks for a live view, as live access sees them; the request's actor fits it. */
export type LiveHolder =
  | { kind: "anonymous" | "system" }
  | { kind: "operator"; keyId: string }
  | { kind: "person"; sessionId: string }
  | { kind: "viewer"; sessionId: string; pageId: string; email: string; expiresAt: Date };

/** Why a held live view ends. */
export type AccessEnd = "invalid_session" | "invalid_key" | "ended_operator_session" | "not_admitted";

/** A customer page, as far as admitting an address's domain to its sub-pages goes. */
export interface AdmittingPage {
  id: string;
  kind: "PUBLIC" | "CUSTOMER";
  domainsAttributeId: string | null;
}

/** The rules of authentication that live access applies. */
export interface CredentialRules {
  /** The error a live view ends with, in the words a new request would now get. */
  ended(why: AccessEnd): Error;
  /** The sub-pages of `page` that `email`'s domain is admitted to, as of now. */
  admittedSubPageIds(db: Db, page: AdmittingPage, email: string): Promise<string[]>;
}
