// Who is asking: resolved once per operation from the request's credentials (HTTP
// headers, or graphql-ws connectionParams), then turned into the booleans
// @pothos/plugin-scope-auth checks.
import type { Db } from "../db/client.js";
import type { ApiKeyScope } from "../generated/sqlite/client.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { authenticateApiKey } from "./api-keys.js";
import { readSessionCookie } from "./cookies.js";
import type { CredentialCache } from "./credential-cache.js";
import type { SessionFallback } from "./session-fallback.js";
import { authenticateViewer, type AuthenticatedViewer } from "./viewer-sessions.js";

export type Actor =
  | { kind: "anonymous" }
  /** The service itself (demo seed, scheduler); never the result of a request. */
  | { kind: "system" }
  | { kind: "operator"; keyId: string; name: string; scope: ApiKeyScope }
  | { kind: "viewer"; email: string; pageId: string; subPageIds: string[]; sessionId: string; expiresAt: Date };

/**
 * Why credentials were not accepted. The first three mean the client sent
 * something it should fix (report them, e.g. as UNAUTHENTICATED). `stale_cookie`
 * is routine — a browser still holding an expired or signed-out session — and
 * should leave the request anonymous, not fail it: public pages must keep working.
 * `unavailable`: the database could not be asked, so the credentials could not be
 * checked; the request runs as anonymous, and what needs them is refused as
 * SERVICE_UNAVAILABLE rather than as unauthenticated.
 */
export type AuthError = "invalid_key" | "invalid_session" | "invalid_authorization" | "stale_cookie" | "unavailable";

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
 * With `sessions`, a viewer session known from earlier requests is still accepted while the database is unavailable;
 * other credentials then throw the database's error.
 */
export async function resolveActor(db: Db, credentials: Credentials, now: Date, sessions?: SessionFallback, cache?: CredentialCache): Promise<ResolvedActor> {
  const bearer = bearerFrom(credentials);
  if (bearer === "malformed") return { actor: ANONYMOUS, error: "invalid_authorization" };
  if (bearer !== null) {
    if (bearer.startsWith("sg_key_")) {
      const key = await authenticateApiKey(db, bearer, now, cache);
      if (!key) return { actor: ANONYMOUS, error: "invalid_key" };
      return { actor: { kind: "operator", keyId: key.id, name: key.name, scope: key.scope } };
    }
    if (bearer.startsWith("sg_session_")) {
      const viewer = await viewerActor(db, bearer, now, sessions, cache);
      return viewer ? { actor: viewer } : { actor: ANONYMOUS, error: "invalid_session" };
    }
    return { actor: ANONYMOUS, error: "invalid_authorization" };
  }
  const cookie = readSessionCookie(credentials.cookie);
  if (cookie !== null) {
    const viewer = await viewerActor(db, cookie, now, sessions, cache);
    return viewer ? { actor: viewer } : { actor: ANONYMOUS, error: "stale_cookie" };
  }
  return { actor: ANONYMOUS };
}

async function viewerActor(db: Db, secret: string, now: Date, sessions?: SessionFallback, cache?: CredentialCache): Promise<Actor | null> {
  let viewer: AuthenticatedViewer | null;
  try {
    viewer = await authenticateViewer(db, secret, now, cache);
    sessions?.remember(secret, viewer);
  } catch (error) {
    viewer = sessions && isDatabaseUnavailable(error) ? sessions.recall(secret, now) : null;
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

/** What @pothos/plugin-scope-auth checks; admin ⊃ publish ⊃ read. */
export interface AuthScopes {
  /** Any operator key: read everything, including every customer sub-page. */
  read: boolean;
  /** Publish incidents and maintenance. */
  publish: boolean;
  /** Manage the catalog, pages and API keys. */
  admin: boolean;
  /** A signed-in viewer of a customer page (see canViewSubPage for which sub-pages). */
  viewer: boolean;
}

export function authScopes(actor: Actor): AuthScopes {
  if (actor.kind === "system") return { read: true, publish: true, admin: true, viewer: false };
  const scope = actor.kind === "operator" ? actor.scope : null;
  return {
    read: scope !== null,
    publish: scope === "PUBLISH" || scope === "ADMIN",
    admin: scope === "ADMIN",
    viewer: actor.kind === "viewer",
  };
}

/** Public pages are open to all; a customer sub-page to operators and to viewers whose domain it allows. */
export function canViewSubPage(actor: Actor, pageKind: "PUBLIC" | "CUSTOMER", subPageId: string): boolean {
  if (pageKind === "PUBLIC") return true;
  if (actor.kind === "operator" || actor.kind === "system") return true;
  return actor.kind === "viewer" && actor.subPageIds.includes(subPageId);
}
