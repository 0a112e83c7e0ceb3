// Changing who may do what: roles, disabling and enabling. The last active admin
// can be neither demoted nor disabled, or nobody could manage operators again
// (short of the CLI on the database's host).
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { InvalidStateError } from "../errors.js";
import type { CredentialCache } from "./credential-cache.js";
import { endOperatorSessions } from "./operator-sessions.js";
import { checkRole, findOperator, type Operator } from "./operators.js";
import type { Role } from "./roles.js";

/** Where a change is announced; the CLI has neither, and running instances then notice within CREDENTIAL_CACHE.ttlMs. */
export interface ChangeReach {
  events?: Events;
  cache?: CredentialCache;
}

const ACTIVE_ADMIN = { role: "ADMIN", disabledAt: null } as const;

export class LastAdminError extends InvalidStateError {
  constructor(email: string) {
    super(`${email} is the last active admin: make another operator admin first`, "LAST_ADMIN");
  }
}

/**
 * Writes `data` to the operator, refusing (LastAdminError, nothing written) when that
 * would leave no active admin. The no-op update of every active admin row first
 * takes their row locks: two admins demoting each other at once queue up, and the
 * second counts after the first has committed.
 */
async function changeKeepingAnAdmin(db: Db, operator: Operator, data: { role?: Role; disabledAt?: Date | null }): Promise<Operator> {
  return db.$transaction(async (tx) => {
    await tx.operator.updateMany({ where: ACTIVE_ADMIN, data: { role: "ADMIN" } });
    const updated = await tx.operator.update({ where: { id: operator.id }, data });
    if ((await tx.operator.count({ where: ACTIVE_ADMIN })) === 0) throw new LastAdminError(operator.email);
    return updated;
  });
}

function announce(operatorId: string, reach: ChangeReach): void {
  // Dropped here before the event goes out: through Redis, this instance hears its own event only after a round trip.
  reach.cache?.forgetOperator(operatorId);
  reach.events?.publish("operators:changed", operatorId);
}

/** Throws NotFoundError, ValidationError (`role`: enum), LastAdminError. Takes effect on the operator's next request. */
export async function setOperatorRole(db: Db, idOrEmail: string, role: Role, reach: ChangeReach = {}): Promise<Operator> {
  const checked = checkRole(role);
  const operator = await findOperator(db, idOrEmail);
  if (operator.role === checked) return operator;
  const updated = await changeKeepingAnAdmin(db, operator, { role: checked });
  announce(operator.id, reach);
  return updated;
}

/**
 * Disables an account and ends every session it has, on every instance (their live
 * subscriptions included). Disabling a disabled operator keeps the first time.
 * Throws NotFoundError, LastAdminError.
 */
export async function disableOperator(db: Db, idOrEmail: string, now: Date, reach: ChangeReach = {}): Promise<Operator> {
  const operator = await findOperator(db, idOrEmail);
  const updated = operator.disabledAt ? operator : await changeKeepingAnAdmin(db, operator, { disabledAt: now });
  announce(operator.id, reach);
  await endOperatorSessions(db, { operatorId: operator.id }, now, reach.events, reach.cache);
  return updated;
}

/** Lets a disabled operator sign in again (their old sessions stay ended). Throws NotFoundError. */
export async function enableOperator(db: Db, idOrEmail: string, reach: ChangeReach = {}): Promise<Operator> {
  const operator = await findOperator(db, idOrEmail);
  if (!operator.disabledAt) return operator;
  const updated = await db.operator.update({ where: { id: operator.id }, data: { disabledAt: null } });
  announce(operator.id, reach);
  return updated;
}
