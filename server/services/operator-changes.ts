// Changing who may do what: adding operators, roles, disabling and enabling, each a
// change on the one path (services/change.ts), so it is recorded like any other and
// announced to every instance once it has committed. The last active admin can be
// neither demoted nor disabled, or nobody could manage operators again (short of the
// CLI on the database's host).
import { InvalidStateError } from "../errors.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { Changed, Snapshot } from "./change.js";
import { endOperatorSessionsIn } from "../auth/operator-sessions.js";
import { checkRole, createOperator, findOperator, type NewOperator, type Operator } from "../auth/operators.js";
import type { Role } from "../auth/roles.js";

type Tx = Prisma.TransactionClient;

const ACTIVE_ADMIN = { role: "ADMIN", disabledAt: null } as const;

export class LastAdminError extends InvalidStateError {
  constructor(email: string) {
    super(`${email} is the last active admin: make another operator admin first`, "LAST_ADMIN");
  }
}

/** What an audit keeps of an account: lastSeenAt moves with every request, so it is left out. */
function snapshot({ lastSeenAt: _seen, ...operator }: Operator): Snapshot {
  return operator;
}

function changed(summary: string, before: Operator | null, after: Operator, endedSessionIds: string[] = []): Changed<Operator> {
  const ids = before ? { changedOperatorIds: [after.id], endedSessionIds } : {};
  const change = {
    objectType: "Operator" as const,
    objectId: after.id,
    summary,
    before: before && snapshot(before),
    after: snapshot(after),
    pages: [],
    ...ids,
  };
  return { value: after, change };
}

/**
 * Writes `data` to the operator, refusing (LastAdminError, the change rolled back) when
 * that would leave no active admin. The no-op update of every active admin row first
 * takes their row locks: two admins demoting each other at once queue up, and the
 * second counts after the first has committed.
 */
async function changeKeepingAnAdmin(tx: Tx, operator: Operator, data: { role?: Role; disabledAt?: Date | null }): Promise<Operator> {
  // Only an active admin's change can leave none; a database without admins (API keys only) still manages the others.
  if (operator.role !== "ADMIN" || operator.disabledAt) return tx.operator.update({ where: { id: operator.id }, data });
  await tx.operator.updateMany({ where: ACTIVE_ADMIN, data: { role: "ADMIN" } });
  const updated = await tx.operator.update({ where: { id: operator.id }, data });
  if ((await tx.operator.count({ where: ACTIVE_ADMIN })) === 0) throw new LastAdminError(operator.email);
  return updated;
}

/** Adds an account. Throws ValidationError as `createOperator` does. */
export async function createOperatorChange(tx: Tx, input: NewOperator, now: Date): Promise<Changed<Operator>> {
  const operator = await createOperator(tx, input, now);
  return changed(`Added operator ${operator.email} (${operator.role})`, null, operator);
}

/** Throws NotFoundError, ValidationError (`role`: enum), LastAdminError. Takes effect on the operator's next request. */
export async function setOperatorRoleChange(tx: Tx, idOrEmail: string, role: Role): Promise<Changed<Operator>> {
  const checked = checkRole(role);
  const operator = await findOperator(tx, idOrEmail);
  if (operator.role === checked) return { value: operator, change: null };
  const updated = await changeKeepingAnAdmin(tx, operator, { role: checked });
  return changed(`Changed ${operator.email}'s role from ${operator.role} to ${checked}`, operator, updated);
}

/**
 * Disables an account and ends every session it has; once committed, on every instance
 * (their live subscriptions included). Disabling a disabled operator changes nothing.
 * Throws NotFoundError, LastAdminError.
 */
export async function disableOperatorChange(tx: Tx, idOrEmail: string, now: Date): Promise<Changed<Operator>> {
  const operator = await findOperator(tx, idOrEmail);
  if (operator.disabledAt) return { value: operator, change: null };
  const updated = await changeKeepingAnAdmin(tx, operator, { disabledAt: now });
  const ended = await endOperatorSessionsIn(tx, { operatorId: operator.id }, now);
  return changed(`Disabled operator ${operator.email}`, operator, updated, ended);
}

/** Lets a disabled operator sign in again (their old sessions stay ended). Throws NotFoundError. */
export async function enableOperatorChange(tx: Tx, idOrEmail: string): Promise<Changed<Operator>> {
  const operator = await findOperator(tx, idOrEmail);
  if (!operator.disabledAt) return { value: operator, change: null };
  const updated = await tx.operator.update({ where: { id: operator.id }, data: { disabledAt: null } });
  return changed(`Enabled operator ${operator.email}`, operator, updated);
}
