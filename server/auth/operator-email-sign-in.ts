// Operators without an identity provider sign in by email link, through the same
// mailer and limits as customer viewers: one-time, short-lived, kept as a hash,
// and answered alike for known, unknown and disabled addresses.
import type { Db } from "../db/client.js";
import { MAX_ADDRESS_LENGTH, parseMailbox } from "../domain/mailbox.js";
import { ValidationError } from "../errors.js";
import { defaultLogger } from "../logger.js";
import type { Mailer } from "./mailer.js";
import { startOperatorSession, type SessionMeta } from "./operator-sessions.js";
import { normalizeOperatorEmail, type Operator } from "./operators.js";
import { takeSignIn, type SignInLimits } from "./sign-in-limits.js";
import { SIGN_IN_LINK_TTL_MS, hashSecret, isSecretOf, newSecret } from "./tokens.js";
import { SignInLinkError } from "./viewer-sessions.js";

/** Where the mailed link leads; GET shows a button, POST signs in (server/http/operator-auth-route.ts). */
export const OPERATOR_LINK_PATH = "/auth/operator";
export const OPERATOR_DESTINATION = "the operator console of this status page service";

export interface OperatorSignInRequest {
  email: string;
  /** Public origin of the service, e.g. `https://status.example.com`. */
  baseUrl: string;
  now: Date;
  limits: SignInLimits;
  client: string | null;
  onError?: (error: unknown) => void;
}

/** Writes a link for an enabled operator and mails it; resolves once sent. */
export async function mailOperatorLink(db: Db, mailer: Mailer, operator: Operator, baseUrl: string, now: Date): Promise<void> {
  const { secret, hash } = newSecret("sg_oplink");
  await db.operatorSignInToken.create({ data: { hash, operatorId: operator.id, createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS) } });
  const mailbox = parseMailbox(operator.email);
  if (!mailbox) return;
  const link = `${baseUrl.replace(/\/+$/, "")}${OPERATOR_LINK_PATH}?token=${secret}`;
  await mailer.sendSignInLink(mailbox, link, "Statusgraph", OPERATOR_DESTINATION);
}

/**
 * Counts the request against the sign-in limits, then mails a link in the background
 * when the address belongs to an enabled operator. Returns that background work; callers
 * answer without awaiting it, so timing does not tell accounts apart. Throws
 * ValidationError (`email`/`format`, only for text that cannot be an address) and RateLimitedError.
 */
export async function requestOperatorSignIn(db: Db, mailer: Mailer, input: OperatorSignInRequest): Promise<{ delivery: Promise<void> }> {
  const email = input.email.trim();
  if (email.length === 0 || email.length > MAX_ADDRESS_LENGTH || !email.includes("@")) {
    throw ValidationError.of("email", "format", "must be an email address such as name@example.com");
  }
  const normalized = normalizeOperatorEmail(email);
  await takeSignIn(input.limits, normalized ?? email, input.client, input.now);
  const onError = input.onError ?? ((error: unknown) => defaultLogger().error({ err: error }, "Operator sign-in mail failed"));
  const delivery = (async () => {
    if (normalized === null) return;
    const operator = await db.operator.findUnique({ where: { email: normalized } });
    if (!operator || operator.disabledAt) return;
    await mailOperatorLink(db, mailer, operator, input.baseUrl, input.now);
  })().catch(onError);
  return { delivery };
}

/** Trades a link's secret for a session; throws SignInLinkError for unknown, used, expired links and disabled operators alike. */
export async function completeOperatorSignIn(db: Db, secret: string, meta: SessionMeta, now: Date): Promise<{ secret: string; expiresAt: Date }> {
  if (!isSecretOf("sg_oplink", secret)) throw new SignInLinkError();
  const hash = hashSecret(secret);
  // The conditional write decides: of two racing requests with one link, exactly one sees count 1.
  const used = await db.operatorSignInToken.updateMany({ where: { hash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (used.count !== 1) throw new SignInLinkError();
  const token = await db.operatorSignInToken.findUnique({ where: { hash }, include: { operator: true } });
  if (!token || token.operator.disabledAt) throw new SignInLinkError();
  return startOperatorSession(db, token.operatorId, meta, now);
}

/** Deletes links that can no longer be used and sessions that ended; for the periodic pruning job. */
export async function pruneOperatorSignIns(db: Db, now: Date): Promise<void> {
  await db.operatorSignInToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } });
  await db.operatorSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { endedAt: { not: null } }] } });
}
