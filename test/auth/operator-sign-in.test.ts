// An operator signs in as a browser would — asks for a link, follows the mailed
// link through the in-process SMTP server, gets the session cookie — against a
// real server on loopback; then the session's limits: expiry, sign-out, sign-out
// everywhere, disabling, CSRF, and roles too narrow for what is tried.
import { afterAll, beforeAll, expect, it } from "vitest";
import { operatorSessionLimits } from "../../server/auth/operator-sessions.js";
import { createOperator } from "../../server/auth/operators.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { expectServiceCookie, expiringAfter, REMOVED } from "../helpers/set-cookie.js";
import { linkIn, startSmtp, type TestSmtp } from "./smtp.js";

const clock = testClock("2030-01-07T09:00:00Z");
let t: TestApp;
let smtp: TestSmtp;
let origin: string;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ mailer: smtp.mailer, now: clock.now, publicUrl: null });
  origin = new URL(await t.app.start(0)).origin;
  const db = t.app.database.db;
  await createOperator(db, { email: "Ada@Ops.example", name: "Ada", role: "ADMIN" });
  await createOperator(db, { email: "pat@ops.example", name: "Pat", role: "PUBLISHER" });
  await createOperator(db, { email: "vera@ops.example", name: "Vera", role: "VIEWER" });
  await createOperator(db, { email: "gone@ops.example", name: "Gone", role: "EDITOR" }).then((o) =>
    db.operator.update({ where: { id: o.id }, data: { disabledAt: clock.now() } }),
  );
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

type Body<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
// biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
async function graphql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as Body<T> };
}

const REQUEST = `mutation ($e: String!) { requestOperatorSignIn(email: $e) { __typename ... on OperatorSignInRequested { message } ... on Error { message } } }`;
const WHO = `{ viewer { kind role name operator { email } } }`;

const post = (token: string) =>
  fetch(`${origin}/auth/operator`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ token }),
  });

/** Signs `email` in through the mailed link; returns the Cookie header value. */
async function signIn(email: string): Promise<string> {
  const before = smtp.inbox.length;
  await graphql(REQUEST, { e: email });
  await expect.poll(() => smtp.inbox.length).toBeGreaterThan(before);
  const link = linkIn(await smtp.waitForMail(email));
  const res = await post(link.searchParams.get("token")!);
  expect(res.status).toBe(303);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

it("signs in through the mailed link: a form on GET, an HttpOnly SameSite=Lax cookie on POST, the link works once", async () => {
  const { body } = await graphql(REQUEST, { e: "ada@ops.example" });
  expect(body.data!.requestOperatorSignIn.message).toBe("If that address belongs to an operator, a sign-in link is on its way.");
  const link = linkIn(await smtp.waitForMail("ada@ops.example"));
  expect(`${link.origin}${link.pathname}`).toBe(`${origin}/auth/operator`);
  const token = link.searchParams.get("token")!;
  const shown = await fetch(link);
  expect(shown.status).toBe(200);
  expect(await shown.text()).toContain(`name="token" value="${token}"`);
  // Kept only as a hash.
  const rows = await t.app.database.db.operatorSignInToken.findMany();
  expect(rows.length).toBeGreaterThan(0);
  expect(JSON.stringify(rows)).not.toContain(token);

  const signedIn = await post(token);
  expect(signedIn.status).toBe(303);
  const session = expectServiceCookie(signedIn.headers.get("set-cookie"), {
    name: "sg_operator",
    path: "/",
    secure: false,
    expiresBetween: expiringAfter(operatorSessionLimits().absoluteMs, clock.now()),
  });
  expect(session.value).toMatch(/^sg_operator_[A-Za-z0-9_-]{43}$/);
  const cookie = `sg_operator=${session.value}`;
  const who = await graphql(WHO, {}, { cookie });
  expect(who.body.data!.viewer).toEqual({ kind: "OPERATOR", role: "ADMIN", name: "Ada", operator: { email: "ada@ops.example" } });
  // Once only.
  expect((await post(token)).status).toBe(400);
});

it("answers unknown and disabled addresses exactly like known ones, and mails them nothing", async () => {
  const answers = await Promise.all(["nobody@ops.example", "gone@ops.example"].map((e) => graphql(REQUEST, { e })));
  for (const { body } of answers)
    expect(body.data!.requestOperatorSignIn.message).toBe("If that address belongs to an operator, a sign-in link is on its way.");
  await signIn("vera@ops.example");
  expect(smtp.inbox.flatMap((m) => m.to)).not.toEqual(expect.arrayContaining(["nobody@ops.example"]));
  expect(smtp.inbox.flatMap((m) => m.to)).not.toContain("gone@ops.example");
});

it("rate limits links per address", async () => {
  const results = [];
  for (let i = 0; i < 6; i++) results.push((await graphql(REQUEST, { e: "limited@ops.example" })).body.data!.requestOperatorSignIn.__typename);
  expect(results.at(-1)).toBe("RateLimitedError");
});

it("ends a session after the idle timeout, however young it is", async () => {
  const cookie = await signIn("pat@ops.example");
  clock.advance(11 * 60 * 60_000);
  expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("OPERATOR");
  clock.advance(11 * 60 * 60_000);
  // Used 11 h ago: still inside the 12 h idle window.
  expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("OPERATOR");
  clock.advance(12 * 60 * 60_000 + 1000);
  expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("ANONYMOUS");
});

it("ends a session at its absolute expiry, however busy", async () => {
  const cookie = await signIn("vera@ops.example");
  // Used every 10 hours (inside the idle window) for 160 hours, then past the 168th.
  for (let hours = 0; hours <= 160; hours += 10) {
    expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("OPERATOR");
    clock.advance(10 * 60 * 60_000);
  }
  clock.advance(-2 * 60 * 60_000 + 1000);
  expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("ANONYMOUS");
});

it("signs out one session, or every session of the operator", async () => {
  const one = await signIn("pat@ops.example");
  const two = await signIn("pat@ops.example");
  const three = await signIn("pat@ops.example");
  const out = await graphql(`mutation { signOut }`, {}, { cookie: one });
  expect(out.body.data!.signOut).toBe(true);
  const cleared = out.res.headers.getSetCookie().find((c) => c.startsWith("sg_operator="));
  expect(expectServiceCookie(cleared, { name: "sg_operator", path: "/", secure: false, expiresBetween: REMOVED }).value).toBe("");
  expect((await graphql(WHO, {}, { cookie: one })).body.data!.viewer.kind).toBe("ANONYMOUS");
  expect((await graphql(WHO, {}, { cookie: two })).body.data!.viewer.kind).toBe("OPERATOR");
  const everywhere = await graphql(`mutation { signOutEverywhere { ... on SignedOutEverywhere { sessionsEnded } } }`, {}, { cookie: two });
  expect(everywhere.body.data!.signOutEverywhere.sessionsEnded).toBeGreaterThanOrEqual(2);
  for (const cookie of [two, three]) expect((await graphql(WHO, {}, { cookie })).body.data!.viewer.kind).toBe("ANONYMOUS");
});

const CREATE_TYPE = `mutation { createCatalogType(input: { name: "Forged" }) { __typename ... on AccessDeniedError { reason message } } }`;
const typeNames = async () => (await t.ok<{ catalogTypes: { name: string }[] }>(`{ catalogTypes { name } }`)).catalogTypes.map((c) => c.name);

it("refuses a cross-site form post and a text/plain post made with an admin's cookie, and changes nothing", async () => {
  const cookie = await signIn("ada@ops.example");
  const form = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", cookie },
    body: new URLSearchParams({ query: CREATE_TYPE }),
  });
  expect(form.status).toBe(403);
  const text = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "text/plain", origin: "https://evil.example", cookie },
    body: JSON.stringify({ query: CREATE_TYPE }),
  });
  expect([403, 415]).toContain(text.status);
  expect(await typeNames()).not.toContain("Forged");
});

