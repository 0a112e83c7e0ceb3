import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { execute, parse, type ExecutionResult } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { resolveActor } from "./auth/actor.js";
import { createCredentialCache } from "./auth/credential-cache.js";
import { createMailerFromEnv, type Mailer } from "./auth/mailer.js";
import { createSessionFallback } from "./auth/session-fallback.js";
import { createSignInLimits, createSubscribeLimits } from "./auth/sign-in-limits.js";
import { startSignInPruning, type SignInPruning } from "./auth/sign-in-pruning.js";
import { createContext, systemContext, type AppServices, type Context, type InitialContext } from "./context.js";
import { openDatabase, type Database } from "./db/client.js";
import { createDatabaseProbe } from "./db/readiness.js";
import { createEvents, type Events } from "./events.js";
import { authRoutes } from "./http/auth-routes.js";
import { subscriptionRoutes } from "./http/subscription-routes.js";
import { badgeRoute, createBadges } from "./http/badge.js";
import { createReadCache } from "./http/cache.js";
import { useCors } from "./http/cors.js";
import { createFeeds, feedRoute } from "./http/feed.js";
import { healthRoute } from "./http/health.js";
import { useLastKnownAnswers } from "./http/last-known.js";
import { createOutageWatch } from "./http/outage-watch.js";
import { publicUrlFromEnv, requestBaseUrl } from "./http/base-url.js";
import { maskAppErrors } from "./http/mask-errors.js";
import { metricsRoute, observeResponses, resolveMetricsAccess, type MetricsAccess } from "./http/metrics.js";
import { corsOriginsFromEnv, createOriginPolicy, parseConfiguredOrigin } from "./http/origins.js";
import { createPageLooks } from "./http/page-look.js";
import { useRefusalStatus } from "./http/refusal-status.js";
import { createRequestLog } from "./http/request-log.js";
import { useResponseCookies } from "./http/response-cookies.js";
import { withRoutes, type Route } from "./http/routes.js";
import { createStatuspageJson, statuspageRoute } from "./http/statuspage-json.js";
import { webRoute } from "./http/web.js";
import { useOperationName, yogaLogger } from "./http/yoga-logging.js";
import { resolveLimits, type Limits } from "./limits.js";
import { createMetrics, type CacheName } from "./metrics/series.js";
import { liveSubscribersBySlug } from "./metrics/sources.js";
import { loggerFromEnv, type Logger } from "./logger.js";
import { useOperationLimits } from "./plugins/limits.js";
import { useCsrfPrevention } from "./plugins/csrf.js";
import { useMutationRateLimit } from "./plugins/mutation-rate-limit.js";
import { useOperationMetrics } from "./plugins/operation-metrics.js";
import { useServiceUnavailableStatus } from "./plugins/unavailable-status.js";
import { createLiveAccess, type LiveAccess } from "./realtime/live-access.js";
import { useQueryCost } from "./plugins/query-cost.js";
import { connectRedis, type RedisBus } from "./realtime/redis.js";
import { startScheduler, type Scheduler } from "./realtime/scheduler.js";
import { emailSender } from "./notifications/email-sender.js";
import { notificationRecorder } from "./notifications/outbox.js";
import { mailTransportFromEnv, type MailTransport } from "./notifications/transport.js";
import { startNotificationWorker, type NotificationWorker, type NotificationWorkerOptions } from "./notifications/worker.js";
import { useSharedExecution } from "./realtime/shared-execution.js";
import { createSummaryHub, type SummaryHub } from "./realtime/summary-hub.js";
import { attachWebSocket } from "./realtime/websocket.js";
import { schema } from "./schema/index.js";
import { createAnnouncer } from "./services/announce.js";
import type { ChangeFlow, ChangeListener, ChangeRecorder } from "./services/change.js";

