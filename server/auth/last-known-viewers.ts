// The credential cache's part for outages: viewer sessions this instance authenticated
// lately, consulted only while the database cannot answer, so that a signed-in viewer
// keeps reading their sub-pages through an outage. Never a way around the database when
// it answers: every request still asks it first, and its answer (a viewer, or none)
// replaces what is kept here. Expiry is honoured, and a sign-out (heard by the credential
// cache from any instance) drops the session at once and keeps it from being remembered
// again by a request that read it just before. Not emptied by the cache's `clear()`: that
// runs when the database stops answering, which is exactly when this part is needed.
import { LRUCache } from "lru-cache";
import { hashSecret } from "./tokens.js";
import type { AuthenticatedViewer } from "./viewer-sessions.js";

export const LAST_KNOWN_VIEWERS = {
  /** Sessions kept at most (least recently used go first). */
  maxSessions: 10_000,
  /** Sign-outs remembered, so that a lookup racing one cannot bring the session back. */
  maxEnded: 10_000,
} as const;

/** Viewers by their secret's hash, as last authenticated; created by the credential cache. */
export function createLastKnownViewers(maxSessions: number = LAST_KNOWN_VIEWERS.maxSessions) {
  /** Secret hash → the viewer as last authenticated. Hashes, so no secret sits in memory. */
  const known = new LRUCache<string, AuthenticatedViewer>({ max: maxSessions });
  const ended = new LRUCache<string, true>({ max: LAST_KNOWN_VIEWERS.maxEnded });

  return {
    /** What the database just answered for this secret: a live session's viewer, or null for none. */
    remember(secret: string, viewer: AuthenticatedViewer | null): void {
      const hash = hashSecret(secret);
      if (viewer && !ended.has(viewer.sessionId)) known.set(hash, viewer);
      else known.delete(hash);
    },
    /** The viewer last authenticated with this secret, if their session has not expired or ended since. */
    recall(secret: string, now: Date): AuthenticatedViewer | null {
      const hash = hashSecret(secret);
      const viewer = known.get(hash);
      if (!viewer) return null;
      if (viewer.expiresAt <= now || ended.has(viewer.sessionId)) {
        known.delete(hash);
        return null;
      }
      return viewer;
    },
    /** The session ended (signed out): dropped, and never remembered again. */
    ended(sessionId: string): void {
      ended.set(sessionId, true);
      for (const [hash, viewer] of known.entries()) if (viewer.sessionId === sessionId) known.delete(hash);
    },
    get size(): number {
      return known.size;
    },
  };
}

export type LastKnownViewers = ReturnType<typeof createLastKnownViewers>;
