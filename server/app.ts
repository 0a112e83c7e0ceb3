import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { execute, parse, type ExecutionResult } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { createContext, type Context } from "./context.js";
import { openDatabase, type Database } from "./db/client.js";
import { createEvents, type Events } from "./events.js";
import { schema } from "./schema/index.js";

export interface AppOptions {
  /** Defaults to DATABASE_URL, then a SQLite file under ./data. */
  databaseUrl?: string;
  /** The clock; tests inject one to move time without sleeping. */
  now?: () => Date;
  /** Receives every SQL statement (tests pin statement counts with it). */
  onQuery?: (sql: string) => void;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  database: Database;
  events: Events;
  now: () => Date;
  /** Runs an operation with full rights, in process (the demo seed and scripts use it). */
  executeAsSystem(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  /** Listens on `port` (0 picks a free one) on `host`; resolves to the URL of the GraphQL endpoint. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function buildApp(options: AppOptions = {}): Promise<App> {
  const database = await openDatabase({ url: options.databaseUrl, onQuery: options.onQuery });
  const events = createEvents();
  const services = { db: database.db, events, now: options.now ?? (() => new Date()) };
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: (initial) => createContext(services, initial),
    graphiql: { title: "Statusgraph" },
    landingPage: false,
  });
  let server: Server | null = null;

  return {
    yoga,
    database,
    events,
    now: services.now,
    async executeAsSystem(query, variables) {
      const contextValue: Context = { ...createContext(services, {}), actor: { kind: "system" } };
      return execute({ schema, document: parse(query), variableValues: variables, contextValue }) as Promise<ExecutionResult>;
    },
    async start(port = 0, host = "127.0.0.1") {
      server = createServer(yoga);
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      const { port: actual } = server.address() as AddressInfo;
      return `http://${host.includes(":") ? `[${host}]` : host}:${actual}${yoga.graphqlEndpoint}`;
    },
    async stop() {
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        server = null;
      }
      await database.close();
    },
  };
}
