/**
 * The composition root: `buildApp` opens the database (and Redis), builds every part
 * of the service and wires them together; `start` listens, `stop` closes everything.
 * The pieces are in `app/`; see README "Architecture" for which may import which.
 */
import { execute, parse, type ExecutionResult } from "graphql";
import { createCredentialCache } from "./auth/credential-cache.js";
import { createMailerFromEnv } from "./auth/mailer.js";
import { startSignInPruning } from "./auth/sign-in-pruning.js";
import { systemContext } from "./context.js";
import { openDatabase } from "./db/client.js";
import { createDatabaseProbe } from "./db/readiness.js";
import { createEvents } from "./events.js";
import { createOriginPolicy } from "./http/origins.js";
import { OIDC_START_PATH } from "./http/oidc-routes.js";
import { createRequestLog } from "./http/request-log.js";
import { connectRedis } from "./realtime/redis.js";
import { schema } from "./schema/index.js";
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
import { emailSender } from "./notifications/email-sender.js";
import { mailTransportFromEnv } from "./notifications/transport.js";
import { startNotificationWorker } from "./notifications/worker.js";
import { disableFailingEndpoint } from "./notifications/webhook-disable.js";
import { webhookSender } from "./notifications/webhook-sender.js";
import { requestBaseUrl } from "./http/base-url.js";
import { createAppYoga } from "./app/yoga.js";

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
  const webhookAllowHttp = config.webhooks.allowHttp;
  const appParts = {
    db,
    events,
    now,
    hub,
    liveAccess,
    mailer,
    mailTransport,
    redis,
    publicUrl,
    requests,
    credentials,
    changes,
    snapshots,
    signInMethods,
    webhookAllowHttp,
  };
  const { services, actorOf } = createAppServices(appParts);
  const readSide = createReadSide({ db, events, now, log, redis, credentials, snapshots, maxResultBytes: limits.responseCacheMaxBytes, actorOf, lookups });
  redis?.onRecovered(() => live.recover());
  const origins = createOriginPolicy(config.corsOrigins, publicUrl);
  const shareLiveResults = options.shareLiveResults !== false;
  const yoga = createAppYoga({ services, requests, metrics, limits, redis, readSide, origins, shareLiveResults });
  const { metricsAccess, defaultPage, oidc } = config;
  const routes = appRoutes({
    metrics,
    metricsAccess,
    databaseProbe,
    redis,
    log,
    requests,
    services,
    readSide,
    publicUrl,
    defaultPage,
    oidc,
    operatorSignIn: options.operatorSignIn,
  });
  const http = createHttpServer({ yoga, routes, requests, metrics, limits, origins, keepAliveMs: options.webSocketKeepAliveMs, log });
  const signInPruning = startSignInPruning({ db, now, timers, log, alsoPrune: auditPruning(config.auditRetentionDays) });
  const baseUrl = publicUrl ?? requestBaseUrl(null);
  const sendEmail = emailSender(db, mailTransport, baseUrl);
  const { allowPrivateAddresses, timeoutMs } = config.webhooks;
  const sendWebhook = webhookSender({ db, now, baseUrl, allowPrivateAddresses, connectTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs });
  const disableEndpoint = disableFailingEndpoint({ db, now, changes, mailTransport, log, baseUrl });
  const notifications = startNotificationWorker({
    db,
    events,
    now,
    log,
    timers,
    ...options.notifications,
    senders: { EMAIL: sendEmail, WEBHOOK: sendWebhook },
    gaveUp: { WEBHOOK: disableEndpoint.gaveUp },
    failing: { WEBHOOK: disableEndpoint.failing },
  });

  return {
    yoga,
    log,
    database,
    events,
    changes,
    hub,
    snapshots,
    liveAccess,
    scheduler: live.scheduler,
    notifications,
    signInPruning,
    now,
    async executeAsSystem(query, variables) {
      const contextValue = systemContext(services);
      return execute({ schema, document: parse(query), variableValues: variables, contextValue }) as Promise<ExecutionResult>;
    },
    async start(port = 0, host = "127.0.0.1") {
      const url = await http.listen(port, host);
      // Catch up on maintenance that came due while the service was down.
      await live.scheduler.tick();
      return url;
    },
    async stop() {
      live.stop();
      signInPruning.stop();
      await notifications.stop();
      readSide.close();
      await http.close();
      await databaseProbe.close();
      await database.close();
      await redis?.close();
      // An injected mailer belongs to the caller.
      if (!options.mailer) mailer.close();
      if (!options.mailTransport) mailTransport.close();
    },
  };
}
