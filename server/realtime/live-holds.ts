// Holding a live stream on the credential that granted it, and ending the streams held
// on a credential that ends. Credentials ended lately are remembered, so that a
// subscription racing its own sign-out is refused too.
import { LRUCache } from "lru-cache";
import type { CredentialRules, LiveHolder } from "./live-credentials.js";
import type { LiveGrants, Revocable, SessionHold } from "./live-grants.js";

/** The release of a subscription nothing holds (one shared function: public pages have thousands). */
export const NOT_HELD = (): void => {};
/** Credentials ended lately, remembered for subscriptions that race their end. */
const RECENT_ENDS = 1_000;

/** Which page (and sub-page) a live subscription shows, and whether it needs a credential. */
export interface LiveView {
  pageId: string;
  subPageId: string | null;
  kind: "PUBLIC" | "CUSTOMER";
}

/**
 * Holds and ends streams in `grants`. `onViewerHeld` hears each viewer session's expiry
 * as it is held, so that the caller can wake up for it.
 */
export function createLiveHolds(grants: LiveGrants, ended: CredentialRules["ended"], now: () => Date, onViewerHeld: (expiresAt: number) => void) {
  const recentEnds = new LRUCache<string, true>({ max: RECENT_ENDS });

  /** Aborts `stream` when its credential ended lately; returns whether it did. */
  function refusedAsEnded(id: string, stream: Revocable, why: Parameters<typeof ended>[0]): boolean {
    if (!recentEnds.has(id)) return false;
    stream.abort(ended(why));
    return true;
  }

  function holdViewer(viewer: Extract<LiveHolder, { kind: "viewer" }>, grant: { stream: Revocable; subPageId: string | null }): () => void {
    const expiresAt = viewer.expiresAt.getTime();
    if (recentEnds.has(`session:${viewer.sessionId}`) || expiresAt <= now().getTime()) {
      grant.stream.abort(ended("invalid_session"));
      return NOT_HELD;
    }
    const hold: Omit<SessionHold, "grants"> = { sessionId: viewer.sessionId, pageId: viewer.pageId, email: viewer.email, expiresAt };
    const release = grants.addViewer(hold, grant);
    onViewerHeld(expiresAt);
    return release;
  }

  return {
    /** Holds `stream` on the credential behind `actor`; returns the release for when it ends by itself. */
    hold(actor: LiveHolder, view: LiveView, stream: Revocable): () => void {
      if (view.kind === "PUBLIC") return NOT_HELD;
      const grant = { stream, subPageId: view.subPageId };
      if (actor.kind === "viewer") return holdViewer(actor, grant);
      if (actor.kind === "person") {
        if (refusedAsEnded(`session:${actor.sessionId}`, stream, "ended_operator_session")) return NOT_HELD;
        return grants.addOperatorSession(actor.sessionId, grant);
      }
      if (actor.kind !== "operator") return NOT_HELD;
      if (refusedAsEnded(`key:${actor.keyId}`, stream, "invalid_key")) return NOT_HELD;
      return grants.addOperator(actor.keyId, grant);
    },
    /** Ends the streams held on a viewer's or an operator's session. */
    sessionEnded(sessionId: string): void {
      recentEnds.set(`session:${sessionId}`, true);
      const operator = grants.operatorSessions.has(sessionId);
      grants.endSession(sessionId, ended(operator ? "ended_operator_session" : "invalid_session"));
    },
    /** Ends the streams held on an API key. */
    keyRevoked(keyId: string): void {
      recentEnds.set(`key:${keyId}`, true);
      grants.endKey(keyId, ended("invalid_key"));
    },
    /** Ends the viewer sessions expired by `now()`. */
    expireDue(): void {
      for (const hold of grants.expiredAt(now().getTime())) grants.endSession(hold.sessionId, ended("invalid_session"));
    },
  };
}
