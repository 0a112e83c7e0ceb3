import { getCookieString } from "@whatwg-node/cookie-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../server/auth/roles.js";
import type { Database } from "../../server/db/client.js";
import { authScopes, canViewSubPage, resolveActor, type Actor } from "../../server/auth/actor.js";
import { createApiKey, revokeApiKey } from "../../server/auth/api-keys.js";
import { clearSessionCookie, readCookie, readSessionCookie, sessionCookie } from "../../server/auth/cookies.js";
import { createMailer } from "../../server/auth/mailer.js";
import { SESSION_TTL_MS } from "../../server/auth/tokens.js";
import { completeSignIn, requestSignIn, signOut } from "../../server/auth/viewer-sessions.js";
import { openTestDatabase } from "../helpers/database.js";
import { clock, createCustomerPage, type CustomerPageFixture } from "./fixtures.js";
import { memoryLog } from "../helpers/logs.js";
import { expectServiceCookie, expiringAfter, REMOVED } from "../helpers/set-cookie.js";

let database: Database;
let page: CustomerPageFixture;
let adminKey: string;
let sessionSecret: string;
const t = clock();

beforeAll(async () => {
  database = await openTestDatabase();
  page = await createCustomerPage(database.db, [
    { name: "GitLab", domains: ["gitlab.com"], components: ["API"] },
    { name: "Acme", domains: ["acme.io"], components: ["Web"] },
  ]);
  adminKey = (await createApiKey(database.db, { name: "admin", scope: "ADMIN" }, t.now())).secret;
  const log = memoryLog();
  const mailer = createMailer({ log: log.logger });
  const { delivery } = await requestSignIn(database.db, mailer, { pageSlug: page.slug, email: "ann@gitlab.com", baseUrl: "http://x", now: t.now() });
  await delivery;
  const link = new URL(String(log.lines()[0]!.link));
  sessionSecret = (await completeSignIn(database.db, link.searchParams.get("token")!, t.now())).sessionSecret;
});
afterAll(() => database.close());

const resolve = (credentials: Parameters<typeof resolveActor>[1]) => resolveActor(database.db, credentials, t.now());

describe("resolveActor", () => {
  it("is anonymous without credentials", async () => {
    expect(await resolve({})).toEqual({ actor: { kind: "anonymous" } });
  });

  it("makes an API key bearer an operator, from the header or graphql-ws connectionParams", async () => {
    const operator = { kind: "operator", name: "admin", scope: "ADMIN" };
    expect((await resolve({ authorization: `Bearer ${adminKey}` })).actor).toMatchObject(operator);
    expect((await resolve({ authorization: `bearer  ${adminKey} ` })).actor).toMatchObject(operator);
    expect((await resolve({ connectionParams: { authorization: `Bearer ${adminKey}` } })).actor).toMatchObject(operator);
    expect((await resolve({ connectionParams: { token: adminKey } })).actor).toMatchObject(operator);
  });

  it("makes a session bearer or cookie a viewer of the allowed sub-pages", async () => {
    const viewer = { kind: "viewer", email: "ann@gitlab.com", pageId: page.pageId, subPageIds: [page.subPages.GitLab] };
    expect((await resolve({ authorization: `Bearer ${sessionSecret}` })).actor).toMatchObject(viewer);
    expect((await resolve({ cookie: `theme=dark; sg_session=${sessionSecret}` })).actor).toMatchObject(viewer);
    expect((await resolve({ connectionParams: { token: sessionSecret } })).actor).toMatchObject(viewer);
  });

  it("reports credentials it cannot accept, leaving the request anonymous", async () => {
    const anonymous = { kind: "anonymous" };
    expect(await resolve({ authorization: "Bearer sg_key_unknown" })).toEqual({ actor: anonymous, error: "invalid_key" });
    expect(await resolve({ authorization: "Bearer sg_session_unknown" })).toEqual({ actor: anonymous, error: "invalid_session" });
    expect(await resolve({ authorization: `Basic ${adminKey}` })).toEqual({ actor: anonymous, error: "invalid_authorization" });
    expect(await resolve({ authorization: "Bearer something-else" })).toEqual({ actor: anonymous, error: "invalid_authorization" });
    expect(await resolve({ cookie: "sg_session=sg_session_gone" })).toEqual({ actor: anonymous, error: "stale_cookie" });
  });

  it("lets an explicit credential win over the cookie, even when it fails", async () => {
    const cookie = `sg_session=${sessionSecret}`;
    expect((await resolve({ authorization: `Bearer ${adminKey}`, cookie })).actor.kind).toBe("operator");
    expect(await resolve({ authorization: "Bearer sg_key_unknown", cookie })).toMatchObject({ error: "invalid_key" });
  });

  it("stops accepting revoked keys and ended sessions", async () => {
    const { secret } = await createApiKey(database.db, { name: "short-lived", scope: "VIEWER" }, t.now());
    await revokeApiKey(database.db, "short-lived", t.now());
    expect(await resolve({ authorization: `Bearer ${secret}` })).toMatchObject({ error: "invalid_key" });
    await signOut(database.db, sessionSecret, t.now());
    expect(await resolve({ cookie: `sg_session=${sessionSecret}` })).toMatchObject({ error: "stale_cookie" });
  });
});

