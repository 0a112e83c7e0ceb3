// Operators as people: an account per email address, with a role. Accounts are
// never deleted (what they published stays traceable); they are disabled.
import type { Operator, Prisma } from "../generated/sqlite/client.js";
import type { Db } from "../db/client.js";
import { LIMITS } from "../domain/limits.js";
import { MAX_ADDRESS_LENGTH, parseMailbox } from "../domain/mailbox.js";
import { TEXT_RULE_MESSAGES, hasControlCharacter, isWellFormed } from "../domain/text.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { isRole, ROLES, type Role } from "./roles.js";

export type { Operator };

/** The client or a transaction of it: the change path writes accounts inside its transaction. */
type Client = Db | Prisma.TransactionClient;

export interface NewOperator {
  email: string;
  name: string;
  role: Role;
}

/**
 * The one spelling of an address an account is stored and found under, or null when
 * it is not a plain mailbox. Lower-cased whole: providers treat local parts
 * case-insensitively, and two accounts for one inbox would split one person's trail.
 */
export function normalizeOperatorEmail(email: string): string | null {
  const trimmed = email.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_ADDRESS_LENGTH) return null;
  return parseMailbox(trimmed)?.address.toLowerCase() ?? null;
}

/** The account for an address (any spelling of it), disabled ones included; null when none. */
export async function findOperatorByEmail(db: Db, email: string): Promise<Operator | null> {
  const normalized = normalizeOperatorEmail(email);
  return normalized === null ? null : db.operator.findUnique({ where: { email: normalized } });
}

/** By id or email; throws NotFoundError. */
export async function findOperator(db: Client, idOrEmail: string): Promise<Operator> {
  const email = normalizeOperatorEmail(idOrEmail);
  const operator = await db.operator.findFirst({ where: { OR: [{ id: idOrEmail }, ...(email ? [{ email }] : [])] } });
  if (!operator) throw new NotFoundError("operator", idOrEmail);
  return operator;
}

function checkName(input: string): string {
  const name = input.trim();
  if (name.length === 0) throw ValidationError.of("name", "too_short", "must not be empty");
  if (name.length > LIMITS.name) throw ValidationError.of("name", "too_long", `must be at most ${LIMITS.name} characters`);
  if (!isWellFormed(name)) throw ValidationError.of("name", "lone_surrogate", TEXT_RULE_MESSAGES.lone_surrogate);
  if (hasControlCharacter(name)) throw ValidationError.of("name", "control_character", TEXT_RULE_MESSAGES.control_character);
  return name;
}

/** Throws ValidationError on the role when it is not one (the CLI and GraphQL both feed these; types do not guard runtime input). */
export function checkRole(role: unknown): Role {
  if (!isRole(role)) throw ValidationError.of("role", "enum", `must be one of ${ROLES.join(", ")}`);
  return role;
}

/**
 * Adds an account. Throws ValidationError (`email`: format, unique; `name`: too_short,
 * too_long, lone_surrogate, control_character; `role`: enum).
 */
export async function createOperator(db: Client, input: NewOperator, now: Date = new Date()): Promise<Operator> {
  const email = normalizeOperatorEmail(input.email);
  if (email === null) throw ValidationError.of("email", "format", "must be an email address such as name@example.com");
  const name = checkName(input.name);
  const role = checkRole(input.role);
  const taken = () => ValidationError.of("email", "unique", `an operator with the address ${email} already exists`);
  if (await db.operator.findUnique({ where: { email }, select: { id: true } })) throw taken();
  try {
    return await db.operator.create({ data: { email, name, role, createdAt: now } });
  } catch (error) {
    // A concurrent create with the same address got in between the check and the insert.
    if ((error as { code?: unknown }).code === "P2002") throw taken();
    throw error;
  }
}

/** Every account, disabled ones included, oldest first. */
export function listOperators(db: Db): Promise<Operator[]> {
  return db.operator.findMany({ orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
}

/** How a person is named where their work is shown, e.g. `publishedBy`. */
export function operatorLabel(operator: { name: string; email: string }): string {
  return `${operator.name} <${operator.email}>`;
}
