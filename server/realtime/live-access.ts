// Live access follows revocation. A subscription to a customer page ends, with
// the refusal a new request would now get, as soon as what it was granted on
// ends: the viewer signs out (on any instance: `sessions:ended`), the session
// expires, the viewer's domain leaves the sub-page (a CATALOG change), or the
// API key is revoked (`api-keys:revoked`), or an operator's session ends
// (sign-out, sign-out everywhere, disabling: `sessions:ended` too). Public pages need no credential, so
// their subscriptions are never held. Access is re-checked per credential or
// per page change, never per subscriber per event.
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { parseMailbox } from "../domain/mailbox.js";
import type { Events, PageChange } from "../events.js";
import type { CredentialRules, LiveHolder } from "./live-credentials.js";
import { LiveGrants, type Revocable, type SessionHold } from "./live-grants.js";
import { defaultLogger, type Logger } from "../logger.js";

export const LIVE_ACCESS = {
  /**
   * How often held sessions and keys are checked against the database: catches an
   * end whose event was lost (Redis down) or never sent (a key revoked by the CLI).
   */
  verifyIntervalMs: 60_000,
} as const;

/** Ids per `IN (…)` list, well under every database's parameter limit. */
const CHUNK = 500;
/** The release of a subscription nothing holds (one shared function: public pages have thousands). */
export const NOT_HELD = (): void => {};
/** Credentials ended lately, remembered so that a subscription racing its own sign-out is refused too. */
const RECENT_ENDS = 1_000;

export interface LiveView {
  pageId: string;
  subPageId: string | null;
  kind: "PUBLIC" | "CUSTOMER";
}

export interface LiveAccessOptions {
  db: Db;
  events: Events;
  now: () => Date;
  /** How ended access is worded and which sub-pages an address is admitted to (auth's rules). */
  rules: CredentialRules;
  /** Real timers for expiry and verification (default true); tests with an injected clock call `tick()`. */
  timers?: boolean;
  log?: Logger;
}