it("gives a publisher catalog changes and a viewer publishing a typed refusal, changing nothing", async () => {
  const publisher = await signIn("pat@ops.example");
  const refused = await graphql(CREATE_TYPE, {}, { cookie: publisher });
  expect(refused.body.data!.createCatalogType).toEqual({
    __typename: "AccessDeniedError",
    reason: "FORBIDDEN",
    message: "This needs an operator with the editor role; pat@ops.example has the publisher role",
  });
  const viewer = await signIn("vera@ops.example");
  const publish = await graphql(
    `mutation { createStatusPage(input: { title: "Nope" }) { __typename ... on AccessDeniedError { reason } } }`,
    {},
    { cookie: viewer },
  );
  expect(publish.body.data!.createStatusPage).toEqual({ __typename: "AccessDeniedError", reason: "FORBIDDEN" });
  expect(await typeNames()).not.toContain("Forged");
});

it("ends a disabled operator's live session on their next request, and keeps the last admin", async () => {
  const cookie = await signIn("pat@ops.example");
  const admin = await signIn("ada@ops.example");
  const pat = await t.app.database.db.operator.findUniqueOrThrow({ where: { email: "pat@ops.example" } });
  const off = await graphql(`mutation ($id: ID!) { disableOperator(id: $id) { __typename } }`, { id: pat.id }, { cookie: admin });
  expect(off.body.data!.disableOperator.__typename).toBe("Operator");
  const after = await graphql(CREATE_TYPE, {}, { cookie });
  expect(after.body.data!.createCatalogType).toMatchObject({
    __typename: "AccessDeniedError",
    reason: "UNAUTHENTICATED",
    message: expect.stringMatching(/session has ended/),
  });
  const ada = await t.app.database.db.operator.findUniqueOrThrow({ where: { email: "ada@ops.example" } });
  const last = `mutation ($id: ID!) { setOperatorRole(id: $id, role: EDITOR) { __typename ... on InvalidStateError { state } } }`;
  expect((await graphql(last, { id: ada.id }, { cookie: admin })).body.data!.setOperatorRole).toEqual({ __typename: "InvalidStateError", state: "LAST_ADMIN" });
  expect((await t.app.database.db.operator.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe("ADMIN");
});
