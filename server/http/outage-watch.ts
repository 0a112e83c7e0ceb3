// Notices when the database stops answering. Answers kept as current until their
// page changes (response cache, badges, feeds, page looks) are then dropped, so
// that requests try the database again and, when it still fails, get the last
// known answers marked stale rather than unmarked ones nobody can vouch for.
// Readiness probes report every few seconds, so an outage is noticed soon even
// while every request is a cache hit. The outage is logged once, when noticed,
// and once more when the database answers again.
export interface OutageWatch {
  readonly down: boolean;
  /** The database failed to answer for want of a connection (or in time). */
  failed(): void;
  /** The database answered. */
  answered(): void;
}

export function createOutageWatch(onOutage: () => void, log: (message: string) => void): OutageWatch {
  let down = false;
  return {
    get down() {
      return down;
    },
    failed() {
      if (down) return;
      down = true;
      log("The database is unavailable: serving the last known state, and SERVICE_UNAVAILABLE to changes, until it answers again.");
      onOutage();
    },
    answered() {
      if (!down) return;
      down = false;
      log("The database answers again.");
    },
  };
}
