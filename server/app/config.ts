/** The settings the app runs with: each option, else its environment variable, else its default. */
import { publicUrlFromEnv } from "../http/base-url.js";
import { resolveMetricsAccess, type MetricsAccess } from "../http/metrics.js";
import { planOidc, type OidcPlan } from "../http/oidc-setup.js";
import { corsOriginsFromEnv, parseConfiguredOrigin } from "../http/origins.js";
import { resolveLimits, type Limits } from "../limits.js";
import { loggerFromEnv, type Logger } from "../logger.js";
import type { AppOptions, WebhookSettings } from "./options.js";

/** AppOptions with every default filled in. */
export interface AppConfig {
  corsOrigins: string[];
  log: Logger;
  redisUrl: string | null;
  /** REDIS_PING_INTERVAL_MS and REDIS_RATE_LIMIT_TIMEOUT_MS; undefined: the bus's defaults. */
  redis: { pingIntervalMs?: number; counterTimeoutMs?: number };
  readyTimeoutMs: number;
  now: () => Date;
  timers: boolean;
  metricsAccess: MetricsAccess | null;
  publicUrl: string | null;
  defaultPage: string | null;
  limits: Limits;
  /** OpenID Connect operator sign-in; null when not configured. */
  oidc: OidcPlan | null;
  /** AUDIT_RETENTION_DAYS: audit entries older than this are pruned; null keeps them forever. */
  auditRetentionDays: number | null;
  webhooks: WebhookSettings;
}

/** Resolves the configuration; throws, before anything is opened, on a malformed value. */
export function resolveConfig(options: AppOptions, env: Record<string, string | undefined> = process.env): AppConfig {
  const corsOrigins = options.corsOrigins?.map((origin) => parseConfiguredOrigin(origin, "corsOrigins")) ?? corsOriginsFromEnv(env);
  const publicUrl = options.publicUrl === undefined ? publicUrlFromEnv(env) : options.publicUrl;
  return {
    corsOrigins,
    log: options.logger ?? loggerFromEnv(env),
    redisUrl: options.redisUrl === undefined ? env.REDIS_URL || null : options.redisUrl,
    redis: {
      pingIntervalMs: Number(env.REDIS_PING_INTERVAL_MS) || undefined,
      counterTimeoutMs: Number(env.REDIS_RATE_LIMIT_TIMEOUT_MS) || undefined,
    },
    readyTimeoutMs: options.readyTimeoutMs ?? (Number(env.READY_TIMEOUT_MS) || 2_000),
    now: options.now ?? (() => new Date()),
    timers: options.schedulerTimers ?? true,
    metricsAccess: resolveMetricsAccess(options.metrics, env),
    publicUrl,
    defaultPage: options.defaultPage === undefined ? env.DEFAULT_PAGE?.trim() || null : options.defaultPage,
    limits: resolveLimits(options.limits, env),
    oidc: planOidc(options, publicUrl),
    webhooks: {
      allowHttp: options.webhooks?.allowHttp ?? flag(env.WEBHOOK_ALLOW_HTTP, "WEBHOOK_ALLOW_HTTP"),
      allowPrivateAddresses: options.webhooks?.allowPrivateAddresses ?? flag(env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES, "WEBHOOK_ALLOW_PRIVATE_ADDRESSES"),
      timeoutMs: options.webhooks?.timeoutMs ?? (Number(env.WEBHOOK_TIMEOUT_MS) || 10_000),
    },
    auditRetentionDays: options.auditRetentionDays === undefined ? retentionDaysFromEnv(env.AUDIT_RETENTION_DAYS) : options.auditRetentionDays,
  };
}

/** A positive whole number of days, or null (keep forever) when unset; anything else stops the start. */
function retentionDaysFromEnv(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new Error(`AUDIT_RETENTION_DAYS must be a whole number of days, at least 1 (got "${value}")`);
  return days;
}

/** A true/false setting: unset or empty is false; anything but true/false/1/0 stops the start. */
function flag(value: string | undefined, name: string): boolean {
  const v = value?.trim().toLowerCase() ?? "";
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true" || v === "1") return true;
  throw new Error(`${name} must be true or false (got "${value}")`);
}