describe("authScopes and canViewSubPage", () => {
  const operator = (scope: Role): Actor => ({ kind: "operator", keyId: "k", name: "k", scope });
  const person = (role: Role): Actor => ({ kind: "person", operatorId: "o", email: "o@example.com", name: "O", role, sessionId: "s", expiresAt: new Date() });
  /** Which roles an actor's scope check admits, lowest first. */
  const admits = (actor: Actor) => ROLES.filter((role) => authScopes(actor).role(role));
  const viewer: Actor = { kind: "viewer", email: "a@b.com", pageId: "p", subPageIds: ["s1"], sessionId: "x", expiresAt: new Date() };

  it("nest admin ⊃ editor ⊃ publisher ⊃ viewer for keys and people alike, and keep customer viewers apart from operators", () => {
    expect(admits({ kind: "anonymous" })).toEqual([]);
    for (const actor of [operator, person]) {
      expect(admits(actor("VIEWER"))).toEqual(["VIEWER"]);
      expect(admits(actor("PUBLISHER"))).toEqual(["VIEWER", "PUBLISHER"]);
      expect(admits(actor("EDITOR"))).toEqual(["VIEWER", "PUBLISHER", "EDITOR"]);
      expect(admits(actor("ADMIN"))).toEqual(["VIEWER", "PUBLISHER", "EDITOR", "ADMIN"]);
      expect(authScopes(actor("ADMIN")).viewer).toBe(false);
    }
    expect(admits(viewer)).toEqual([]);
    expect(authScopes(viewer).viewer).toBe(true);
  });

  it("open customer sub-pages to operators and to viewers they admit only", () => {
    expect(canViewSubPage({ kind: "anonymous" }, "PUBLIC", "s9")).toBe(true);
    expect(canViewSubPage({ kind: "anonymous" }, "CUSTOMER", "s1")).toBe(false);
    expect(canViewSubPage(operator("VIEWER"), "CUSTOMER", "s9")).toBe(true);
    expect(canViewSubPage(viewer, "CUSTOMER", "s1")).toBe(true);
    expect(canViewSubPage(viewer, "CUSTOMER", "s2")).toBe(false);
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, site-wide, as long-lived as the session, and Secure over https", () => {
    const now = new Date("2030-05-01T12:00:00Z");
    const secure = getCookieString(sessionCookie("sg_session_abc", { baseUrl: "https://status.example.com" }, now));
    const cookie = expectServiceCookie(secure, { name: "sg_session", path: "/", secure: true, expiresBetween: expiringAfter(SESSION_TTL_MS, now) });
    expect(cookie.value).toBe("sg_session_abc");
    const plain = getCookieString(sessionCookie("sg_session_abc", { baseUrl: "http://localhost:4000" }, now));
    expectServiceCookie(plain, { name: "sg_session", path: "/", secure: false, expiresBetween: expiringAfter(SESSION_TTL_MS, now) });
    const cleared = getCookieString(clearSessionCookie({ baseUrl: "http://localhost" }));
    expect(expectServiceCookie(cleared, { name: "sg_session", path: "/", secure: false, expiresBetween: REMOVED }).value).toBe("");
  });

  it("is read from a Cookie header among others", () => {
    expect(readSessionCookie("a=1; sg_session=sg_session_abc; b=2")).toBe("sg_session_abc");
    expect(readSessionCookie("sg_session=; a=1")).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
    expect(readCookie('x="quoted%20value"; junk; x=second', "x")).toBe("quoted value");
    expect(readCookie("a=1;sg_operator=sg_operator_abc ;  b=%E0%A4%A", "sg_operator")).toBe("sg_operator_abc");
    expect(readCookie("a=1; b=%E0%A4%A", "b")).toBe("%E0%A4%A");
  });
});
