// A viewer signs in as a browser would: asks for a link over GraphQL, follows
// the mailed link (GET shows a button, POST signs in and sets the cookie), then
// reads the customer page with that cookie — against a real server on loopback.
import { afterAll, beforeAll, expect, it } from "vitest";
import { SESSION_TTL_MS, SIGN_IN_LINK_TTL_MS } from "../../server/auth/tokens.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { expectServiceCookie, expiringAfter, REMOVED } from "../helpers/set-cookie.js";
import { createCustomerPage, type CustomerPageFixture } from "./fixtures.js";
import { linkIn, startSmtp, type TestSmtp } from "./smtp.js";

const clock = testClock();
let t: TestApp;
let smtp: TestSmtp;
let page: CustomerPageFixture;
let origin: string;

beforeAll(async () => {
  smtp = await startSmtp();
  // No PUBLIC_URL: links take the origin the request came to.
  t = await createTestApp({ mailer: smtp.mailer, now: clock.now, publicUrl: null });
  origin = new URL(await t.app.start(0)).origin;
  page = await createCustomerPage(t.app.database.db, [
    { name: "GitLab", domains: ["gitlab.com"], components: ["API", "CI"] },
    { name: "Acme", domains: ["acme.io"], components: ["Web"] },
  ]);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } };
}

async function mailedLink(email: string): Promise<URL> {
  const query = `mutation ($p: String!, $e: String!) { requestSignIn(pageSlug: $p, email: $e) { ... on SignInRequested { message } } }`;
  const { body } = await graphql<{ requestSignIn: { message: string } }>(query, { p: page.slug, e: email });
  expect(body.data!.requestSignIn.message).toBe("If that address may see this page, a sign-in link is on its way.");
  return linkIn(await smtp.waitForMail(email));
}

const post = (token: string, headers: Record<string, string> = { origin }) =>
  fetch(`${origin}/auth/callback`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token }),
  });

it("signs in through the link: GET shows a form, POST sets the cookie, the cookie shows exactly the allowed sub-page", async () => {
  const link = await mailedLink("ann@gitlab.com");
  expect(link.origin).toBe(origin);
  expect(link.pathname).toBe("/auth/callback");

  // Opening the link (as a mail scanner would, twice) only shows a button.
  for (let i = 0; i < 2; i++) {
    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const html = await shown.text();
    expect(html).toMatch(/<form method="post" action="callback">/);
    expect(html).toContain(`name="token" value="${link.searchParams.get("token")}"`);
  }

  const signedIn = await post(link.searchParams.get("token")!);
  expect(signedIn.status).toBe(303);
  expect(signedIn.headers.get("location")).toBe(`/${page.slug}`);
  const session = expectServiceCookie(signedIn.headers.get("set-cookie"), {
    name: "sg_session",
    path: "/",
    secure: false,
    expiresBetween: expiringAfter(SESSION_TTL_MS, clock.now()),
  });
  expect(session.value).toMatch(/^sg_session_[A-Za-z0-9_-]{43}$/);
  const cookie = { cookie: `sg_session=${session.value}` };

  const { body } = await graphql(
    `{ viewer { kind email subPages { slug } } subPage(pageSlug: "${page.slug}", slug: "gitlab") { name components { name } } }`,
    {},
    cookie,
  );
  expect(body).toEqual({
    data: {
      viewer: { kind: "VIEWER", email: "ann@gitlab.com", subPages: [{ slug: "gitlab" }] },
      subPage: { name: "GitLab", components: [{ name: "API" }, { name: "CI" }] },
    },
  });
  const other = await graphql(`{ subPage(pageSlug: "${page.slug}", slug: "acme") { name components { name } } }`, {}, cookie);
  expect(other.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  expect(JSON.stringify(other.body)).not.toMatch(/Acme|acme\.io|"Web"/);

  // The link worked once.
  const reused = await post(link.searchParams.get("token")!);
  expect(reused.status).toBe(400);
  expect(reused.headers.get("set-cookie")).toBeNull();
  expect(await reused.text()).toContain("This sign-in link is invalid or has expired");

  // Signing out ends the session and tells the browser to drop the cookie.
  const out = await graphql("mutation { signOut }", {}, cookie);
  expect(out.body.data).toEqual({ signOut: true });
  const cleared = expectServiceCookie(out.res.headers.get("set-cookie"), { name: "sg_session", path: "/", secure: false, expiresBetween: REMOVED });
  expect(cleared.value).toBe("");
  expect((await graphql("{ viewer { kind } }", {}, cookie)).body.data).toEqual({ viewer: { kind: "ANONYMOUS" } });
});

it("refuses an expired link", async () => {
  const link = await mailedLink("cy@gitlab.com");
  clock.advance(SIGN_IN_LINK_TTL_MS);
  const late = await post(link.searchParams.get("token")!);
  expect(late.status).toBe(400);
  expect(late.headers.get("set-cookie")).toBeNull();
});

it("refuses a sign-in posted from another site, leaving the link usable", async () => {
  const link = await mailedLink("dee@gitlab.com");
  const token = link.searchParams.get("token")!;
  expect((await post(token, { origin: "https://evil.example" })).status).toBe(403);
  expect((await post(token, { origin: "null" })).status).toBe(403);
  expect((await post(token)).status).toBe(303);
});

it("answers a GET without a token, and other methods, without signing anyone in", async () => {
  expect((await fetch(`${origin}/auth/callback`)).status).toBe(400);
  expect((await fetch(`${origin}/auth/callback`, { method: "PUT" })).status).toBe(405);
});
