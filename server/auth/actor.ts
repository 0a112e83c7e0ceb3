// Who is asking: resolved once per operation from the request's credentials (HTTP
// headers, or graphql-ws connectionParams), then turned into the booleans
// @pothos/plugin-scope-auth checks.
import type { Db } from "../db/client.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { authenticateApiKey } from "./api-keys.js";
import { readSessionCookie } from "./cookies.js";
import type { CredentialCache } from "./credential-cache.js";
import { authenticateOperator, readOperatorSessionCookie } from "./operator-sessions.js";
import { hasRole, type Role } from "./roles.js";
import { authenticateViewer, type AuthenticatedViewer } from "./viewer-sessions.js";

export type Actor =
  | { kind: "anonymous" }
  /** The service itself (demo seed, scheduler); never the result of a request. */
  | { kind: "system" }
  /** An API key. */
  | { kind: "operator"; keyId: string; name: string; scope: Role }
  /** An operator signed in as themselves (an operator session). */
  | { kind: "person"; operatorId: string; email: string; name: string; role: Role; sessionId: string; expiresAt: Date }
  | { kind: "viewer"; email: string; pageId: string; subPageIds: string[]; sessionId: string; expiresAt: Date };

/**
 * Why credentials were not accepted. The first three mean the client sent
 * something it should fix (report them, e.g. as UNAUTHENTICATED). `stale_cookie`
 * is routine — a browser still holding an expired or signed-out session — and
 * should leave the request anonymous, not fail it: public pages must keep working.
 * `unavailable`: the database could not be asked, so the credentials could not be
 * checked; the request runs as anonymous, and what needs them is refused as
 * SERVICE_UNAVAILABLE rather than as unauthenticated. `ended_operator_session`: an
 * operator's cookie whose session ended (signed out, expired, account disabled); like a
 * stale cookie the request runs as anonymous, but refusals say to sign in again.
 */
export type AuthError = "invalid_key" | "invalid_session" | "invalid_authorization" | "stale_cookie" | "ended_operator_session" | "unavailable";

export interface Credentials {
  /** The Authorization header. */
  authorization?: string | null;
  /** The Cookie header. */
  cookie?: string | null;
  /** graphql-ws connectionParams: `{ authorization: "Bearer …" }` or `{ token: "…" }`. */
  connectionParams?: Record<string, unknown> | null;
}

export interface ResolvedActor {
  actor: Actor;
  error?: AuthError;
}

const ANONYMOUS: Actor = { kind: "anonymous" };

/**
 * An explicit credential (header or connectionParams) wins over the cookie; a failing one does not fall back to it.
 * With `cache`, a viewer session known from earlier requests is still accepted while the database is unavailable;
 * other credentials then throw the database's error.
 */
export async function resolveActor(db: Db, credentials: Credentials, now: Date, cache?: CredentialCache): Promise<ResolvedActor> {
  const bearer = bearerFrom(credentials);
  if (bearer === "malformed") return { actor: ANONYMOUS, error: "invalid_authorization" };
  if (bearer !== null) {
    if (bearer.startsWith("sg_key_")) {
      const key = await authenticateApiKey(db, bearer, now, cache);
      if (!key) return { actor: ANONYMOUS, error: "invalid_key" };
      return { actor: { kind: "operator", keyId: key.id, name: key.name, scope: key.scope } };
    }
    if (bearer.startsWith("sg_operator_")) {
      const person = await personActor(db, bearer, now, cache);
      return person ? { actor: person } : { actor: ANONYMOUS, error: "invalid_session" };
    }
    if (bearer.startsWith("sg_session_")) {
      const viewer = await viewerActor(db, bearer, now, cache);
      return viewer ? { actor: viewer } : { actor: ANONYMOUS, error: "invalid_session" };
    }
    return { actor: ANONYMOUS, error: "invalid_authorization" };
  }
  // An operator's cookie first: a browser may hold both, and the operator sees everything the viewer does.
  const operatorCookie = readOperatorSessionCookie(credentials.cookie);
  if (operatorCookie !== null) {
    const person = await personActor(db, operatorCookie, now, cache);
    if (person) return { actor: person };
  }
  const cookie = readSessionCookie(credentials.cookie);
  if (cookie !== null) {
    const viewer = await viewerActor(db, cookie, now, cache);
    return viewer ? { actor: viewer } : { actor: ANONYMOUS, error: "stale_cookie" };
  }
  return operatorCookie === null ? { actor: ANONYMOUS } : { actor: ANONYMOUS, error: "ended_operator_session" };
}

async function personActor(db: Db, secret: string, now: Date, cache?: CredentialCache): Promise<Actor | null> {
  const person = await authenticateOperator(db, secret, now, cache);
  return person && { kind: "person", ...person };
}

async function viewerActor(db: Db, secret: string, now: Date, cache?: CredentialCache): Promise<Actor | null> {
  let viewer: AuthenticatedViewer | null;
  try {
    viewer = await authenticateViewer(db, secret, now, cache);
    cache?.rememberViewer(secret, viewer);
  } catch (error) {
    viewer = cache && isDatabaseUnavailable(error) ? cache.recallViewer(secret, now) : null;
    if (!viewer) throw error;
  }
  if (!viewer) return null;
  const { email, pageId, subPageIds, sessionId, expiresAt } = viewer;
  return { kind: "viewer", email, pageId, subPageIds, sessionId, expiresAt };
}

/** The bearer token, null when none was sent, "malformed" when something else was. */
function bearerFrom({ authorization, connectionParams }: Credentials): string | null | "malformed" {
  if (authorization) return parseBearer(authorization);
  if (!connectionParams) return null;
  const header = connectionParams.authorization ?? connectionParams.Authorization;
  if (typeof header === "string" && header) return parseBearer(header);
  const token = connectionParams.token;
  if (typeof token === "string" && token) return token.trim();
  return null;
}

function parseBearer(header: string): string | "malformed" {
  // The scheme is case-insensitive (RFC 9110 §11.1).
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "malformed";
}

/** The role an actor holds: a key's scope, a person's role, ADMIN for the service itself; null for everyone else. */
export function roleOf(actor: Actor): Role | null {
  if (actor.kind === "system") return "ADMIN";
  if (actor.kind === "operator") return actor.scope;
  if (actor.kind === "person") return actor.role;
  return null;
}

/** An operator of any role (person or key) or the service itself: sees everything, customer sub-pages included. */
export function isOperator(actor: Actor): boolean {
  return roleOf(actor) !== null;
}

/** What @pothos/plugin-scope-auth checks: one rule, roles, for people and keys alike. */
export interface AuthScopes {
  /** `authScopes: { role: "EDITOR" }` admits operators holding that role or a higher one. */
  role: Role;
  /** A signed-in viewer of a customer page (see canViewSubPage for which sub-pages). */
  viewer: boolean;
}

export interface ScopeLoaders {
  role: (needed: Role) => boolean;
  viewer: boolean;
}

export function authScopes(actor: Actor): ScopeLoaders {
  const held = roleOf(actor);
  return { role: (needed) => hasRole(held, needed), viewer: actor.kind === "viewer" };
}

/** Public pages are open to all; a customer sub-page to operators and to viewers whose domain it allows. */
export function canViewSubPage(actor: Actor, pageKind: "PUBLIC" | "CUSTOMER", subPageId: string): boolean {
  if (pageKind === "PUBLIC") return true;
  if (isOperator(actor)) return true;
  return actor.kind === "viewer" && actor.subPageIds.includes(subPageId);
}
