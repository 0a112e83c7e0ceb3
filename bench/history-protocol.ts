// What the history row's app process (history-server.ts) tells bench/history.ts, and
// the figures the row reports.

export type FromHistoryServer = { type: "ready"; url: string; apiKey: string; pageSlug: string; shortId: string; longId: string };

/** Medians over the samples of one incident. */
export interface HistoryArm {
  /** Updates the incident had before the first sample. */
  updates: number;
  /** publishIncidentUpdate over HTTP, request to response. */
  publishMs: number;
  /** From sending the mutation to the last subscriber's new summary. */
  lastSubscriberMs: number;
}

export interface HistoryFigures {
  subscribers: number;
  samples: number;
  short: HistoryArm;
  long: HistoryArm;
  /**
   * Long over short, the median of each round's own ratio: a round's two updates run
   * back to back, so a busy spell of the machine slows both and drops out of the ratio.
   */
  ratios: { publish: number; lastSubscriber: number };
}
