import { createApiKey } from "../../server/auth/api-keys.js";
import { buildApp, type App, type AppOptions } from "../../server/app.js";
import type { PageChange } from "../../server/events.js";
import { createLogger } from "../../server/logger.js";
import { CSRF_HEADER } from "../../server/plugins/csrf.js";
import { multipartBody } from "./multipart.js";
import { dropDatabase, ensurePostgresDatabase, freshDatabaseUrl } from "./database.js";

/** A GraphQL answer; `T` names the shape of `data` the test reads. */
export interface GraphQLResponse<T = unknown> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * Who a test request is sent as: headers of its own (e.g. another key or a session
 * cookie), or `{ as: "anonymous" }` for none. Without either it carries the admin key.
 */
export type RequestAs = Record<string, string> | { as: "anonymous" };

export interface TestApp {
  app: App;
  /** Secret of the admin key every request carries unless told otherwise. */
  adminKey: string;
  /** Runs an operation through `yoga.fetch` (real HTTP handling, no socket); variables holding Blobs go as a multipart request. */
  gql<T = unknown>(query: string, variables?: Record<string, unknown>, as?: RequestAs): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on GraphQL errors and returns `data`. */
  ok<T = unknown>(query: string, variables?: Record<string, unknown>, as?: RequestAs): Promise<T>;
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

/** `Authorization: Bearer <secret>`, for `t.gql(…, …, bearer(secret))`. */
export const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });

function headersFor(as: RequestAs | undefined, adminKey: string): Record<string, string> {
  if (as && "as" in as && as.as === "anonymous") return {};
  const given = (as ?? {}) as Record<string, string>;
  const credentials = Object.keys(given).some((h) => ["authorization", "cookie"].includes(h.toLowerCase()));
  return credentials ? given : { ...bearer(adminKey), ...given };
}

let reopened = 0;

/**
 * A fresh database unless `options.databaseUrl` names one: reuse it to restart the
 * service on the same data, or to run a second instance beside the first.
 */
export async function createTestApp(options: AppOptions = {}): Promise<TestApp> {
  // A mailer that drops mail, unless the test brings one: nothing reaches the console or the network.
  const mailer = { sendSignInLink: async () => {}, close: () => {} };
  // The database is this app's own unless the test named one; closing the app drops its own.
  const ownDatabase = options.databaseUrl ? null : freshDatabaseUrl();
  if (ownDatabase?.startsWith("postgres")) await ensurePostgresDatabase(ownDatabase);
  // No Redis unless the test asks for it, whatever REDIS_URL the shell has.
  // Faults only, unless LOG_LEVEL asks for more or the test brings a logger of its own.
  const logger = createLogger({ level: process.env.LOG_LEVEL || "warn" });
  // No single sign-on unless the test asks for it, whatever OIDC_* and OPERATOR_* the shell has.
  const noSso = { oidc: null, operatorAdmission: { allowedDomains: [], allowedEmails: [], autoCreateRole: null } };
  const app = await buildApp({ databaseUrl: ownDatabase ?? undefined, schedulerTimers: false, mailer, redisUrl: null, logger, ...noSso, ...options });
  // Key names are unique: an app on a reused database brings a key of its own.
  const keyName = options.databaseUrl ? `test-admin-${++reopened}` : "test-admin";
  const { secret: adminKey } = await createApiKey(app.database.db, { name: keyName, scope: "ADMIN" }, app.now());
  const gql = async <T>(query: string, variables?: Record<string, unknown>, as?: RequestAs) => {
    // Variables holding files go as a multipart request, with the header that lets a mutation through in one.
    const form = multipartBody(query, variables);
    const res = await app.yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: form ? { [CSRF_HEADER]: "1", ...headersFor(as, adminKey) } : { "content-type": "application/json", ...headersFor(as, adminKey) },
      body: form ?? JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  return {
    app,
    adminKey,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, as?: RequestAs) {
      const res = await gql<T>(query, variables, as);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    async close() {
      await app.stop();
      if (ownDatabase) await dropDatabase(ownDatabase);
    },
  };
}

/** What a page announced, read only once every announcement made before the read has arrived. */
export interface PageChangeLog {
  /** Every change recorded so far. */
  all(): Promise<PageChange[]>;
  /** The changes since the last `take()`. */
  take(): Promise<PageChange[]>;
}

const BARRIER = "test-barrier:";

/**
 * Records the changes the app announces on a page from now on. A read publishes a barrier
 * on the same topic and waits for it: the topic delivers in order, so whatever was
 * announced before the read has arrived by then, and "nothing was announced" is an
 * answer rather than a guess after a pause. The barrier is never recorded.
 */
export function recordPageChanges(t: TestApp, pageId: string): PageChangeLog {
  const changes: PageChange[] = [];
  const barriers = new Map<string, () => void>();
  void (async () => {
    for await (const change of t.app.events.subscribe("page:changed", pageId)) {
      const release = change.subjectId?.startsWith(BARRIER) ? barriers.get(change.subjectId) : undefined;
      if (release) release();
      else changes.push(change);
    }
  })();
  let count = 0;
  const settle = async () => {
    const subjectId = `${BARRIER}${++count}`;
    const arrived = new Promise<void>((resolve) => barriers.set(subjectId, resolve));
    t.app.events.publish("page:changed", pageId, { pageId, subject: "PAGE", kind: "UPDATED", subjectId, at: new Date().toISOString() });
    await arrived;
    barriers.delete(subjectId);
  };
  return {
    async all() {
      await settle();
      return [...changes];
    },
    async take() {
      await settle();
      return changes.splice(0);
    },
  };
}
