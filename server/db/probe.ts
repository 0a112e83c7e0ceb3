// What a readiness probe reports, and the deadline every probe keeps.

/** How a dependency answers: "slow" accepts but does not answer in time, "down" refuses or fails. */
export type DependencyState = "up" | "slow" | "down";

export interface ProbeResult {
  state: DependencyState;
  /** Why, when not up, e.g. "no answer within 2000 ms". */
  detail?: string;
}

export interface DatabaseProbe {
  /** Settles within the probe's deadline (plus a few milliseconds), whatever the database does. */
  check(): Promise<ProbeResult>;
  close(): Promise<void>;
}

/** The table the probes read: every page view reads it, so a lock on it stalls the service. */
export const PROBED_TABLE = "StatusPage";

/** `work`'s outcome, or "late" once `ms` have passed (the work goes on; its outcome is then ignored). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
