/**
 * What `buildApp` takes (each option defaults to its environment variable, see README
 * "Configuration") and what it returns.
 */
import type { ExecutionResult } from "graphql";
import type { YogaServerInstance } from "graphql-yoga";
import type { Mailer } from "../auth/mailer.js";
import type { SignInPruning } from "../auth/sign-in-pruning.js";
import type { Context } from "../context.js";
import type { Database } from "../db/client.js";
import type { Events } from "../events.js";
import type { MetricsAccess } from "../http/metrics.js";
import type { Limits } from "../limits.js";
import type { Logger } from "../logger.js";
import type { LiveAccess } from "../realtime/live-access.js";
import type { Scheduler } from "../realtime/scheduler.js";
import type { ChangeFlow, ChangeListener, ChangeRecorder } from "../services/change.js";
import type { PageSnapshots } from "../services/page-snapshots.js";
import type { OidcOptions } from "../http/oidc-setup.js";
import type { MutationPriority } from "../notifications/priority.js";
import type { MailTransport } from "../notifications/transport.js";
import type { NotificationWorker, NotificationWorkerOptions } from "../notifications/worker.js";
import type { SummaryHub } from "../realtime/summary-hub.js";

export interface AppOptions extends OidcOptions {
  /** Defaults to DATABASE_URL, then a SQLite file under ./data. */
  databaseUrl?: string;
  /** The migrations applied on start; the repository's prisma/migrations by default. */
  migrationsDir?: string;
  /** The clock; tests inject one to move time without sleeping. */
  now?: () => Date;
  /** Receives every SQL statement (tests pin statement counts with it). */
  onQuery?: (sql: string) => void;
  /**
   * Run the maintenance scheduler, live access checks and sign-in pruning on timers
   * (default true). Tests with an injected clock turn timers off and call
   * `app.scheduler.tick()`, `app.liveAccess.tick()`, `app.signInPruning.tick()`.
   */
  schedulerTimers?: boolean;
  /** Subscribers of one view share each event's execution result (default true; bench/fanout.ts compares). */
  shareLiveResults?: boolean;
  /** Sends sign-in links; defaults to createMailerFromEnv() (SMTP_URL, MAIL_FROM), closed on stop. */
  mailer?: Mailer;
  /** Public origin for sign-in links and cookies; defaults to PUBLIC_URL, else each request's Host. */
  publicUrl?: string | null;
  /** Carries live events between instances; defaults to REDIS_URL (unset: events stay in this process). */
  redisUrl?: string | null;
  /** Protective limits; unset ones come from the environment (see README "Limits"). */
  limits?: Partial<Limits>;
  /**
   * Origins whose pages may make credentialed requests (cookies) to /graphql and use the
   * session cookie over WebSocket, e.g. `["https://app.example.com"]`; defaults to CORS_ORIGINS
   * (unset: none). The service's own origin needs no entry.
   */
  corsOrigins?: string[];
  /** The public page `/api/v2/…` (Statuspage-compatible JSON) answers for; defaults to DEFAULT_PAGE (unset: none). */
  defaultPage?: string | null;
  /** WebSocket keep-alive ping interval (default WS_LIMITS.keepAliveMs, 12 s); tests shorten it. */
  webSocketKeepAliveMs?: number;
  /**
   * Who may read /metrics: `{ token }` (as `Authorization: Bearer <token>`) or `{ open: true }`;
   * null turns it off. Defaults to METRICS_TOKEN, then METRICS=true (neither: off, 404).
   */
  metrics?: Partial<MetricsAccess> | null;
  /** Where the service logs; defaults to LOG_LEVEL and LOG_FORMAT on stdout (see server/logger.ts). */
  logger?: Logger;
  /** How long /health/ready waits for the database before calling it slow; defaults to READY_TIMEOUT_MS, else 2,000 ms. */
  readyTimeoutMs?: number;
  /** Days audit entries are kept (default AUDIT_RETENTION_DAYS, else forever: null). */
  auditRetentionDays?: number | null;
  /** Run inside the transaction of every change, after the service's own (app/recorders.ts), before it commits; none by default. */
  recorders?: ChangeRecorder[];
  /** Told of every change once committed, after it is announced; none by default. */
  afterCommit?: ChangeListener[];
  /** Sends subscription and notification mail; defaults to SMTP_URL and MAIL_FROM, closed on stop. */
  mailTransport?: MailTransport;
  /** The notification worker's settings (see server/notifications/worker.ts); `timers` defaults to `schedulerTimers`. */
  notifications?: Pick<NotificationWorkerOptions, "timers" | "leaseMs" | "pollMs" | "concurrency" | "retry">;
  /** Webhook endpoint rules; unset ones from WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOW_PRIVATE_ADDRESSES (both off by default). */
  webhooks?: Partial<WebhookSettings>;
}

/** What webhook endpoints may point at, and how long a delivery may take. */
export interface WebhookSettings {
  /** Accept http:// endpoint URLs, not only https:// (WEBHOOK_ALLOW_HTTP). */
  allowHttp: boolean;
  /** Deliver to private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE_ADDRESSES): only for a service inside a trusted network, or tests. */
  allowPrivateAddresses: boolean;
  /** Connect and total timeout of one attempt (WEBHOOK_TIMEOUT_MS, default 10 s). */
  timeoutMs: number;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  log: Logger;
  database: Database;
  events: Events;
  /** Where every change goes: its recorders, then its announcement. */
  changes: ChangeFlow;
  hub: SummaryHub;
  /** Pages read once per change and shared by every request (tests clear it to count a cold read). */
  snapshots: PageSnapshots;
  liveAccess: LiveAccess;
  scheduler: Scheduler;
  /** Delivers the outbox's notifications; `tick()` runs it at once. */
  notifications: NotificationWorker;
  /** The GraphQL mutations running now, which the notification worker gives way to. */
  mutations: MutationPriority;
  signInPruning: SignInPruning;
  now: () => Date;
  /** Runs an operation with full rights, in process (the demo seed and scripts use it). */
  executeAsSystem(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  /** Listens on `port` (0 picks a free one) on `host`; resolves to the URL of the GraphQL endpoint. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}
