// After a change has committed, its announcement: each page's viewers hear it (on
// this instance and, through Redis, the others), revoked API keys stop working, and
// operators' changed roles and ended sessions reach every instance.
import { announce, type Events } from "../events.js";
import type { CommittedChange } from "./change.js";

export interface AnnouncerOptions {
  /** Drops this instance's cached copy of a revoked key at once; through Redis it hears its own event only after a round trip. */
  forgetKey?: (keyId: string) => void;
  /** Drops this instance's cached sessions of an operator whose role or access changed. */
  forgetOperator?: (operatorId: string) => void;
  /** Drops this instance's cached copy of an ended operator session. */
  forgetSession?: (sessionId: string) => void;
}

/** The `afterCommit` of the app's change flow: publishes a committed change's events. */
export function createAnnouncer(events: Events, options: AnnouncerOptions = {}): (change: CommittedChange) => void {
  return (change) => {
    for (const keyId of change.revokedKeyIds ?? []) {
      options.forgetKey?.(keyId);
      events.publish("api-keys:revoked", keyId);
    }
    for (const operatorId of change.changedOperatorIds ?? []) {
      options.forgetOperator?.(operatorId);
      events.publish("operators:changed", operatorId);
    }
    for (const sessionId of change.endedSessionIds ?? []) {
      options.forgetSession?.(sessionId);
      events.publish("sessions:ended", sessionId);
    }
    for (const notice of change.pages) announce(events, { ...notice, at: change.at });
  };
}
