// Live access follows revocation. A subscription to a customer page ends, with
// the refusal a new request would now get, as soon as what it was granted on
// ends: the viewer signs out (on any instance: `sessions:ended`), the session
// expires, the viewer's domain leaves the sub-page (a CATALOG change), or the
// API key is revoked (`api-keys:revoked`), or an operator's session ends
// (sign-out, sign-out everywhere, disabling: `sessions:ended` too). Public pages
// need no credential, so their subscriptions are never held. Access is re-checked
// per credential or per page change, never per subscriber per event.
import type { Db } from "../db/client.js";
import type { Events, PageChange } from "../events.js";
import { defaultLogger, type Logger } from "../logger.js";
import { recheckPage, verifyHeld, type HeldChecks } from "./live-access-checks.js";
import type { CredentialRules } from "./live-credentials.js";
import { LiveGrants } from "./live-grants.js";
import { createLiveHolds } from "./live-holds.js";

export { NOT_HELD, type LiveView } from "./live-holds.js";

/** Live access's settings. */
export const LIVE_ACCESS = {
  /**
   * How often held sessions and keys are checked against the database: catches an
   * end whose event was lost (Redis down) or never sent (a key revoked by the CLI).
   */
  verifyIntervalMs: 60_000,
} as const;

/** What live access reads, listens to and answers with. */
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

/** Starts following the ends of the credentials live streams are held on; `stop()` ends that. */
export function createLiveAccess(options: LiveAccessOptions) {
  const { db, events, now } = options;
  const log = options.log ?? defaultLogger();
  const grants = new LiveGrants();
  let timer: NodeJS.Timeout | null = null;
  let wakeAt = Infinity;
  let lastVerified = Date.now();
  let stopped = false;
  const checks: HeldChecks = { db, now, grants, rules: options.rules };
  const verify = () => verifyHeld(checks);
  const holds = createLiveHolds(grants, options.rules.ended, now, (expiresAt) => void (expiresAt < wakeAt && arm()));

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
    holds.expireDue();
    if (Date.now() - lastVerified >= LIVE_ACCESS.verifyIntervalMs) {
      lastVerified = Date.now();
      await verify().catch((error: unknown) => log.error({ err: error }, "Live access check failed"));
    }
    arm();
  }

  const subscriptions = [listen(events, "sessions:ended", holds.sessionEnded), listen(events, "api-keys:revoked", holds.keyRevoked)];
  arm();

  return {
    /**
     * Holds a live view's stream on the credential that granted it, so that the
     * stream ends when that does; returns the release for when it ends by itself.
     */
    hold: holds.hold,
    /** Runs before a page's change reaches its subscribers: the expired and the no longer admitted get nothing more. */
    async beforeUpdate(pageId: string, change: PageChange | null): Promise<void> {
      holds.expireDue();
      if (change?.subject === "CATALOG") await recheckPage(checks, pageId);
    },
    /** Ends what expired by `now()` and what the database no longer accepts (timers do it when on). */
    async tick(): Promise<void> {
      holds.expireDue();
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
