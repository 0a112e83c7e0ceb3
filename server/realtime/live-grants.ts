// Which open subscriptions rest on which credential. A customer page's live view
// is granted on a viewer session or an API key; when that credential ends, every
// subscription it opened must end too. Everything is found by id, so ending one
// credential costs what it holds, never a pass over all subscribers.

/** The part of a subscription a revocation touches: its queue (BoundedQueue). */
export interface Revocable {
  /** Ends at once with `error`, dropping anything not yet delivered. */
  abort(error: Error): void;
}

export interface Grant {
  stream: Revocable;
  /** The sub-page it shows; null for a customer page's own view (operators only). */
  subPageId: string | null;
}

/** The subscriptions of one viewer session, with what their access depends on. */
export interface SessionHold {
  sessionId: string;
  pageId: string;
  email: string;
  expiresAt: number;
  grants: Set<Grant>;
}

export class LiveGrants {
  readonly sessions = new Map<string, SessionHold>();
  readonly keys = new Map<string, Set<Grant>>();
  /** Subscriptions of operators signed in as themselves, by session id. */
  readonly operatorSessions = new Map<string, Set<Grant>>();
  private readonly sessionsByPage = new Map<string, Set<string>>();
  /** No held session expires before this (it may be earlier than the truth after releases, never later). */
  nextExpiry = Infinity;

  /** Holds a viewer's subscription; returns its release, for when the subscription ends by itself. */
  addViewer(viewer: Omit<SessionHold, "grants">, grant: Grant): () => void {
    let hold = this.sessions.get(viewer.sessionId);
    if (!hold) {
      this.sessions.set(viewer.sessionId, (hold = { ...viewer, grants: new Set() }));
      let onPage = this.sessionsByPage.get(viewer.pageId);
      if (!onPage) this.sessionsByPage.set(viewer.pageId, (onPage = new Set()));
      onPage.add(viewer.sessionId);
      this.nextExpiry = Math.min(this.nextExpiry, hold.expiresAt);
    }
    hold.grants.add(grant);
    const held = hold;
    return () => this.releaseViewer(held, grant);
  }

  addOperator(keyId: string, grant: Grant): () => void {
    return addTo(this.keys, keyId, grant);
  }

  addOperatorSession(sessionId: string, grant: Grant): () => void {
    return addTo(this.operatorSessions, sessionId, grant);
  }

  /** Ends every subscription the session (a viewer's or an operator's) holds. */
  endSession(sessionId: string, error: Error): void {
    const hold = this.sessions.get(sessionId);
    if (hold) for (const grant of [...hold.grants]) this.end(grant, error);
    for (const grant of [...(this.operatorSessions.get(sessionId) ?? [])]) this.end(grant, error);
  }

  /** Ends every subscription the key holds. */
  endKey(keyId: string, error: Error): void {
    for (const grant of [...(this.keys.get(keyId) ?? [])]) this.end(grant, error);
  }

  /** Ends one subscription (its release then drops it from the maps). */
  end(grant: Grant, error: Error): void {
    grant.stream.abort(error);
  }

  /** Sessions with subscriptions to views of `pageId`. */
  sessionsOn(pageId: string): SessionHold[] {
    return [...(this.sessionsByPage.get(pageId) ?? [])].map((id) => this.sessions.get(id)!);
  }

  /** Held sessions expired at `now`; O(1) until the earliest one is due, then one pass that also finds the next. */
  expiredAt(now: number): SessionHold[] {
    if (now < this.nextExpiry) return [];
    const expired: SessionHold[] = [];
    let next = Infinity;
    for (const hold of this.sessions.values()) {
      if (hold.expiresAt <= now) expired.push(hold);
      else next = Math.min(next, hold.expiresAt);
    }
    this.nextExpiry = next;
    return expired;
  }

  private releaseViewer(hold: SessionHold, grant: Grant): void {
    if (!hold.grants.delete(grant) || hold.grants.size > 0 || this.sessions.get(hold.sessionId) !== hold) return;
    this.sessions.delete(hold.sessionId);
    const onPage = this.sessionsByPage.get(hold.pageId)!;
    onPage.delete(hold.sessionId);
    if (onPage.size === 0) this.sessionsByPage.delete(hold.pageId);
  }
}

/** Adds a grant under a credential's id; returns its release, which forgets the id with its last grant. */
function addTo(map: Map<string, Set<Grant>>, id: string, grant: Grant): () => void {
  let grants = map.get(id);
  if (!grants) map.set(id, (grants = new Set()));
  grants.add(grant);
  const held = grants;
  return () => {
    if (held.delete(grant) && held.size === 0 && map.get(id) === held) map.delete(id);
  };
}
