/** The HTTP routes beside `/graphql`, in the order they are tried. */
import type { AppServices } from "../context.js";
import type { DatabaseProbe } from "../db/probe.js";
import { authRoutes } from "../http/auth-routes.js";
import { operatorAuthRoute } from "../http/operator-auth-route.js";
import { subscriptionRoutes } from "../http/subscription-routes.js";
import { badgeRoute } from "../http/badge.js";
import { feedRoute } from "../http/feed.js";
import { healthRoute } from "../http/health.js";
import { oidcRoute, type OidcPlan } from "../http/oidc-setup.js";
import type { OperatorSignIn } from "../auth/operator-sign-in.js";
import { createOperatorSignIn } from "../services/operator-oidc-sign-in.js";
import { metricsRoute, type MetricsAccess } from "../http/metrics.js";
import type { RequestLog } from "../http/request-log.js";
import type { Route } from "../http/routes.js";
import { statuspageRoute } from "../http/statuspage-json.js";
import { webRoute } from "../http/web.js";
import { pageAssetRoute } from "../http/page-assets.js";
import { findServedAsset } from "../services/page-assets.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics/series.js";
import type { RedisBus } from "../realtime/redis.js";
import type { ReadSide } from "./read-side.js";

export interface RoutesOptions {
  metrics: Metrics | null;
  metricsAccess: MetricsAccess | null;
  databaseProbe: DatabaseProbe;
  redis: RedisBus | null;
  log: Logger;
  requests: RequestLog;
  services: AppServices;
  readSide: ReadSide;
  publicUrl: string | null;
  defaultPage: string | null;
  /** OpenID Connect operator sign-in, when configured, and what completes it. */
  oidc: OidcPlan | null;
  operatorSignIn?: OperatorSignIn;
}

/** Metrics, health, sign-in links, badges, feeds, Statuspage-compatible JSON and the web client. */
export function appRoutes(options: RoutesOptions): Route[] {
  const { readSide, redis, publicUrl } = options;
  return [
    metricsRoute(options.metrics, options.metricsAccess),
    healthRoute({ database: options.databaseProbe, redis: redis ? () => redis.state() : undefined, log: options.log, outage: readSide.outage }),
    authRoutes(options.services),
    operatorAuthRoute(options.services),
    subscriptionRoutes(options.services),
    ...(options.oidc
      ? [
          oidcRoute(options.oidc, {
            db: options.services.db,
            now: options.services.now,
            log: options.requests.log,
            operators: options.operatorSignIn ?? createOperatorSignIn(options.services),
          }),
        ]
      : []),
    badgeRoute(readSide.badges.lookup),
    feedRoute(readSide.feeds.lookup, publicUrl),
    statuspageRoute({ find: readSide.statuspageJson.get, publicUrl, defaultPage: options.defaultPage }),
    pageAssetRoute((sha256) => findServedAsset(options.services.db, sha256)),
    webRoute({ lookFor: readSide.pageLooks.lookup, log: options.requests.log }),
  ];
}
