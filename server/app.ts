import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { execute, parse, type ExecutionResult } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { createMailerFromEnv, type Mailer } from "./auth/mailer.js";
import { createSignInLimits } from "./auth/sign-in-limits.js";
import { createContext, systemContext, type AppServices, type Context, type InitialContext } from "./context.js";
import { openDatabase, type Database } from "./db/client.js";
import { createEvents, type Events } from "./events.js";
import { authRoutes } from "./http/auth-routes.js";
import { badgeRoute, createBadges } from "./http/badge.js";
import { createReadCache } from "./http/cache.js";
import { createFeeds, feedRoute } from "./http/feed.js";
import { healthRoute } from "./http/health.js";
import { publicUrlFromEnv } from "./http/base-url.js";
import { maskAppErrors } from "./http/mask-errors.js";
import { createPageLooks } from "./http/page-look.js";
import { useResponseCookies } from "./http/response-cookies.js";
import { withRoutes, type Route } from "./http/routes.js";
import { webRoute } from "./http/web.js";
import { resolveLimits, type Limits } from "./limits.js";
import { useOperationLimits } from "./plugins/limits.js";
import { useMutationRateLimit } from "./plugins/mutation-rate-limit.js";
import { useQueryCost } from "./plugins/query-cost.js";
import { connectRedis, type RedisBus } from "./realtime/redis.js";
import { startScheduler, type Scheduler } from "./realtime/scheduler.js";
import { useSharedExecution } from "./realtime/shared-execution.js";
import { createSummaryHub, type SummaryHub } from "./realtime/summary-hub.js";
import { attachWebSocket } from "./realtime/websocket.js";
import { schema } from "./schema/index.js";

export interface AppOptions {
  /** Defaults to DATABASE_URL, then a SQLite file under ./data. */
  databaseUrl?: string;
  /** The clock; tests inject one to move time without sleeping. */
  now?: () => Date;
  /** Receives every SQL statement (tests pin statement counts with it). */
  onQuery?: (sql: string) => void;
  /**
   * Run the maintenance scheduler on timers (default true). Tests with an
   * injected clock turn timers off and call `app.scheduler.tick()`.
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
  /** WebSocket keep-alive ping interval (default WS_LIMITS.keepAliveMs, 12 s); tests shorten it. */
  webSocketKeepAliveMs?: number;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  database: Database;
  events: Events;
  hub: SummaryHub;
  scheduler: Scheduler;
  now: () => Date;
  /** Runs an operation with full rights, in process (the demo seed and scripts use it). */
  executeAsSystem(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  /** Listens on `port` (0 picks a free one) on `host`; resolves to the URL of the GraphQL endpoint. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function buildApp(options: AppOptions = {}): Promise<App> {
  const database = await openDatabase({ url: options.databaseUrl, onQuery: options.onQuery });
  const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL || null : options.redisUrl;
  const pingIntervalMs = Number(process.env.REDIS_PING_INTERVAL_MS) || undefined;
  const redis: RedisBus | null = redisUrl ? await connectRedis(redisUrl, { pingIntervalMs }) : null;
  const events = createEvents(redis?.eventTarget);
  const now = options.now ?? (() => new Date());
  const hub = createSummaryHub({ db: database.db, events, now, subscribed: redis ? (topic) => redis.subscribed(topic) : undefined });
  const mailer = options.mailer ?? createMailerFromEnv();
  const publicUrl = options.publicUrl === undefined ? publicUrlFromEnv() : options.publicUrl;
  const services: AppServices = { db: database.db, events, now, hub, mailer, signInLimits: createSignInLimits(redis?.counter), publicUrl };
  const limits = resolveLimits(options.limits);
  const readCache = createReadCache({ events, maxResultBytes: limits.responseCacheMaxBytes });
  const pageLooks = createPageLooks({ db: database.db, events });
  const badges = createBadges({ db: database.db, events, now });
  const feeds = createFeeds({ db: database.db, events });
  // Answers kept in memory until their page changes. Changes announced while Redis was
  // down never arrived, so none of them can be trusted after an outage.
  const caches = [readCache, pageLooks, badges, feeds];
  redis?.onRecovered(() => caches.forEach((cache) => cache.clear()));
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: (initial) => createContext(services, initial as InitialContext),
    maskedErrors: { maskError: maskAppErrors },
    plugins: [
      useResponseCookies(),
      ...(options.shareLiveResults === false ? [] : [useSharedExecution()]),
      ...useOperationLimits(limits),
      useQueryCost(limits, redis?.counter),
      useMutationRateLimit(limits, redis?.counter),
      ...readCache.plugins,
    ],
    maxRequestBodySize: limits.maxRequestBodyBytes,
    // GraphiQL cannot work without introspection.
    graphiql: limits.introspection ? { title: "Statusgraph" } : false,
    landingPage: false,
  });
  const routes: Route[] = [
    healthRoute({ db: database.db, redisHealthy: redis ? () => redis.healthy() : undefined }),
    authRoutes(services),
    badgeRoute(badges.get),
    feedRoute(feeds.get, publicUrl),
    webRoute({ lookFor: pageLooks.get }),
  ];
  const scheduler = startScheduler({ db: database.db, events, now, timers: options.schedulerTimers ?? true });
  redis?.onRecovered(() => {
    // Events published while Redis was down are lost: recomputing every watched
    // summary resyncs subscribers, and the scheduler re-plans for maintenance
    // scheduled or moved meanwhile (it heard of none of it).
    void hub.resync();
    void scheduler.tick().catch((error: unknown) => console.error("maintenance scheduler:", error));
  });
  let server: Server | null = null;
  let ws: ReturnType<typeof attachWebSocket> | null = null;

  return {
    yoga,
    database,
    events,
    hub,
    scheduler,
    now,
    async executeAsSystem(query, variables) {
      const contextValue = systemContext(services);
      return execute({ schema, document: parse(query), variableValues: variables, contextValue }) as Promise<ExecutionResult>;
    },
    async start(port = 0, host = "127.0.0.1") {
      server = createServer(withRoutes(routes, yoga));
      ws = attachWebSocket(server, yoga, limits, options.webSocketKeepAliveMs);
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      // Catch up on maintenance that came due while the service was down.
      await scheduler.tick();
      const { port: actual } = server.address() as AddressInfo;
      return `http://${host.includes(":") ? `[${host}]` : host}:${actual}${yoga.graphqlEndpoint}`;
    },
    async stop() {
      scheduler.stop();
      hub.close();
      for (const cache of caches) cache.close();
      await ws?.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        server = null;
      }
      await database.close();
      await redis?.close();
      // An injected mailer belongs to the caller.
      if (!options.mailer) mailer.close();
    },
  };
}
