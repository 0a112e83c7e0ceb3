// A status page stays up when its database does not. While the database refuses
// connections, pages, sub-pages of viewers already signed in, badges, feeds and a
// page's HTML answer with the last state this instance computed, marked stale;
// mutations fail fast with a typed, retryable error (HTTP 503 + Retry-After);
// readiness says 503; a new live subscriber starts from the last known summary.
// Once the database is back everything recovers by itself.
//
// How the database goes away:
// - SQLite: the folder holding the file (and its WAL) is renamed away and a plain
//   file put in its place, and the client's connection is closed. Prisma reopens it
//   on the next query, and better-sqlite3 then fails with SQLITE_CANTOPEN, as it
//   does when the volume holding the database is gone. (chmod does not do: the
//   tests run as root, and an open handle would keep reading anyway.)
// - PostgreSQL (when TEST_POSTGRES_URL is set): the test's own database stops
//   accepting connections (ALTER DATABASE … ALLOW_CONNECTIONS false) and its
//   sessions are terminated, from an admin connection to the `postgres` database.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../server/db/client.js";
import { parseDatabaseUrl } from "../../server/db/url.js";
import { ensureWebBuild } from "../../server/http/web-build.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createCustomerLivePage, createSession } from "../helpers/customer-live.js";
import { ensurePostgresDatabase, freshSchemaUrl } from "../helpers/database.js";
import { memoryLog } from "../helpers/logs.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";

interface Outage {
  start(): Promise<void>;
  end(): Promise<void>;
}

interface Backend {
  name: string;
  url(): Promise<string>;
  outage(url: string, db: Db): Outage;
}

const sqlite: Backend = {
  name: "SQLite",
  // Always a file, even when TEST_POSTGRES_URL points the other tests elsewhere (dropDatabase removes such folders).
  url: async () => `file:${join(mkdtempSync(join(tmpdir(), "statusgraph-test-")), "test.db")}`,
  outage(url, db) {
    const target = parseDatabaseUrl(url);
    if (target.provider !== "sqlite") throw new Error(`not a SQLite URL: ${url}`);
    const folder = dirname(target.file);
    return {
      async start() {
        await db.$disconnect();
        renameSync(folder, `${folder}.away`);
        writeFileSync(folder, "not a folder");
      },
      async end() {
        rmSync(folder);
        renameSync(`${folder}.away`, folder);
      },
    };
  },
};

const postgresBase = process.env.TEST_POSTGRES_URL;

const postgres: Backend = {
  name: "PostgreSQL",
  async url() {
    // A database of its own: refusing connections to a shared one would break other test files.
    const own = new URL(postgresBase!);
    own.pathname = `/${decodeURIComponent(own.pathname.slice(1))}_outage`;
    await ensurePostgresDatabase(own.toString());
    return freshSchemaUrl(own.toString());
  },
  outage(url) {
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    const admin = new URL(target);
    admin.pathname = "/postgres";
    admin.search = "";
    const run = async (sql: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql, values);
      } finally {
        await client.end();
      }
    };
    const quoted = `"${name.replace(/"/g, '""')}"`;
    return {
      async start() {
        await run(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS false`);
        await run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      },
      end: () => run(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS true`),
    };
  },
};

const PAGE = `query ($slug: String!) { statusPage(slug: $slug) { title summary { status sentence stale asOf } components { name status } } }`;
const SUB_PAGE = `query ($slug: String!) { statusPage(slug: $slug) { subPage(slug: "main") { name summary { status stale asOf } components { name } } } }`;
const LIVE = `subscription ($slug: String!) { pageStatus(pageSlug: $slug) { status stale asOf incidents { name status } } }`;
const CREATE_PAGE = `mutation { createStatusPage(input: { title: "During the outage" }) { __typename ... on ServiceUnavailableError { message retryAfterSeconds } } }`;
const REQUEST_SIGN_IN = `mutation ($slug: String!) { requestSignIn(pageSlug: $slug, email: "ann@example.com") { __typename ... on ServiceUnavailableError { retryAfterSeconds } } }`;

const backends = postgresBase ? [sqlite, postgres] : [sqlite];

