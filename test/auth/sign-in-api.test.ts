// Signing in over GraphQL, as API clients do, with real mail: who gets a link,
// what everyone else is told, and what a link's token is good for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LINK_TTL_MS } from "../../server/auth/tokens.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createCustomerPage, createPublicPage, type CustomerPageFixture } from "./fixtures.js";
import { linkIn, startSmtp, type TestSmtp } from "./smtp.js";

const clock = testClock();
let t: TestApp;
let smtp: TestSmtp;
let page: CustomerPageFixture;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ mailer: smtp.mailer, now: clock.now, publicUrl: "https://status.example.com" });
  page = await createCustomerPage(t.app.database.db, [
    { name: "GitLab", domains: ["gitlab.com"], components: ["API"] },
    { name: "Acme", domains: ["acme.io"], components: ["Web"] },
  ]);
  await createPublicPage(t.app.database.db, "public-page");
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const REQUEST = /* GraphQL */ `
  mutation ($p: String!, $e: String!) {
    requestSignIn(pageSlug: $p, email: $e) {
      __typename
      ... on SignInRequested { message }
      ... on ValidationError { issues { field rule } }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`;
const COMPLETE = /* GraphQL */ `
  mutation ($token: String!) {
    completeSignIn(token: $token) {
      __typename
      ... on ViewerSession { token email expiresAt subPages { slug name url } }
      ... on AccessDeniedError { reason message }
    }
  }
`;
const request = async (email: string, pageSlug = page.slug) =>
  (await t.ok<{ requestSignIn: Record<string, unknown> }>(REQUEST, { p: pageSlug, e: email }, { as: "anonymous" })).requestSignIn;
type Completed = { __typename: string; token: string; email: string; subPages: { slug: string }[] } | { __typename: "AccessDeniedError"; reason: string };
const complete = async (token: string) => (await t.ok<{ completeSignIn: Completed }>(COMPLETE, { token }, { as: "anonymous" })).completeSignIn;
const sessionToken = (c: Completed) => ("token" in c ? c.token : "");
const tokenFor = async (email: string) => {
  await request(email);
  return linkIn(await smtp.waitForMail(email)).searchParams.get("token")!;
};

describe("requestSignIn", () => {
  it("mails only exact domain matches, and answers every address the same", async () => {
    const answers = [];
    for (const email of ["eve@evilgitlab.com", "eve@gitlab.com.evil.org", "eve@sub.gitlab.com", "eve@nowhere.org"]) answers.push(await request(email));
    answers.push(await request("Eve@GitLab.COM"));
    const link = linkIn(await smtp.waitForMail("Eve@GitLab.COM"));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ __typename: "SignInRequested", message: "If that address may see this page, a sign-in link is on its way." })]),
    );
    expect(smtp.inbox.flatMap((m) => m.to.map((a) => a.toLowerCase()))).toEqual(["eve@gitlab.com"]);
    expect(link.origin).toBe("https://status.example.com");
  });

  it("rejects a malformed address as a validation error on `email`", async () => {
    expect(await request("not-an-address")).toEqual({ __typename: "ValidationError", issues: [{ field: "email", rule: "format" }] });
  });

  it("says when a page has no sign-in (page URLs are public anyway)", async () => {
    expect(await request("ann@gitlab.com", "public-page")).toMatchObject({ __typename: "NotFoundError" });
  });

  it("limits requests per address, whether or not the domain is allowed", async () => {
    for (let i = 0; i < 5; i++) expect(await request("flood@nowhere.org")).toMatchObject({ __typename: "SignInRequested" });
    const limited = await request("flood@nowhere.org");
    expect(limited.__typename).toBe("RateLimitedError");
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("completeSignIn", () => {
  it("trades a link's token for a session token that works as a bearer token", async () => {
    const session = await complete(await tokenFor("ann@gitlab.com"));
    expect(session).toMatchObject({
      __typename: "ViewerSession",
      email: "ann@gitlab.com",
      subPages: [{ slug: "gitlab", name: "GitLab", url: `/${page.slug}/gitlab` }],
    });
    const { viewer } = await t.ok<{ viewer: unknown }>("{ viewer { kind email } }", {}, bearer(sessionToken(session)));
    expect(viewer).toEqual({ kind: "VIEWER", email: "ann@gitlab.com" });
  });

  it("refuses a reused, an expired and a made-up token alike", async () => {
    const used = await tokenFor("bob@gitlab.com");
    await complete(used);
    const expired = await tokenFor("cy@acme.io");
    clock.advance(SIGN_IN_LINK_TTL_MS);
    const refusal = { __typename: "AccessDeniedError", reason: "UNAUTHENTICATED", message: "This sign-in link is invalid or has expired" };
    for (const token of [used, expired, "sg_link_made_up"]) expect(await complete(token)).toEqual(refusal);
  });

  it("signing out ends a bearer session too", async () => {
    const session = await complete(await tokenFor("dan@acme.io"));
    expect(await t.ok("mutation { signOut }", {}, bearer(sessionToken(session)))).toEqual({ signOut: true });
    const after = await t.gql("{ viewer { kind } }", {}, bearer(sessionToken(session)));
    expect(after.data).toEqual({ viewer: { kind: "ANONYMOUS" } });
    expect(await t.ok("mutation { signOut }", {}, { as: "anonymous" })).toEqual({ signOut: false });
  });
});
