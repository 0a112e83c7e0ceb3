// OpenID Connect sign-ins under way, kept server-side between the redirect to the provider
// and its callback. The state travels through the provider and the browser's address bar;
// only its hash is stored. The browser that began the attempt holds a second secret in a
// cookie, so a callback carried into another browser (login CSRF) is refused. An attempt
// is deleted by the first callback naming it, whatever follows: a replayed callback finds nothing.
import { randomBytes } from "node:crypto";
import * as client from "openid-client";
import type { Db } from "../db/client.js";
import { hashSecret } from "./tokens.js";

/** How long a sign-in may take between leaving for the provider and coming back. */
export const OIDC_ATTEMPT_TTL_MS = 10 * 60 * 1000;

/** What the authorization request carries; never stored as such. */
export interface StartedAttempt {
  state: string;
  nonce: string;
  codeChallenge: string;
  codeVerifier: string;
  /** Goes into the browser's cookie. */
  binding: string;
}

/** What the callback checks the provider's answer against. */
export interface PendingAttempt {
  nonce: string;
  codeVerifier: string;
  state: string;
  returnTo: string;
}

export type ConsumeResult = { kind: "ok"; attempt: PendingAttempt } | { kind: "unknown" } | { kind: "other_browser" } | { kind: "expired" };

/** Fresh secrets for an attempt: state, nonce, PKCE verifier and challenge, browser binding. */
export async function newAttempt(): Promise<StartedAttempt> {
  const codeVerifier = client.randomPKCECodeVerifier();
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier),
    binding: randomBytes(32).toString("base64url"),
  };
}

/** Records an attempt whose browser is on its way to the provider; expired ones are deleted on the way, so they never pile up. */
export async function saveAttempt(db: Db, attempt: StartedAttempt, returnTo: string, now: Date): Promise<void> {
  await db.oidcSignIn.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.oidcSignIn.create({
    data: {
      stateHash: hashSecret(attempt.state),
      bindingHash: hashSecret(attempt.binding),
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OIDC_ATTEMPT_TTL_MS),
    },
  });
}

/**
 * Takes the attempt named by `state` out of the table (used once, even when it is then
 * refused) and checks it belongs to the browser holding `binding` and has not expired.
 */
export async function consumeAttempt(db: Db, state: string | null, binding: string | null, now: Date): Promise<ConsumeResult> {
  if (!state) return { kind: "unknown" };
  const row = await db.oidcSignIn.findUnique({ where: { stateHash: hashSecret(state) } });
  if (!row) return { kind: "unknown" };
  // Of two callbacks racing with the same state, only the one whose delete took the row goes on.
  const { count } = await db.oidcSignIn.deleteMany({ where: { id: row.id } });
  if (count !== 1) return { kind: "unknown" };
  if (!binding || hashSecret(binding) !== row.bindingHash) return { kind: "other_browser" };
  if (row.expiresAt <= now) return { kind: "expired" };
  return { kind: "ok", attempt: { nonce: row.nonce, codeVerifier: row.codeVerifier, state, returnTo: row.returnTo } };
}
