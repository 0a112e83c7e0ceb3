/**
 * The composition root: `buildApp` opens the database (and Redis), builds every part
 * of the service and wires them together; `start` listens, `stop` closes everything.
 * The pieces are in `app/`; see README "Architecture" for which may import which.
 */
import { createCredentialCache } from "./auth/credential-cache.js";
import { createMailerFromEnv } from "./auth/mailer.js";
import { startSignInPruning } from "./auth/sign-in-pruning.js";
import { openDatabase } from "./db/client.js";
import { createDatabaseProbe } from "./db/readiness.js";
import { createEvents } from "./events.js";
import { createOriginPolicy } from "./http/origins.js";
import { OIDC_START_PATH } from "./http/oidc-routes.js";
import { createRequestLog } from "./http/request-log.js";
import { connectRedis } from "./realtime/redis.js";
import { auditPruning } from "./services/audit-log.js";
import { createPageSnapshots } from "./services/page-snapshots.js";
import { resolveConfig } from "./app/config.js";
import { createHttpServer } from "./app/http-server.js";
import { startLive } from "./app/live.js";
import { cacheLookups, createAppMetrics } from "./app/metrics.js";
import type { App, AppOptions } from "./app/options.js";
import { createReadSide } from "./app/read-side.js";
import { createChangeFlow } from "./app/recorders.js";
import { appRoutes } from "./app/routes.js";
import { createAppServices } from "./app/services.js";
import { createMutationPriority } from "./notifications/priority.js";
import { mailTransportFromEnv } from "./notifications/transport.js";
import { createAppYoga } from "./app/yoga.js";
import { startNotifications } from "./app/notifications.js";
import { appHandle } from "./app/handle.js";

export type { App, AppOptions };

/** Builds the service from `options` (unset ones from the environment); nothing listens until `start`. */
export async function buildApp(options: AppOptions = {}): Promise<App> {
  // Resolved before anything is opened: a bad setting stops the start with nothing to close.
  const config = resolveConfig(options);
  const { log, now, timers, limits, publicUrl } = config;
  const requests = createRequestLog(log);
  const database = await openDatabase({ url: options.databaseUrl, migrationsDir: options.migrationsDir, onQuery: options.onQuery });
  const db = database.db;
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, { ...config.redis, log }) : null;
  const databaseProbe = createDatabaseProbe(database.target, database.pool, config.readyTimeoutMs);
  const events = createEvents(redis?.eventTarget);
  const metrics = createAppMetrics(config.metricsAccess, { db, hub: () => live.hub, connections: () => http.connections(), databaseProbe, redis });
  const credentials = createCredentialCache({ events });
  const changes = createChangeFlow(events, credentials, options);
  const live = startLive({ db, events, changes, now, timers, log, redis, metrics });
  const mailer = options.mailer ?? createMailerFromEnv(process.env, log);
  const mailTransport = options.mailTransport ?? mailTransportFromEnv(process.env, log);
  const { hub, liveAccess } = live;
  const lookups = cacheLookups(metrics);
  const snapshots = createPageSnapshots({ db, events, onLookup: lookups("page_snapshot") });
  const signInMethods = { oidc: config.oidc ? { buttonLabel: config.oidc.settings.buttonLabel, startPath: OIDC_START_PATH } : null };
  const { services, actorOf } = createAppServices({
    ...{ db, events, now, hub, liveAccess, mailer, mailTransport, redis, publicUrl, requests, credentials, changes, snapshots, signInMethods },
    webhookAllowHttp: config.webhooks.allowHttp,
  });
  const readSide = createReadSide({ db, events, now, log, redis, credentials, snapshots, maxResultBytes: limits.responseCacheMaxBytes, actorOf, lookups });
  redis?.onRecovered(() => live.recover());
  const origins = createOriginPolicy(config.corsOrigins, publicUrl);
  const shareLiveResults = options.shareLiveResults !== false;
  // Mutations go before notification deliveries.
  const mutations = createMutationPriority();
  const yoga = createAppYoga({ services, requests, metrics, limits, redis, readSide, origins, shareLiveResults, mutations });
  const { metricsAccess, defaultPage, oidc } = config;
  const routes = appRoutes({
    ...{ metrics, metricsAccess, databaseProbe, redis, log, requests, services, readSide, publicUrl, defaultPage, oidc },
    operatorSignIn: options.operatorSignIn,
  });
  const http = createHttpServer({ yoga, routes, requests, metrics, limits, origins, keepAliveMs: options.webSocketKeepAliveMs, log });
  const signInPruning = startSignInPruning({ db, now, timers, log, alsoPrune: auditPruning(config.auditRetentionDays) });
  const notifications = startNotifications(
    { db, events, now, log, timers, changes, mailTransport, publicUrl, webhooks: config.webhooks, mutations },
    options.notifications,
  );

  const parts = { yoga, log, database, events, changes, hub, snapshots, liveAccess, scheduler: live.scheduler, notifications, mutations, signInPruning, now };
  return appHandle(parts, {
    services,
    listen: (port, host) => http.listen(port, host),
    closers: [
      () => live.stop(),
      () => signInPruning.stop(),
      () => notifications.stop(),
      () => readSide.close(),
      () => http.close(),
      () => databaseProbe.close(),
      () => database.close(),
      () => redis?.close(),
      // An injected mailer or transport belongs to the caller.
      () => options.mailer ?? mailer.close(),
      () => options.mailTransport ?? mailTransport.close(),
    ],
  });
}
