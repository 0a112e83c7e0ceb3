import type { YogaInitialContext } from "graphql-yoga";
import type { Db } from "./db/client.js";
import type { Events } from "./events.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** Who is asking. `system` is the service itself (demo seed, scheduler), never a request. */
export type Actor = { kind: "anonymous" } | { kind: "system" };

export interface Context {
  db: Db;
  events: Events;
  /** The clock; injected so tests and the scheduler agree on "now". */
  now: () => Date;
  actor: Actor;
  loaders: Loaders;
}

export interface AppServices {
  db: Db;
  events: Events;
  now: () => Date;
}

/** One context factory for HTTP and WebSocket operations alike. */
export function createContext(services: AppServices, _initial: Partial<YogaInitialContext>): Context {
  return {
    db: services.db,
    events: services.events,
    now: services.now,
    actor: { kind: "anonymous" },
    loaders: createLoaders(services.db, services.now),
  };
}
