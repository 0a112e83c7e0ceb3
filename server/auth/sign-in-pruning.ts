// Sign-in links and sessions (viewers' and operators') that can no longer be used are deleted, so
// they do not pile up; so are audit entries past AUDIT_RETENTION_DAYS, when it is set. Every instance runs it: deleting rows another instance
// already deleted is harmless.
import type { Db } from "../db/client.js";
import { pruneOperatorSignIns } from "./operator-email-sign-in.js";
import { pruneSignIns } from "./viewer-sessions.js";
import { defaultLogger, type Logger } from "../logger.js";
import { pruneAuditLog } from "../services/audit-log.js";

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
  /** Audit entries older than this many days are deleted on the same round; null keeps them. */
  auditRetentionDays?: number | null;
}

async function prune(db: Db, now: Date, auditRetentionDays: number | null): Promise<void> {
  await pruneSignIns(db, now);
  await pruneOperatorSignIns(db, now);
  if (auditRetentionDays !== null) await pruneAuditLog(db, now, auditRetentionDays);
}

export function startSignInPruning(options: SignInPruningOptions): SignInPruning {
  const log = options.log ?? defaultLogger();
  let running: Promise<void> = Promise.resolve();
  const tick = () => (running = running.catch(() => {}).then(() => prune(options.db, options.now(), options.auditRetentionDays ?? null)));
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
