import type { IncomingMessage } from "node:http";
import type { YogaInitialContext } from "graphql-yoga";
import { resolveActor, type Actor, type AuthError } from "./auth/actor.js";
import type { Db } from "./db/client.js";
import type { Events } from "./events.js";
import { createLoaders, type Loaders } from "./loaders.js";
import type { SummaryHub } from "./realtime/summary-hub.js";

export type { Actor };

export interface Context {
  db: Db;
  events: Events;
  /** The clock; injected so tests and the scheduler agree on "now". */
  now: () => Date;
  /** Who is asking, resolved once per operation. */
  actor: Actor;
  /** Why the credentials sent were refused, if they were. */
  authError: AuthError | null;
  loaders: Loaders;
  /** Live summaries shared by subscribers. */
  hub: SummaryHub;
}

export interface AppServices {
  db: Db;
  events: Events;
  now: () => Date;
  hub: SummaryHub;
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
  const { actor, error } = await resolveActor(
    services.db,
    {
      authorization: header(initial, "authorization"),
      cookie: header(initial, "cookie"),
      connectionParams: initial.connectionParams ?? null,
    },
    services.now(),
  );
  return { ...systemContext(services), actor, authError: error ?? null };
}

/** A context with full rights for the service's own work (seed, scheduler, scripts). */
export function systemContext(services: AppServices): Context {
  return {
    db: services.db,
    events: services.events,
    now: services.now,
    hub: services.hub,
    actor: { kind: "system" },
    authError: null,
    loaders: createLoaders(services.db, services.now),
  };
}
