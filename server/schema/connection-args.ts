// Pagination arguments of the relay connections, checked before they reach the
// database. The Prisma plugin reads a cursor while it plans the parent's query, so
// a cursor it cannot read would fail the whole parent as a fault; checked here,
// the connection alone answers with BAD_USER_INPUT naming the argument.
import { parsePrismaCursor } from "@pothos/plugin-prisma";
import type { ValidationIssue } from "../errors.js";
import { anyTextRule } from "../domain/text.js";

export interface ConnectionArgs {
  after?: string | null;
  before?: string | null;
  first?: number | null;
  last?: number | null;
}

const NOT_OURS = "is not a cursor this list gave out";

/** The record id a cursor of an `id`-keyed connection names, or null when it is not such a cursor. */
export function cursorId(cursor: string): string | null {
  if (anyTextRule(cursor)) return null;
  try {
    const key = parsePrismaCursor(cursor);
    return typeof key === "string" && key.length > 0 ? key : null;
  } catch {
    return null;
  }
}

/** Every broken rule of a connection's arguments: unreadable cursors, negative or mixed directions. */
export function connectionArgIssues(args: ConnectionArgs): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ["after", "before"] as const) {
    const cursor = args[field];
    if (cursor != null && cursorId(cursor) === null) issues.push({ field, rule: "cursor", message: NOT_OURS });
  }
  for (const field of ["first", "last"] as const) {
    const size = args[field];
    if (size != null && size < 0) issues.push({ field, rule: "too_small", message: "must not be negative" });
  }
  const both = (a: keyof ConnectionArgs, b: keyof ConnectionArgs) => args[a] != null && args[b] != null;
  if (both("after", "before")) issues.push({ field: "before", rule: "not_allowed", message: "cannot be given with after" });
  if (both("first", "before")) issues.push({ field: "before", rule: "not_allowed", message: "cannot be given with first (page backwards with last)" });
  if (both("last", "after")) issues.push({ field: "after", rule: "not_allowed", message: "cannot be given with last (page forwards with first)" });
  return issues;
}

/** Arguments safe to plan a query with: the defaults when the real ones will be refused. */
export function plannable<T extends ConnectionArgs>(args: T): T {
  return connectionArgIssues(args).length > 0 ? { ...args, after: null, before: null, first: null, last: null } : args;
}