export function createLiveAccess(options: LiveAccessOptions) {
  const { db, events, now } = options;
  const { ended: accessEnded, admittedSubPageIds } = options.rules;
  const log = options.log ?? defaultLogger();
  const grants = new LiveGrants();
  const recentEnds = new LRUCache<string, true>({ max: RECENT_ENDS });
  let timer: NodeJS.Timeout | null = null;
  let wakeAt = Infinity;
  let lastVerified = Date.now();
  let stopped = false;

  function remember(id: string): void {
    recentEnds.set(id, true);
  }

  function sessionEnded(sessionId: string): void {
    remember(`session:${sessionId}`);
    const operator = grants.operatorSessions.has(sessionId);
    grants.endSession(sessionId, accessEnded(operator ? "ended_operator_session" : "invalid_session"));
  }

  function keyRevoked(keyId: string): void {
    remember(`key:${keyId}`);
    grants.endKey(keyId, accessEnded("invalid_key"));
  }

  function expireDue(): void {
    for (const hold of grants.expiredAt(now().getTime())) grants.endSession(hold.sessionId, accessEnded("invalid_session"));
  }

  async function liveSessionIds(ids: string[]): Promise<Set<string>> {
    const live = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db.viewerSession.findMany({
        where: { id: { in: ids.slice(i, i + CHUNK) }, endedAt: null, expiresAt: { gt: now() } },
        select: { id: true },
      });
      for (const row of rows) live.add(row.id);
    }
    return live;
  }

  /** Ends the held subscriptions whose session or key the database no longer accepts: two queries per 500 credentials. */
  async function verify(): Promise<void> {
    const sessionIds = [...grants.sessions.keys()];
    const live = await liveSessionIds(sessionIds);
    for (const id of sessionIds) if (!live.has(id)) grants.endSession(id, accessEnded("invalid_session"));
    const operatorIds = [...grants.operatorSessions.keys()];
    for (let i = 0; i < operatorIds.length; i += CHUNK) {
      const chunk = operatorIds.slice(i, i + CHUNK);
      const where = { id: { in: chunk }, endedAt: null, expiresAt: { gt: now() }, operator: { disabledAt: null } };
      const kept = new Set((await db.operatorSession.findMany({ where, select: { id: true } })).map((s) => s.id));
      for (const id of chunk) if (!kept.has(id)) grants.endSession(id, accessEnded("ended_operator_session"));
    }
    const keyIds = [...grants.keys.keys()];
    for (let i = 0; i < keyIds.length; i += CHUNK) {
      const chunk = keyIds.slice(i, i + CHUNK);
      const kept = new Set((await db.apiKey.findMany({ where: { id: { in: chunk }, revokedAt: null }, select: { id: true } })).map((k) => k.id));
      for (const id of chunk) if (!kept.has(id)) grants.endKey(id, accessEnded("invalid_key"));
    }
  }

  /** After a catalog change: which sub-pages each held session's domain still sees (one query per domain). */
  async function recheckPage(pageId: string): Promise<void> {
    const holds = grants.sessionsOn(pageId);
    if (holds.length === 0) return;
    const page = await db.statusPage.findUnique({ where: { id: pageId }, select: { id: true, kind: true, domainsAttributeId: true } });
    const live = await liveSessionIds(holds.map((h) => h.sessionId));
    const admitted = new Map<string | null, Set<string>>();
    for (const hold of holds) {
      if (!live.has(hold.sessionId)) {
        grants.endSession(hold.sessionId, accessEnded("invalid_session"));
        continue;
      }
      const domain = parseMailbox(hold.email)?.domain ?? null;
      let ids = admitted.get(domain);
      if (!ids) admitted.set(domain, (ids = new Set(page ? await admittedSubPageIds(db, page, hold.email) : [])));
      for (const grant of [...hold.grants]) if (grant.subPageId === null || !ids.has(grant.subPageId)) grants.end(grant, accessEnded("not_admitted"));
    }
  }

  /** Plans the next wake-up: the earliest held expiry, and a verification at least every interval. */
  function arm(): void {
    if (options.timers === false || stopped) return;
    if (timer) clearTimeout(timer);
    const delay = Math.max(0, Math.min(grants.nextExpiry - now().getTime(), LIVE_ACCESS.verifyIntervalMs));
    wakeAt = now().getTime() + delay;
    timer = setTimeout(wake, delay);
    timer.unref();
  }

  async function wake(): Promise<void> {
    timer = null;
    expireDue();
    if (Date.now() - lastVerified >= LIVE_ACCESS.verifyIntervalMs) {
      lastVerified = Date.now();
      await verify().catch((error: unknown) => log.error({ err: error }, "Live access check failed"));
    }
    arm();
  }

  function holdViewer(viewer: Extract<LiveHolder, { kind: "viewer" }>, grant: { stream: Revocable; subPageId: string | null }): () => void {
    const expiresAt = viewer.expiresAt.getTime();
    if (recentEnds.has(`session:${viewer.sessionId}`) || expiresAt <= now().getTime()) {
      grant.stream.abort(accessEnded("invalid_session"));
      return NOT_HELD;
    }
    const hold: Omit<SessionHold, "grants"> = { sessionId: viewer.sessionId, pageId: viewer.pageId, email: viewer.email, expiresAt };
    const release = grants.addViewer(hold, grant);
    if (expiresAt < wakeAt) arm();
    return release;
  }

  const subscriptions = [listen(events, "sessions:ended", sessionEnded), listen(events, "api-keys:revoked", keyRevoked)];
  arm();

  return {
    /**
     * Holds a live view's stream on the credential that granted it, so that the
     * stream ends when that does; returns the release for when it ends by itself.
     */
    hold(actor: LiveHolder, view: LiveView, stream: Revocable): () => void {
      if (view.kind === "PUBLIC") return NOT_HELD;
      const grant = { stream, subPageId: view.subPageId };
      if (actor.kind === "viewer") return holdViewer(actor, grant);
      if (actor.kind === "person") {
        if (recentEnds.has(`session:${actor.sessionId}`)) {
          stream.abort(accessEnded("ended_operator_session"));
          return NOT_HELD;
        }
        return grants.addOperatorSession(actor.sessionId, grant);
      }
      if (actor.kind !== "operator") return NOT_HELD;
      if (recentEnds.has(`key:${actor.keyId}`)) {
        stream.abort(accessEnded("invalid_key"));
        return NOT_HELD;
      }
      return grants.addOperator(actor.keyId, grant);
    },
    /** Runs before a page's change reaches its subscribers: the expired and the no longer admitted get nothing more. */
    async beforeUpdate(pageId: string, change: PageChange | null): Promise<void> {
      expireDue();
      if (change?.subject === "CATALOG") await recheckPage(pageId);
    },
    /** Ends what expired by `now()` and what the database no longer accepts (timers do it when on). */
    async tick(): Promise<void> {
      expireDue();
      await verify();
    },
    /** Re-checks every held credential, e.g. after Redis was down and end events may have been lost. */
    verify,
    stats: () => ({ sessions: grants.sessions.size, keys: grants.keys.size, operatorSessions: grants.operatorSessions.size }),
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const subscription of subscriptions) void subscription.return?.();
    },
  };
}

/** Calls `handle` with each id published on `topic` (by any instance, through the event target). */
function listen(events: Events, topic: "sessions:ended" | "api-keys:revoked", handle: (id: string) => void): AsyncIterator<string> {
  const iterator = events.subscribe(topic)[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) handle(next.value);
  })();
  return iterator;
}

export type LiveAccess = ReturnType<typeof createLiveAccess>;
