// What operators may do. People and API keys hold the same roles, so one rule
// (`hasRole`) decides for both; each role includes every one before it.
import type { Role } from "../generated/sqlite/client.js";

export type { Role };

/** Lowest first: VIEWER reads everything, PUBLISHER also publishes, EDITOR also edits pages and the catalog, ADMIN also manages operators, keys and settings. */
export const ROLES = ["VIEWER", "PUBLISHER", "EDITOR", "ADMIN"] as const satisfies readonly Role[];

/** True when `held` includes `needed`; nobody without a role holds any. */
export function hasRole(held: Role | null, needed: Role): boolean {
  return held !== null && ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** Older names of key scopes, still accepted where people type a role (the CLIs). */
const ALIASES: Record<string, Role> = { READ: "VIEWER", PUBLISH: "PUBLISHER" };

/** A role typed by a person (any case, older scope names included), or null. */
export function parseRole(text: string | undefined | null): Role | null {
  const upper = (text ?? "").trim().toUpperCase();
  if ((ROLES as readonly string[]).includes(upper)) return upper as Role;
  return ALIASES[upper] ?? null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
