// Signed-in operators: a session per browser, kept as a hash. A session ends when
// the operator signs out (one or everywhere), is disabled, stays idle too long, or
// reaches its absolute lifetime, whichever comes first.
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { readCookie, serviceCookie, type Cookie } from "./cookies.js";
import type { CredentialCache, OperatorSessionRecord } from "./credential-cache.js";
import type { Role } from "./roles.js";
import { hashSecret, isSecretOf, newSecret } from "./tokens.js";

/** Its own name, so a browser can hold an operator's and a customer viewer's session side by side. */
export const OPERATOR_SESSION_COOKIE = "sg_operator";

export interface OperatorSessionLimits {
  /** A session unused this long ends (OPERATOR_SESSION_IDLE_MINUTES). */
  idleMs: number;
  /** A session ends this long after sign-in however busy it is (OPERATOR_SESSION_MAX_HOURS). */
  absoluteMs: number;
}

export const DEFAULT_OPERATOR_SESSION_LIMITS: OperatorSessionLimits = { idleMs: 12 * 60 * 60_000, absoluteMs: 7 * 24 * 60 * 60_000 };

/** lastSeenAt is refreshed at most this often, so an active session is not a write per request. */
export const SEEN_RESOLUTION_MS = 60_000;

function positive(env: Record<string, string | undefined>, name: string, unitMs: number, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
  return value * unitMs;
}

/** The limits the environment sets; throws, naming the variable, on a value that is not a positive number. */
export function operatorSessionLimits(env: Record<string, string | undefined> = process.env): OperatorSessionLimits {
  return {
    idleMs: positive(env, "OPERATOR_SESSION_IDLE_MINUTES", 60_000, DEFAULT_OPERATOR_SESSION_LIMITS.idleMs),
    absoluteMs: positive(env, "OPERATOR_SESSION_MAX_HOURS", 60 * 60_000, DEFAULT_OPERATOR_SESSION_LIMITS.absoluteMs),
  };
}

export interface SessionMeta {
  address: string | null;
  userAgent: string | null;
}

/** Opens a session for an operator who has just proven who they are; the secret goes into the cookie, only its hash is kept. */
export async function startOperatorSession(db: Db, operatorId: string, meta: SessionMeta, now: Date): Promise<{ secret: string; expiresAt: Date }> {
  const { secret, hash } = newSecret("sg_operator");
  const expiresAt = new Date(now.getTime() + operatorSessionLimits().absoluteMs);
  const userAgent = meta.userAgent?.slice(0, 500) ?? null;
  await db.operatorSession.create({ data: { hash, operatorId, createdAt: now, lastSeenAt: now, expiresAt, address: meta.address, userAgent } });
  await db.operator.update({ where: { id: operatorId }, data: { lastSeenAt: now } });
  return { secret, expiresAt };
}

/** The operator's session cookie, expiring with the session. */
export function operatorSessionCookie(secret: string, expiresAt: Date, secure: boolean): Cookie {
  return serviceCookie({ name: OPERATOR_SESSION_COOKIE, value: secret, path: "/", expires: expiresAt, secure });
}

/** The cookie that removes the operator's cookie (sign out). */
export function clearOperatorSessionCookie(secure: boolean): Cookie {
  return operatorSessionCookie("", new Date(0), secure);
}

/** The operator session secret from a Cookie header, or null. */
export function readOperatorSessionCookie(header: string | null | undefined): string | null {
  return readCookie(header, OPERATOR_SESSION_COOKIE);
}

export interface AuthenticatedOperator {
  sessionId: string;
  operatorId: string;
  email: string;
  name: string;
  role: Role;
  /** The earlier of the absolute expiry and the idle expiry, as of this use. */
  expiresAt: Date;
}

const load = (db: Db, hash: string) => () =>
  db.operatorSession.findUnique({ where: { hash }, include: { operator: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } } });

/** The operator a session secret belongs to, or null when unknown, ended, expired (idle or absolute) or the operator is disabled. */
export async function authenticateOperator(db: Db, secret: string, now: Date, cache?: CredentialCache): Promise<AuthenticatedOperator | null> {
  if (!isSecretOf("sg_operator", secret)) return null;
  const hash = hashSecret(secret);
  const session = cache ? await cache.operatorSession(hash, load(db, hash)) : await load(db, hash)();
  const { idleMs } = operatorSessionLimits();
  // Checked on every use, cached or not: a kept session expires on time.
  if (!session || session.endedAt || session.operator.disabledAt || session.expiresAt <= now) return null;
  if (session.lastSeenAt.getTime() + idleMs <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS) await markSeen(db, session, now);
  const { operator } = session;
  const idleEnd = new Date(session.lastSeenAt.getTime() + idleMs);
  const expiresAt = idleEnd < session.expiresAt ? idleEnd : session.expiresAt;
  return { sessionId: session.id, operatorId: operator.id, email: operator.email, name: operator.name, role: operator.role, expiresAt };
}

async function markSeen(db: Db, session: OperatorSessionRecord, now: Date): Promise<void> {
  // Stamped before the write, on the cached copy too: the requests meanwhile do not write again.
  session.lastSeenAt = now;
  // Conditional, so concurrent requests (on any instance) write once between them.
  const stale = new Date(now.getTime() - SEEN_RESOLUTION_MS);
  await db.operatorSession.updateMany({ where: { id: session.id, lastSeenAt: { lt: stale } }, data: { lastSeenAt: now } });
  await db.operator.updateMany({ where: { id: session.operatorId }, data: { lastSeenAt: now } });
}

/** The ids of the live sessions it ended — one by id, or every live one of an operator — told to nobody yet (a transaction's part). */
export async function endOperatorSessionsIn(
  db: Db | Prisma.TransactionClient,
  which: { sessionId: string } | { operatorId: string },
  now: Date,
): Promise<string[]> {
  const whose = "sessionId" in which ? { id: which.sessionId } : { operatorId: which.operatorId };
  const where = { ...whose, endedAt: null, expiresAt: { gt: now } };
  const live = await db.operatorSession.findMany({ where, select: { id: true } });
  if (live.length === 0) return [];
  await db.operatorSession.updateMany({ where: { id: { in: live.map((s) => s.id) }, endedAt: null }, data: { endedAt: now } });
  return live.map((s) => s.id);
}

/**
 * Ends sessions — one by id, or every live one of an operator — and tells every
 * instance: cached copies are dropped and the live subscriptions they opened end.
 * Returns how many were live.
 */
export async function endOperatorSessions(
  db: Db,
  which: { sessionId: string } | { operatorId: string },
  now: Date,
  events?: Events,
  cache?: CredentialCache,
): Promise<number> {
  const ended = await endOperatorSessionsIn(db, which, now);
  // Dropped here before the events go out: through Redis, this instance hears its own event only after a round trip.
  for (const id of ended) {
    cache?.forgetSession(id);
    events?.publish("sessions:ended", id);
  }
  return ended.length;
}
