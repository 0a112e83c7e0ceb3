// Sign-in links and sessions (viewers' and operators') that can no longer be used are deleted, so
// they do not pile up; so are audit entries past AUDIT_RETENTION_DAYS, when it is set. Every instance runs it: deleting rows another instance
// already deleted is harmless.
import type { Db } from "../db/client.js";
import { pruneOperatorSignIns } from "./operator-email-sign-in.js";
import { pruneSignIns } from "./viewer-sessions.js";
import { defaultLogger, type Logger } from "../logger.js";

/** How often expired links and ended or expired sessions are deleted. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface SignInPruning {
  /** Deletes what is unusable at `now()`; prunes never overlap. */
  tick(): Promise<void>;
  stop(): void;
}

export interface SignInPruningOptions {
  db: Db;
  now: () => Date;
  /** Prune every PRUNE_INTERVAL_MS (default true); tests with an injected clock call `tick()`. */
  timers?: boolean;
  log?: Logger;
  /** More to delete on the same round (the composition root adds the audit log's retention). */
  alsoPrune?: ((db: Db, now: Date) => Promise<unknown>)[];
}

async function prune(db: Db, now: Date, alsoPrune: NonNullable<SignInPruningOptions["alsoPrune"]>): Promise<void> {
  await pruneSignIns(db, now);
  await pruneOperatorSignIns(db, now);
  for (const more of alsoPrune) await more(db, now);
}

export function startSignInPruning(options: SignInPruningOptions): SignInPruning {
  const log = options.log ?? defaultLogger();
  let running: Promise<void> = Promise.resolve();
  const tick = () => (running = running.catch(() => {}).then(() => prune(options.db, options.now(), options.alsoPrune ?? [])));
  // A failed prune (database unreachable) is logged; the next interval tries again.
  const timer =
    options.timers === false
      ? null
      : setInterval(() => void tick().catch((error: unknown) => log.error({ err: error }, "Sign-in pruning failed")), PRUNE_INTERVAL_MS);
  timer?.unref();
  return {
    tick,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
