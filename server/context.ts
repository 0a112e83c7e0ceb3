import type { IncomingMessage } from "node:http";
import type { YogaInitialContext } from "graphql-yoga";
import { resolveActor, type Actor, type AuthError } from "./auth/actor.js";
import type { Cookie } from "./auth/cookies.js";
import type { CredentialCache } from "./auth/credential-cache.js";
import type { Mailer } from "./auth/mailer.js";
import type { SignInLimits } from "./auth/sign-in-limits.js";
import type { Db } from "./db/client.js";
import { isDatabaseUnavailable } from "./db/unavailable.js";
import type { Events } from "./events.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { Logger } from "./logger.js";
import type { LiveAccess } from "./realtime/live-access.js";
import type { SummaryHub } from "./realtime/summary-hub.js";
import type { ChangeFlow } from "./services/change.js";
import type { PageSnapshots } from "./services/page-snapshots.js";
import type { MailTransport } from "./notifications/transport.js";

export type { Actor };

/** How operators may sign in, as the console offers it. */
export interface OperatorSignInMethods {
  /** Single sign-on through OpenID Connect, when configured: the button's text and the path that starts it. */
  oidc: { buttonLabel: string; startPath: string } | null;
}

/** What every operation sees: the service's shared parts, and what this request brings. */
export interface Context extends SharedParts {
  /** Who is asking, resolved once per operation. */
  actor: Actor;
  /** Sessions and keys recently looked up; sign-outs and revocations drop theirs from it. */
  credentials?: CredentialCache;
  /** Why the credentials sent were refused, if they were. */
  authError: AuthError | null;
  loaders: Loaders;
  /** Public origin of the service, for links in mail and cookie attributes. */
  baseUrl: string;
  /** The requester's address, for per-client rate limits; null when unknown. */
  clientAddress: string | null;
  /** Sets a cookie through the HTTP request's cookie store (Yoga's cookies plugin); a no-op over WebSocket. */
  setCookie: (cookie: Cookie) => Promise<void>;
  /** Bound to the HTTP request's id, when there is one. */
  log: Logger;
  signInMethods: OperatorSignInMethods;
  /** Endpoint URLs may use plain http (WEBHOOK_ALLOW_HTTP). */
  webhookAllowHttp: boolean;
}

/** The parts of the service every operation shares, passed through to its context as they are. */
interface SharedParts {
  db: Db;
  events: Events;
  /** Where every change goes (services/change.ts): recorded in its transaction, announced once committed. */
  changes: ChangeFlow;
  /** The clock; injected so tests and the scheduler agree on "now". */
  now: () => Date;
  /** Live summaries shared by subscribers. */
  hub: SummaryHub;
  /** Pages read once per change, shared by every request. */
  snapshots: PageSnapshots;
  /** Ends live subscriptions when the access they were granted on ends. */
  liveAccess: LiveAccess;
  mailer: Mailer;
  /** Sends subscription confirmations (notifications go through the outbox's worker). */
  mailTransport: MailTransport;
  /** Limits on subscription requests, per address and per client. */
  subscribeLimits: SignInLimits;
  signInLimits: SignInLimits;
}

export interface AppServices extends SharedParts {
  /** Spares the database a look-up of the same credentials on every request. */
  credentials?: CredentialCache;
  /** PUBLIC_URL; when null, each request's Host header stands in. */
  publicUrl: string | null;
  /** What operations need of the HTTP layer, wired by the composition root. */
  http: HttpEdge;
  /** The logger of the HTTP request being served, else the service's. */
  log: () => Logger;
  /** How operators may sign in; email links only when unset. */
  signInMethods?: OperatorSignInMethods;
  /** Endpoint URLs may use plain http (WEBHOOK_ALLOW_HTTP). */
  webhookAllowHttp?: boolean;
}

/** The HTTP layer's part in an operation; injected, so that context.ts does not depend on http/. */
export interface HttpEdge {
  /** The service's public origin for a request whose Host header is `host` (null: none known). */
  baseUrl(host: string | null): string;
}

/** What Yoga hands the context factory: a Fetch request over HTTP, or the upgrade request and connectionParams over graphql-ws. */
export type InitialContext = Partial<YogaInitialContext> & {
  req?: IncomingMessage;
  connectionParams?: Record<string, unknown>;
};

function header(initial: InitialContext, name: string): string | null {
  return initial.request?.headers.get(name) ?? (initial.req?.headers[name] as string | undefined) ?? null;
}

/** One context factory for HTTP and WebSocket operations alike. */
export async function createContext(services: AppServices, initial: InitialContext): Promise<Context> {
  const credentials = {
    authorization: header(initial, "authorization"),
    cookie: header(initial, "cookie"),
    connectionParams: initial.connectionParams ?? null,
  };
  const { actor, error } = await resolveActor(services.db, credentials, services.now(), services.credentials).catch((failure: unknown) => {
    // Public pages must keep answering (from what is known) while the database is down.
    if (isDatabaseUnavailable(failure)) return { actor: { kind: "anonymous" } as const, error: "unavailable" as const };
    throw failure;
  });
  const request = initial.request;
  return {
    ...systemContext(services),
    actor,
    authError: error ?? null,
    baseUrl: services.http.baseUrl(header(initial, "host")),
    clientAddress: initial.req?.socket.remoteAddress ?? null,
    setCookie: async (cookie) => {
      await request?.cookieStore?.set(cookie);
    },
  };
}

/** A context with full rights for the service's own work (seed, scheduler, scripts). */
export function systemContext(services: AppServices): Context {
  return {
    db: services.db,
    events: services.events,
    changes: services.changes,
    now: services.now,
    hub: services.hub,
    snapshots: services.snapshots,
    liveAccess: services.liveAccess,
    credentials: services.credentials,
    actor: { kind: "system" },
    authError: null,
    loaders: createLoaders(services.db, services.now, services.snapshots),
    mailer: services.mailer,
    mailTransport: services.mailTransport,
    subscribeLimits: services.subscribeLimits,
    signInLimits: services.signInLimits,
    baseUrl: services.http.baseUrl(null),
    clientAddress: null,
    setCookie: async () => {},
    log: services.log(),
    signInMethods: services.signInMethods ?? { oidc: null },
    webhookAllowHttp: services.webhookAllowHttp ?? false,
  };
}
