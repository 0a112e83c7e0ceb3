// What the signed-in operator may do, for hiding or disabling controls. The
// server decides in the end (server/auth/roles.ts); this only keeps the console
// from offering what would be refused. Each role includes the ones before it.
import { createContext, useContext, type ReactNode } from "react";
import type { SchemaType } from "../../src/graphql.js";

export type Role = SchemaType<"Role">;

/** Lowest first, as on the server. */
export const ROLES = ["VIEWER", "PUBLISHER", "EDITOR", "ADMIN"] as const satisfies readonly Role[];

/** The operator signed in to the console. */
export interface CurrentOperator {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** True when `held` includes `needed`. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** Provided by the console's session gate around every signed-in screen. */
export const OperatorContext = createContext<CurrentOperator | null>(null);

/** The signed-in operator; only inside the session gate. */
export function useOperator(): CurrentOperator {
  const operator = useContext(OperatorContext);
  if (!operator) throw new Error("useOperator() outside the signed-in console");
  return operator;
}

/** The operator's role and a test for what it includes, e.g. `can("EDITOR")`. */
export function useRole(): { role: Role; can: (needed: Role) => boolean } {
  const { role } = useOperator();
  return { role, can: (needed) => roleIncludes(role, needed) };
}

/** Renders `children` only for operators whose role includes `role`; `fallback` (default nothing) otherwise. */
export function RequireRole({ role, children, fallback = null }: { role: Role; children: ReactNode; fallback?: ReactNode }) {
  return <>{useRole().can(role) ? children : fallback}</>;
}
