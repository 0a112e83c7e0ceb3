// Secrets handed to operators and viewers: API keys, sign-in links, sessions.
//
// Only SHA-256 hashes are stored, and credentials are found by looking up their
// hash (a unique index). That is constant-time with respect to the secret: the
// database compares hashes, and an attacker cannot choose inputs whose hashes share
// a growing prefix with a stored one (preimage resistance), so how long a lookup
// takes says nothing about the secret. With 256 random bits per secret, a fast
// unsalted hash is enough; slow password hashes guard against guessable inputs.
import { createHash, randomBytes } from "node:crypto";

export type SecretKind = "sg_key" | "sg_link" | "sg_session" | "sg_operator" | "sg_oplink" | "sg_confirm" | "sg_sub";

/** How long a sign-in link works after it is sent. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000;
/** How long a viewer stays signed in (cookie Max-Age and session expiry alike). */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewSecret {
  /** Shown once, never stored. */
  secret: string;
  /** What is stored and looked up. */
  hash: string;
  /** The first characters of the secret, stored to tell keys apart in listings. */
  prefix: string;
}

const PREFIX_LENGTH = 12;

/** A fresh secret such as `sg_key_<43 base64url chars>`; the kind prefix routes it in `resolveActor`. */
export function newSecret(kind: SecretKind): NewSecret {
  const secret = `${kind}_${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashSecret(secret), prefix: secret.slice(0, PREFIX_LENGTH) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when `value` looks like a secret of `kind`; lets callers skip the database for junk. */
export function isSecretOf(kind: SecretKind, value: string): boolean {
  // 43 base64url characters encode 32 bytes; anything else was not issued here.
  return value.length === kind.length + 1 + 43 && value.startsWith(`${kind}_`) && /^[A-Za-z0-9_-]+$/.test(value);
}