export interface AppOptions {
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
  /** Run inside the transaction of every change, before it commits (services/change.ts); none by default. */
  recorders?: ChangeRecorder[];
  /** Told of every change once committed, after it is announced; none by default. */
  afterCommit?: ChangeListener[];
  /** Sends subscription and notification mail; defaults to SMTP_URL and MAIL_FROM, closed on stop. */
  mailTransport?: MailTransport;
  /** The notification worker's settings (see server/notifications/worker.ts); `timers` defaults to `schedulerTimers`. */
  notifications?: Pick<NotificationWorkerOptions, "timers" | "leaseMs" | "pollMs" | "concurrency" | "retry">;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  log: Logger;
  database: Database;
  events: Events;
  /** Where every change goes: its recorders, then its announcement. */
  changes: ChangeFlow;
  hub: SummaryHub;
  liveAccess: LiveAccess;
  scheduler: Scheduler;
  /** Delivers the outbox's notifications; `tick()` runs it at once. */
  notifications: NotificationWorker;
  signInPruning: SignInPruning;
  now: () => Date;
  /** Runs an operation with full rights, in process (the demo seed and scripts use it). */
  executeAsSystem(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  /** Listens on `port` (0 picks a free one) on `host`; resolves to the URL of the GraphQL endpoint. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function buildApp(options: AppOptions = {}): Promise<App> {
  // Checked before anything is opened: a bad origin stops the start with nothing to close.
  const corsOrigins = options.corsOrigins?.map((origin) => parseConfiguredOrigin(origin, "corsOrigins")) ?? corsOriginsFromEnv();
  const log = options.logger ?? loggerFromEnv();
  const requests = createRequestLog(log);
  const database = await openDatabase({ url: options.databaseUrl, migrationsDir: options.migrationsDir, onQuery: options.onQuery });
  const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL || null : options.redisUrl;
  const pingIntervalMs = Number(process.env.REDIS_PING_INTERVAL_MS) || undefined;
  const counterTimeoutMs = Number(process.env.REDIS_RATE_LIMIT_TIMEOUT_MS) || undefined;
  const redis: RedisBus | null = redisUrl ? await connectRedis(redisUrl, { pingIntervalMs, counterTimeoutMs, log }) : null;
  const readyTimeoutMs = options.readyTimeoutMs ?? (Number(process.env.READY_TIMEOUT_MS) || 2_000);
  const databaseProbe = createDatabaseProbe(database.target, database.pool, readyTimeoutMs);
  const events = createEvents(redis?.eventTarget);
  const now = options.now ?? (() => new Date());
  const timers = options.schedulerTimers ?? true;
  let server: Server | null = null;
  let ws: ReturnType<typeof attachWebSocket> | null = null;
  const metricsAccess = resolveMetricsAccess(options.metrics);
  // Off, nothing is counted at all. The gauges are read when scraped, after start.
  const metrics = metricsAccess
    ? createMetrics({
        liveSubscribers: () => liveSubscribersBySlug(database.db, hub),
        webSocketConnections: () => ws?.wss.clients.size ?? 0,
        // Up as readiness sees it: a database that answers too late counts as down.
        databaseUp: async () => (await databaseProbe.check()).state === "up",
        redisUp: redis ? () => redis.healthy() : undefined,
      })
    : null;
  const lookups = (cache: CacheName) => (metrics ? (hit: boolean) => metrics.cacheLookup(cache, hit) : undefined);
  const liveAccess = createLiveAccess({ db: database.db, events, now, timers, log });
  const hub = createSummaryHub({
    db: database.db,
    events,
    now,
    log,
    subscribed: redis ? (topic) => redis.subscribed(topic) : undefined,
    beforeUpdate: (pageId, change) => liveAccess.beforeUpdate(pageId, change),
    delivered: metrics ? (change) => metrics.delivered((now().getTime() - Date.parse(change.at)) / 1000) : undefined,
  });
  const mailer = options.mailer ?? createMailerFromEnv(process.env, log);
  const publicUrl = options.publicUrl === undefined ? publicUrlFromEnv() : options.publicUrl;
  const sessions = createSessionFallback({ events });
  const credentials = createCredentialCache({ events });
  const announcer = createAnnouncer(events, { forgetKey: credentials.forgetKey });
  // The outbox recorder is always there: a notifiable change queues its event in its own transaction.
  const recorders = [notificationRecorder(), ...(options.recorders ?? [])];
  const changes: ChangeFlow = { recorders, afterCommit: [announcer, ...(options.afterCommit ?? [])] };
  const mailTransport = options.mailTransport ?? mailTransportFromEnv(process.env, log);
  const services: AppServices = {
    db: database.db,
    events,
    changes,
    now,
    hub,
    liveAccess,
    mailer,
    mailTransport,
    subscribeLimits: createSubscribeLimits(redis?.counter),
    signInLimits: createSignInLimits(redis?.counter),
    credentials,
    publicUrl,
    log: requests.log,
    sessions,
  };
  const limits = resolveLimits(options.limits);
  const origins = createOriginPolicy(corsOrigins, publicUrl);
  const actorOf = async (request: Request) => {
    const headers = { authorization: request.headers.get("authorization"), cookie: request.headers.get("cookie") };
    return (await resolveActor(database.db, headers, now(), sessions, credentials)).actor;
  };
  const readCache = createReadCache({ events, maxResultBytes: limits.responseCacheMaxBytes, onLookup: lookups("graphql"), actorOf });
  const pageLooks = createPageLooks({ db: database.db, events, onLookup: lookups("page_look") });
  const badges = createBadges({ db: database.db, events, now, onLookup: lookups("badge") });
  const feeds = createFeeds({ db: database.db, events, onLookup: lookups("feed") });
  const statuspageJson = createStatuspageJson({ db: database.db, events });
  const defaultPage = options.defaultPage === undefined ? process.env.DEFAULT_PAGE?.trim() || null : options.defaultPage;
  // Answers kept in memory until their page changes, and credentials until they end. Changes
  // and sign-outs announced while Redis was down never arrived: nothing kept can be trusted after an outage.
  const caches = [readCache, pageLooks, badges, feeds, statuspageJson, credentials];
  redis?.onRecovered(() => caches.forEach((cache) => cache.clear()));
  // Nor can they once the database stops answering: requests then try it, and get
  // the last known answers, marked stale, when it still does not answer.
  const outage = createOutageWatch(
    () => caches.forEach((cache) => cache.clear()),
    (message) => log.warn(message),
  );
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: (initial) => createContext(services, initial as InitialContext),
    // Replaced by useCors below: Yoga's own lets every origin read with credentials.
    cors: false,
    maskedErrors: { maskError: maskAppErrors(() => requests.current()?.id) },
    logging: yogaLogger(requests),
    plugins: [
      // First: it times everything after it, and sees refusals by the others.
      ...(metrics ? [useOperationMetrics(metrics)] : []),
      useOperationName(requests),
      useResponseCookies(),
      useRefusalStatus(),
      ...(options.shareLiveResults === false ? [] : [useSharedExecution()]),
      ...useOperationLimits(limits),
      useQueryCost(limits, redis?.counter),
      useMutationRateLimit(limits, redis?.counter),
      ...readCache.plugins,
      // After the read cache, which so never stores or shares a stale answer.
      useLastKnownAnswers({ outage }),
      // After the last known answers: a query one of them answered did not fail.
      useServiceUnavailableStatus(),
      useCsrfPrevention(),
      // Last: it adds Origin to the Vary the read cache sets.
      useCors(origins),
    ],
    maxRequestBodySize: limits.maxRequestBodyBytes,
    // GraphiQL cannot work without introspection.
    graphiql: limits.introspection ? { title: "Statusgraph" } : false,
    landingPage: false,
  });
  const routes: Route[] = [
    metricsRoute(metrics, metricsAccess),
    healthRoute({ database: databaseProbe, redis: redis ? () => redis.state() : undefined, log, outage }),
    authRoutes(services),
    subscriptionRoutes(services),
    badgeRoute(badges.lookup),
    feedRoute(feeds.lookup, publicUrl),
    statuspageRoute({ find: statuspageJson.get, publicUrl, defaultPage }),
    webRoute({ lookFor: pageLooks.lookup, log: requests.log }),
  ];
  const scheduler = startScheduler({ db: database.db, events, changes, now, timers, log, transitioned: metrics ? (to) => metrics.transition(to) : undefined });
  const signInPruning = startSignInPruning({ db: database.db, now, timers, log });
  const notifications = startNotificationWorker({
    db: database.db,
    events,
    now,
    log,
    timers,
    ...options.notifications,
    senders: { EMAIL: emailSender(database.db, mailTransport, publicUrl ?? requestBaseUrl(null)) },
  });
  redis?.onRecovered(() => {
    // Events published while Redis was down are lost: recomputing every watched
    // summary resyncs subscribers, sign-outs and revocations are looked up, and the
    // scheduler re-plans for maintenance scheduled or moved meanwhile (it heard of none of it).
    void liveAccess.verify().catch((error: unknown) => log.error({ err: error }, "Live access check failed"));
    void hub.resync();
    void scheduler.tick().catch((error: unknown) => log.error({ err: error }, "Maintenance scheduler failed"));
  });

  return {
    yoga,
    log,
    database,
    events,
    changes,
    hub,
    liveAccess,
    scheduler,
    notifications,
    signInPruning,
    now,
    async executeAsSystem(query, variables) {
      const contextValue = systemContext(services);
      return execute({ schema, document: parse(query), variableValues: variables, contextValue }) as Promise<ExecutionResult>;
    },
    async start(port = 0, host = "127.0.0.1") {
      const handler = requests.handler(withRoutes(routes, yoga, requests.log));
      server = createServer(metrics ? observeResponses(metrics, handler) : handler);
      ws = attachWebSocket(server, yoga, { limits, keepAliveMs: options.webSocketKeepAliveMs, origins, log });
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      // Catch up on maintenance that came due while the service was down.
      await scheduler.tick();
      const { port: actual } = server.address() as AddressInfo;
      return `http://${host.includes(":") ? `[${host}]` : host}:${actual}${yoga.graphqlEndpoint}`;
    },
    async stop() {
      scheduler.stop();
      signInPruning.stop();
      await notifications.stop();
      liveAccess.stop();
      hub.close();
      for (const cache of caches) cache.close();
      sessions.close();
      await ws?.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        server = null;
      }
      await databaseProbe.close();
      await database.close();
      await redis?.close();
      // An injected mailer belongs to the caller.
      if (!options.mailer) mailer.close();
      if (!options.mailTransport) mailTransport.close();
    },
  };
}
