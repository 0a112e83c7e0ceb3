// What an operator's log collector receives: one JSON object per line, each with a
// level, a time and a message; a line per HTTP request carrying the id the client got
// back (in `x-request-id`, and in a masked error); and no credential, whatever the
// requests carried.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loggerFromEnv } from "../../server/logger.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { memoryLog, type LogLine, type MemoryLog } from "../helpers/logs.js";
import { createCustomerPage, type CustomerPageFixture } from "../auth/fixtures.js";
import { linkIn, startSmtp, type TestSmtp } from "../auth/smtp.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("a signed-in viewer, an API key and a failing operation", () => {
  let log: MemoryLog;
  let smtp: TestSmtp;
  let t: TestApp;
  let origin: string;
  let page: CustomerPageFixture;
  /** Every credential that crossed the wire; none may be logged. */
  const secrets: string[] = [];

  beforeAll(async () => {
    log = memoryLog({ format: "json", level: "debug" });
    smtp = await startSmtp();
    t = await createTestApp({ mailer: smtp.mailer, logger: log.logger, publicUrl: null });
    origin = new URL(await t.app.start(0)).origin;
    page = await createCustomerPage(t.app.database.db, [{ name: "Acme", domains: ["acme.io"], components: ["Web"] }]);
    secrets.push(t.adminKey);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const res = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      id: res.headers.get("x-request-id"),
      // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
      body: (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  }

  const requestLine = (id: string | null) => log.lines().find((line) => line.requestId === id && "status" in line);

  it("logs each request once with the id it answered with, honouring a sane incoming one", async () => {
    const signIn = `mutation AskForLink($p: String!, $e: String!) { requestSignIn(pageSlug: $p, email: $e) { __typename } }`;
    const asked = await graphql(signIn, { p: page.slug, e: "ann@acme.io" }, { "x-request-id": "client-req.42_a" });
    expect(asked.id).toBe("client-req.42_a");
    await vi.waitFor(() =>
      expect(requestLine("client-req.42_a")).toMatchObject({ level: "info", method: "POST", route: "/graphql", status: 200, operation: "AskForLink" }),
    );
    expect(typeof requestLine("client-req.42_a")!.durationMs).toBe("number");

    // Not a token, or too long: replaced by an id of the service's own.
    for (const unfit of ["has spaces", "x".repeat(101), 'quote"d']) {
      const res = await fetch(`${origin}/health/live`, { headers: { "x-request-id": unfit } });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
    // Every response carries one, plain routes too; health checks are logged at debug.
    const health = await fetch(`${origin}/health/live`);
    const healthId = health.headers.get("x-request-id");
    expect(healthId).toMatch(UUID);
    await vi.waitFor(() => expect(requestLine(healthId)).toMatchObject({ level: "debug", route: "/health/live", status: 200 }));
  });

  it("signs in by link and cookie, and mutates with an API key, without logging a credential", async () => {
    const link = linkIn(await smtp.waitForMail("ann@acme.io"));
    const token = link.searchParams.get("token")!;
    secrets.push(token);
    // Scanners open the link: the token is in the query string, which is never logged.
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    await vi.waitFor(() => expect(requestLine(opened.headers.get("x-request-id"))).toMatchObject({ route: "/auth/callback", status: 200 }));

    const posted = await fetch(`${origin}/auth/callback`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ token }),
    });
    expect(posted.status).toBe(303);
    const cookie = posted.headers.get("set-cookie")!.split(";")[0]!;
    secrets.push(cookie, cookie.split("=")[1]!);
    const viewer = await graphql(`{ viewer { kind email } }`, {}, { cookie });
    expect(viewer.body.data).toEqual({ viewer: { kind: "VIEWER", email: "ann@acme.io" } });

    const createKey = `mutation MakeKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreatedApiKey { secret } } }`;
    const created = await graphql(createKey, { input: { name: "deploys", scope: "PUBLISHER" } }, { authorization: `Bearer ${t.adminKey}` });
    const keySecret = created.body.data!.createApiKey.secret as string;
    expect(keySecret).toMatch(/^sg_key_/);
    secrets.push(keySecret);
    const used = await graphql(`query WhoAmI { statusPages { slug } }`, {}, { authorization: `Bearer ${keySecret}` });
    expect(used.body.errors).toBeUndefined();
    await vi.waitFor(() => expect(requestLine(used.id)).toMatchObject({ operation: "WhoAmI", status: 200 }));

    const everything = log.raw().join("\n");
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/sg_(key|session|link)_[A-Za-z0-9_-]{20,}/);
  });

  it("answers an unexpected error with the request's id, and logs its cause under that id", async () => {
    const db = t.app.database.db;
    const { target } = t.app.database;
    // Raw SQL names the schema a PostgreSQL test database keeps its tables in.
    const table = (name: string) => (target.provider === "postgresql" && target.schema ? `"${target.schema}"."${name}"` : `"${name}"`);
    await db.$executeRawUnsafe(`ALTER TABLE ${table("Maintenance")} RENAME TO "MaintenanceAway"`);
    let failed: Awaited<ReturnType<typeof graphql>>;
    try {
      failed = await graphql(`query Broken { maintenance(id: "m1") { id } }`, {}, { authorization: `Bearer ${t.adminKey}` });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE ${table("MaintenanceAway")} RENAME TO "Maintenance"`);
    }
    expect(failed.body.errors).toEqual([
      expect.objectContaining({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: failed.id } }),
    ]);
    expect(failed.id).toMatch(UUID);
    await vi.waitFor(() => expect(requestLine(failed.id)).toBeDefined());
    const cause = log.lines().find((line) => line.requestId === failed.id && line.level === "error");
    expect(cause).toMatchObject({ msg: "Unexpected error in a GraphQL operation", path: "maintenance" });
    expect(JSON.stringify(cause!.err)).toMatch(/Maintenance/);
  });

  it("writes nothing but JSON lines with a level, a time and a message", () => {
    const lines = log.raw();
    expect(lines.length).toBeGreaterThan(10);
    for (const raw of lines) {
      const line = JSON.parse(raw) as LogLine;
      expect(line.level).toMatch(/^(trace|debug|info|warn|error|fatal)$/);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(typeof line.msg).toBe("string");
    }
  });
});

describe("sign-in links without SMTP", () => {
  async function askForLink(nodeEnv: string): Promise<{ lines: LogLine[]; raw: string }> {
    vi.stubEnv("NODE_ENV", nodeEnv);
    vi.stubEnv("SMTP_URL", "");
    const log = memoryLog({ format: "json" });
    // No mailer given: the app makes the one the environment describes.
    const t = await createTestApp({ mailer: undefined, logger: log.logger });
    try {
      const page = await createCustomerPage(t.app.database.db, [{ name: "Acme", domains: ["acme.io"], components: ["Web"] }]);
      await t.ok(`mutation ($p: String!) { requestSignIn(pageSlug: $p, email: "ann@acme.io") { __typename } }`, { p: page.slug }, { as: "anonymous" });
      // The line that stands where the link would be mailed: nothing comes after it for this request.
      await vi.waitFor(() => expect(log.lines().some((line) => /sign-in link/i.test(line.msg) && "page" in line)).toBe(true));
      const tokens = await t.app.database.db.signInToken.count();
      expect(tokens).toBe(1);
      return { lines: log.lines(), raw: log.raw().join("\n") };
    } finally {
      await t.close();
      vi.unstubAllEnvs();
    }
  }

  it("logs the link in development, where it is how a developer signs in", async () => {
    const { lines } = await askForLink("development");
    const line = lines.find((l) => "link" in l)!;
    expect(line.msg).toMatch(/SMTP_URL is not set.*ann@acme\.io/);
    expect(line.link).toMatch(/\/auth\/callback\?token=sg_link_[A-Za-z0-9_-]{43}&/);
  });

  it("logs only that a link was asked for in production, never the link", async () => {
    const { lines, raw } = await askForLink("production");
    expect(lines.find((l) => "page" in l)).toMatchObject({ level: "warn", msg: expect.stringMatching(/SMTP_URL is not set: a sign-in link was asked for/) });
    expect(raw).not.toMatch(/sg_link_|auth\/callback|token=/);
  });
});

describe("the logger", () => {
  const key = `sg_key_${"k".repeat(43)}`;
  const session = `sg_session_${"s".repeat(43)}`;

  it("redacts credential fields and scrubs secrets out of messages and errors", () => {
    const log = memoryLog();
    log.logger.info({ headers: { authorization: `Bearer ${key}`, cookie: `sg_session=${session}`, host: "status.example.com" } }, "headers");
    log.logger.error({ err: new Error(`bad key ${key}`, { cause: new Error(`from ${session}`) }) }, `rejected ${key}`);
    log.logger.warn(`opened http://x/auth/callback?token=opaque-value&page=p with Bearer abc.def-ghi`);
    const [headers, failure, warning] = log.lines();
    expect(headers!.headers).toEqual({ authorization: "[redacted]", cookie: "[redacted]", host: "status.example.com" });
    expect(failure!.msg).toBe("rejected sg_key_[redacted]");
    expect(JSON.stringify(failure!.err)).toMatch(/bad key sg_key_\[redacted\][\s\S]*from sg_session_\[redacted\]/);
    expect(warning!.msg).toBe("opened http://x/auth/callback?token=[redacted]&page=p with Bearer [redacted]");
    expect(log.raw().join("\n")).not.toMatch(/k{43}|s{43}|opaque-value|abc\.def/);
  });

  it("writes JSON unless told pretty or at a terminal, at LOG_LEVEL", () => {
    const written: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer | string, _encoding, done) => done(void written.push(String(chunk))) });
    loggerFromEnv({}, destination).info("plain");
    expect(JSON.parse(written.pop()!)).toMatchObject({ level: "info", msg: "plain" });
    loggerFromEnv({ LOG_FORMAT: "json" }, destination).info("forced");
    expect(JSON.parse(written.pop()!)).toMatchObject({ msg: "forced" });

    const quiet = loggerFromEnv({ LOG_LEVEL: "warn" }, destination);
    quiet.info("dropped");
    quiet.warn("kept");
    expect(written.map((line) => JSON.parse(line).msg)).toEqual(["kept"]);
    written.length = 0;

    loggerFromEnv({ LOG_FORMAT: "pretty" }, destination).child({ requestId: "r-1" }).info({ route: "/graphql" }, "POST /graphql 200 in 3 ms");
    expect(written.join("")).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[r-1\] POST \/graphql 200 in 3 ms\n$/);
    expect(() => loggerFromEnv({ LOG_LEVEL: "loud" }, destination)).toThrow(/LOG_LEVEL/);
    expect(() => loggerFromEnv({ LOG_FORMAT: "xml" }, destination)).toThrow(/LOG_FORMAT/);
  });
});
