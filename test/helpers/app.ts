import { buildApp, type App, type AppOptions } from "../../server/app.js";
import { freshDatabaseUrl } from "./database.js";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: App;
  /** Runs an operation through `yoga.fetch` (real HTTP handling, no socket). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on GraphQL errors and returns `data`. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

/** A controllable clock: starts at `start`, moves only when told. */
export function testClock(start = "2026-03-10T12:00:00Z") {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso: string) => void (current = new Date(iso).getTime()),
    advance: (ms: number) => void (current += ms),
  };
}

export async function createTestApp(options: AppOptions = {}): Promise<TestApp> {
  const app = await buildApp({ databaseUrl: freshDatabaseUrl(), schedulerTimers: false, ...options });
  const gql = async <T,>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await app.yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  return {
    app,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
      const res = await gql<T>(query, variables, headers);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    close: () => app.stop(),
  };
}
