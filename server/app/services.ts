/** What every operation's context is made from: the database, events, live parts, mail, and the credential caches. */
import { resolveActor, type Actor } from "../auth/actor.js";
import type { CredentialCache } from "../auth/credential-cache.js";
import type { Mailer } from "../auth/mailer.js";
import { createSignInLimits, createSubscribeLimits } from "../auth/sign-in-limits.js";
import type { AppServices, OperatorSignInMethods } from "../context.js";
import type { Db } from "../db/client.js";
import type { Events } from "../events.js";
import { requestBaseUrl } from "../http/base-url.js";
import type { RequestLog } from "../http/request-log.js";
import type { LiveAccess } from "../realtime/live-access.js";
import type { RedisBus } from "../realtime/redis.js";
import type { SummaryHub } from "../realtime/summary-hub.js";
import type { ChangeFlow } from "../services/change.js";
import type { MailTransport } from "../notifications/transport.js";
import type { PageSnapshots } from "../services/page-snapshots.js";

export interface ServicesOptions {
  db: Db;
  events: Events;
  now: () => Date;
  hub: SummaryHub;
  liveAccess: LiveAccess;
  mailer: Mailer;
  mailTransport: MailTransport;
  redis: RedisBus | null;
  publicUrl: string | null;
  requests: RequestLog;
  credentials: CredentialCache;
  changes: ChangeFlow;
  snapshots: PageSnapshots;
  signInMethods: OperatorSignInMethods;
  webhookAllowHttp: boolean;
}

/** The services of every context, and who sent a request (resolved as the context does, for the read cache). */
export function createAppServices(options: ServicesOptions) {
  const { db, events, now, publicUrl, credentials } = options;
  const services: AppServices = {
    db,
    events,
    changes: options.changes,
    now,
    hub: options.hub,
    snapshots: options.snapshots,
    liveAccess: options.liveAccess,
    mailer: options.mailer,
    mailTransport: options.mailTransport,
    subscribeLimits: createSubscribeLimits(options.redis?.counters),
    signInLimits: createSignInLimits(options.redis?.counters),
    credentials,
    publicUrl,
    http: { baseUrl: (host) => publicUrl ?? requestBaseUrl(host) },
    log: options.requests.log,
    signInMethods: options.signInMethods,
    webhookAllowHttp: options.webhookAllowHttp,
  };
  const actorOf = async (request: Request): Promise<Actor> => {
    const headers = { authorization: request.headers.get("authorization"), cookie: request.headers.get("cookie") };
    return (await resolveActor(db, headers, now(), credentials)).actor;
  };
  return { services, actorOf };
}
