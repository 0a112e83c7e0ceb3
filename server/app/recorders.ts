/**
 * Everything that follows from a committed change, in one place: the recorders that
 * write beside it in its transaction, then the listeners told once it has committed
 * (services/change.ts runs them). A new effect of a committed change is added here —
 * as a recorder when it must commit or roll back with the change, as a listener when
 * it follows the commit — and so reaches every mutation at once.
 */
import type { CredentialCache } from "../auth/credential-cache.js";
import type { Events } from "../events.js";
import { notificationRecorder } from "../notifications/outbox.js";
import { createAnnouncer } from "../services/announce.js";
import { auditRecorder } from "../services/audit-log.js";
import type { ChangeFlow, ChangeListener, ChangeRecorder } from "../services/change.js";

/** Recorders and listeners a caller adds after the service's own (tests, embedders). */
export interface ExtraEffects {
  recorders?: ChangeRecorder[];
  afterCommit?: ChangeListener[];
}

/**
 * The recorders every change runs inside its transaction, in order. The audit log's
 * comes first (one after it that fails rolls its entry back with the change), then the
 * outbox's (a notifiable change queues its event in its own transaction), then `extra`.
 */
export function changeRecorders(extra: readonly ChangeRecorder[] = []): ChangeRecorder[] {
  return [auditRecorder, notificationRecorder(), ...extra];
}

/**
 * Where every change goes: its recorders, then its announcement (change events for
 * live subscribers and caches; revoked credentials forgotten), then `extra` listeners.
 */
export function createChangeFlow(events: Events, credentials: CredentialCache, extra: ExtraEffects = {}): ChangeFlow {
  const announcer = createAnnouncer(events, {
    forgetKey: credentials.forgetKey,
    forgetOperator: credentials.forgetOperator,
    forgetSession: credentials.forgetSession,
  });
  return { recorders: changeRecorders(extra.recorders), afterCommit: [announcer, ...(extra.afterCommit ?? [])] };
}
