// After a change has committed, its announcement: each page's viewers hear it (on
// this instance and, through Redis, the others), and revoked API keys stop working.
import { announce, type Events } from "../events.js";
import type { CommittedChange } from "./change.js";

export interface AnnouncerOptions {
  /** Drops this instance's cached copy of a revoked key at once; through Redis it hears its own event only after a round trip. */
  forgetKey?: (keyId: string) => void;
}

/** The `afterCommit` of the app's change flow: publishes a committed change's events. */
export function createAnnouncer(events: Events, options: AnnouncerOptions = {}): (change: CommittedChange) => void {
  return (change) => {
    for (const keyId of change.revokedKeyIds ?? []) {
      options.forgetKey?.(keyId);
      events.publish("api-keys:revoked", keyId);
    }
    for (const notice of change.pages) announce(events, { ...notice, at: change.at });
  };
}