describe.each(backends)("while the $name database refuses connections", (backend) => {
  const clock = testClock();
  let t: TestApp;
  let url: string;
  let origin: string;
  let graphqlUrl: string;
  let outage: Outage;
  let outageOn = false;
  const pageSlug = { public: "", customer: "" };
  let incidentId: string;
  const sessions = { known: "", signedOut: "", expiring: "" };
  const before: Record<string, string> = {};
  const subscriptions: Subscription[] = [];
  const log = memoryLog({ level: "warn" });
  const logged = {
    filter: (match: (m: string) => boolean) =>
      log
        .lines()
        .map((l) => l.msg)
        .filter(match),
  };

  async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await fetch(graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as {
        // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
        data?: Record<string, any> | null;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
        extensions?: Record<string, unknown>;
      },
    };
  }
  const get = (path: string) => fetch(`${origin}${path}`);
  const ready = async () => (await get("/health/ready")).status;

  beforeAll(async () => {
    await ensureWebBuild({ rebuildIfStale: false, log: () => {} });
    url = await backend.url();
    t = await createTestApp({ databaseUrl: url, now: clock.now, logger: log.logger });
    graphqlUrl = await t.app.start(0);
    origin = new URL(graphqlUrl).origin;
    outage = backend.outage(url, t.app.database.db);

    const components = await createComponents(t, ["API", "Web"]);
    const page = await createPage(t, components, "Acme status");
    pageSlug.public = page.slug;
    incidentId = await publishIncident(t, page.id, [{ componentId: components[0]!, impact: "PARTIAL_OUTAGE" }], { name: "Slow API" });
    const customer = await createCustomerLivePage(t, ["example.com"]);
    pageSlug.customer = customer.slug;
    const db = t.app.database.db;
    sessions.known = await createSession(db, customer.id, "ann@example.com", clock.now(), 7 * 86_400_000);
    sessions.signedOut = await createSession(db, customer.id, "bob@example.com", clock.now(), 7 * 86_400_000);
    sessions.expiring = await createSession(db, customer.id, "cy@example.com", clock.now(), 3_600_000);
  }, 120_000);

  afterAll(async () => {
    for (const s of subscriptions) s.stop();
    if (outageOn) await outage.end();
    await t?.close();
    vi.restoreAllMocks();
  });

  it("answers normally while the database is up (and so learns the last good state)", async () => {
    const page = await post(PAGE, { slug: pageSlug.public });
    expect(page.body.data?.statusPage.summary).toEqual({ status: "PARTIAL_OUTAGE", sentence: expect.any(String), stale: false, asOf: null });
    before.page = JSON.stringify(page.body.data?.statusPage.components);
    for (const secret of Object.values(sessions)) {
      const sub = await post(SUB_PAGE, { slug: pageSlug.customer }, bearer(secret));
      expect(sub.body.data?.statusPage.subPage.summary.stale).toBe(false);
    }
    const html = await get(`/${pageSlug.public}`);
    expect(await html.text()).toContain("<title>Acme status</title>");
    before.badge = await (await get(`/badge/${pageSlug.public}.svg`)).text();
    before.feed = await (await get(`/feed/${pageSlug.public}.atom`)).text();
    expect(before.badge).toContain("Partial outage");
    expect(before.feed).toContain("Slow API");
    // A live view seen once: its summary is the last known one later, after its subscriber left.
    const first = subscribeWs(wsClient(graphqlUrl), LIVE, { slug: pageSlug.public });
    expect((await first.inbox.next(5_000)).data?.pageStatus).toMatchObject({ status: "PARTIAL_OUTAGE", stale: false, asOf: null });
    first.stop();
    await expect.poll(() => t.app.hub.stats().listeners).toBe(0);
    // Signed out while the database is up: announced on sessions:ended, and never revived afterwards.
    expect((await post(`mutation { signOut }`, {}, bearer(sessions.signedOut))).body.data).toEqual({ signOut: true });
  });

  it("stops being ready once the database refuses connections", async () => {
    await outage.start();
    outageOn = true;
    await expect.poll(ready, { timeout: 10_000 }).toBe(503);
  });

  it("answers an anonymous page query with the last known data, marked stale", async () => {
    const res = await post(PAGE, { slug: pageSlug.public });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.statusPage).toMatchObject({ title: "Acme status", summary: { status: "PARTIAL_OUTAGE", stale: true, asOf: expect.any(String) } });
    expect(JSON.stringify(res.body.data?.statusPage.components)).toBe(before.page);
    expect(res.body.extensions).toMatchObject({ stale: true, asOf: res.body.data?.statusPage.summary.asOf });
    expect(res.headers.get("warning")).toBe('110 - "Response is Stale"');
    expect(res.headers.get("x-statusgraph-stale")).toBe("true");
    expect(res.headers.get("cache-control")).not.toContain("public");
  });

  it("answers a query it has no last answer for with SERVICE_UNAVAILABLE, HTTP 503 and Retry-After", async () => {
    const res = await post(PAGE, { slug: "never-asked" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 } });
    expect(res.body.errors?.[0]?.message).not.toBe("Unexpected error.");
  });

  it("still shows a signed-in viewer their sub-page, but not a signed-out or expired session", async () => {
    const known = await post(SUB_PAGE, { slug: pageSlug.customer }, bearer(sessions.known));
    expect(known.body.errors).toBeUndefined();
    expect(known.body.data?.statusPage.subPage).toMatchObject({ name: "main", summary: { stale: true } });
    const signedOut = await post(SUB_PAGE, { slug: pageSlug.customer }, bearer(sessions.signedOut));
    expect(signedOut.body.data?.statusPage ?? null).toBeNull();
    expect(signedOut.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    clock.advance(2 * 3_600_000);
    const expired = await post(SUB_PAGE, { slug: pageSlug.customer }, bearer(sessions.expiring));
    expect(expired.body.data?.statusPage ?? null).toBeNull();
    expect(expired.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("serves the page's HTML, badge and feed as last known, marked stale; an unknown badge gets 503", async () => {
    const html = await get(`/${pageSlug.public}`);
    expect(html.status).toBe(200);
    expect(html.headers.get("x-statusgraph-stale")).toBe("true");
    expect(await html.text()).toContain("<title>Acme status</title>");
    for (const [path, body] of [
      [`/badge/${pageSlug.public}.svg`, before.badge],
      [`/feed/${pageSlug.public}.atom`, before.feed],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("warning"), path).toBe('110 - "Response is Stale"');
      expect(res.headers.get("x-statusgraph-stale"), path).toBe("true");
      expect(await res.text(), path).toBe(body);
    }
    const unknown = await get("/badge/never-asked.svg");
    expect(unknown.status).toBe(503);
    expect(unknown.headers.get("retry-after")).toBe("5");
  });

  it("fails mutations fast with the typed ServiceUnavailableError, HTTP 503 and Retry-After", async () => {
    // An operator's key cannot be checked, so the scope check itself says so.
    const create = await post(CREATE_PAGE, {}, bearer(t.adminKey));
    expect(create.status).toBe(503);
    expect(create.headers.get("retry-after")).toBe("5");
    expect(create.body.data?.createStatusPage).toEqual({
      __typename: "ServiceUnavailableError",
      message: expect.stringContaining("try again"),
      retryAfterSeconds: 5,
    });
    // A mutation open to everyone gets as far as its database work.
    const signIn = await post(REQUEST_SIGN_IN, { slug: pageSlug.customer });
    expect(signIn.status).toBe(503);
    expect(signIn.body.data?.requestSignIn).toEqual({ __typename: "ServiceUnavailableError", retryAfterSeconds: 5 });
  });

  it("starts a new live subscriber from the last known summary, then sends the current one and later changes once the database is back", async () => {
    const live = subscribeWs(wsClient(graphqlUrl), LIVE, { slug: pageSlug.public });
    subscriptions.push(live);
    const first = (await live.inbox.next(5_000)).data?.pageStatus;
    expect(first).toMatchObject({
      status: "PARTIAL_OUTAGE",
      stale: true,
      asOf: expect.any(String),
      incidents: [{ name: "Slow API", status: "INVESTIGATING" }],
    });

    await outage.end();
    outageOn = false;
    await expect.poll(ready, { timeout: 10_000 }).toBe(200);
    const current = await live.inbox.until((m) => m.data?.pageStatus.stale === false, 10_000);
    expect(current.data?.pageStatus).toMatchObject({ status: "PARTIAL_OUTAGE", asOf: null });

    await publishIncidentUpdate(t, incidentId, { status: "RESOLVED", message: "Fixed." });
    const resolved = await live.inbox.until((m) => m.data?.pageStatus.incidents.length === 0, 5_000);
    expect(resolved.data?.pageStatus).toMatchObject({ status: "OPERATIONAL", stale: false });
  });

  it("answers with fresh data again, without stale markers, once the database is back", async () => {
    const page = await post(PAGE, { slug: pageSlug.public });
    expect(page.body.data?.statusPage.summary).toMatchObject({ status: "OPERATIONAL", stale: false, asOf: null });
    expect(page.headers.get("x-statusgraph-stale")).toBeNull();
    const badge = await get(`/badge/${pageSlug.public}.svg`);
    expect(badge.headers.get("x-statusgraph-stale")).toBeNull();
    expect(await badge.text()).toContain("All systems operational");
    const sub = await post(SUB_PAGE, { slug: pageSlug.customer }, bearer(sessions.known));
    expect(sub.body.data?.statusPage.subPage.summary).toMatchObject({ stale: false, asOf: null });
    const create = await post(CREATE_PAGE, {}, bearer(t.adminKey));
    expect(create.status).toBe(200);
    expect(create.body.data?.createStatusPage.__typename).toBe("StatusPage");
  });

  it("logged the outage once when it noticed it, and once when the database answered again", () => {
    expect(logged.filter((m) => m.startsWith("The database is unavailable"))).toHaveLength(1);
    expect(logged.filter((m) => m === "The database answers again.")).toHaveLength(1);
  });
});
