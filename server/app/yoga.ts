/** The Yoga server of `/graphql`, with its plugins in the order they must run. */
import { useCookies } from "@whatwg-node/server-plugin-cookies";
import { createYoga } from "graphql-yoga";
import { createContext, type AppServices, type Context, type InitialContext } from "../context.js";
import { useCors } from "../http/cors.js";
import { useLastKnownAnswers } from "../http/last-known.js";
import { maskAppErrors } from "../http/mask-errors.js";
import type { OriginPolicy } from "../http/origins.js";
import { useRefusalStatus } from "../http/refusal-status.js";
import type { RequestLog } from "../http/request-log.js";
import { useOperationName, yogaLogger } from "../http/yoga-logging.js";
import type { Limits } from "../limits.js";
import type { Metrics } from "../metrics/series.js";
import { useAnnouncedBeforeAnswer } from "../plugins/announced-before-answer.js";
import { useBodySizeLimits } from "../plugins/body-size.js";
import { useCsrfPrevention } from "../plugins/csrf.js";
import { useOperationLimits } from "../plugins/limits.js";
import { useMutationPriority, type RunningMutations } from "../plugins/mutation-priority.js";
import { useMutationRateLimit } from "../plugins/mutation-rate-limit.js";
import { useOperationMetrics } from "../plugins/operation-metrics.js";
import { useQueryCost } from "../plugins/query-cost.js";
import { useServiceUnavailableStatus } from "../plugins/unavailable-status.js";
import type { RedisBus } from "../realtime/redis.js";
import { useSharedExecution } from "../realtime/shared-execution.js";
import { schema } from "../schema/index.js";
import type { ReadSide } from "./read-side.js";

export interface YogaOptions {
  services: AppServices;
  requests: RequestLog;
  metrics: Metrics | null;
  limits: Limits;
  redis: RedisBus | null;
  readSide: ReadSide;
  origins: OriginPolicy;
  /** False: each live subscriber executes its own events (bench/fanout.ts compares). */
  shareLiveResults: boolean;
  /** Told of each mutation's run, for the notification worker to give way. */
  mutations: RunningMutations;
}

/** Yoga with the one context factory for HTTP and WebSocket, and every plugin of the service. */
export function createAppYoga({ services, requests, metrics, limits, redis, readSide, origins, shareLiveResults, mutations }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
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
      useCookies(),
      useRefusalStatus(),
      ...(shareLiveResults ? [useSharedExecution()] : []),
      ...useOperationLimits(limits),
      useQueryCost(limits, redis?.counters),
      useMutationRateLimit(limits, redis?.counters),
      // After the limits: a refused mutation is not running.
      useMutationPriority(mutations),
      // Another instance hears of a mutation's change before its client hears the answer.
      ...(redis ? [useAnnouncedBeforeAnswer(redis)] : []),
      ...readSide.readCache.plugins,
      // After the read cache, which so never stores or shares a stale answer.
      useLastKnownAnswers({ outage: readSide.outage }),
      // After the last known answers: a query one of them answered did not fail.
      useServiceUnavailableStatus(),
      useCsrfPrevention(),
      useBodySizeLimits(limits),
      // Last: it adds Origin to the Vary the read cache sets.
      useCors(origins),
    ],
    // Multipart requests (uploads) up to this; every other body up to maxRequestBodyBytes (useBodySizeLimits).
    maxRequestBodySize: Math.max(limits.maxRequestBodyBytes, limits.maxUploadBodyBytes),
    // GraphiQL cannot work without introspection.
    graphiql: limits.introspection ? { title: "Statusgraph" } : false,
    landingPage: false,
  });
}
