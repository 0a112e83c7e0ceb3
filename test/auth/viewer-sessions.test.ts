import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { createMailer } from "../../server/auth/mailer.js";
import { RateLimitedError } from "../../server/auth/rate-limit.js";
import { createSignInLimits } from "../../server/auth/sign-in-limits.js";
import { SESSION_TTL_MS, SIGN_IN_LINK_TTL_MS } from "../../server/auth/tokens.js";
import { INVALID_LINK_MESSAGE, SignInLinkError, authenticateViewer, completeSignIn, requestSignIn, signOut } from "../../server/auth/viewer-sessions.js";
import { NotFoundError, ValidationError } from "../../server/errors.js";
import { openTestDatabase } from "../helpers/database.js";
import { clock, createCustomerPage, createPublicPage, type CustomerPageFixture } from "./fixtures.js";
import { startSmtp, type Received, type TestSmtp } from "./smtp.js";
import { memoryLog } from "../helpers/logs.js";

let database: Database;
let smtp: TestSmtp;
let page: CustomerPageFixture;
const t = clock();
const BASE_URL = "https://status.example.com/";

beforeAll(async () => {
  smtp = await startSmtp();
  database = await openTestDatabase();
  page = await createCustomerPage(database.db, [
    { name: "GitLab", domains: ["gitlab.com"], components: ["API", "CI"] },
    { name: "Acme", domains: ["acme.io"], components: ["Web"] },
    { name: "GitLab Dedicated", domains: ["example.org", "gitlab.com"], components: ["API"] },
  ]);
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});
beforeEach(() => void smtp.inbox.splice(0));

/** Asks for a link and waits until any mail has been handed to the SMTP server. */
async function ask(email: string, pageSlug = page.slug) {
  const response = await requestSignIn(database.db, smtp.mailer, { pageSlug, email, baseUrl: BASE_URL, now: t.now() });
  await response.delivery;
  return response;
}

/**
 * The sign-in link in a received message's plain-text part (undoing quoted-printable).
 * Stricter than smtp.ts's linkIn: the link must be on BASE_URL.
 */
function linkIn(message: Received): URL {
  const text = message.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https:\/\/status\.example\.com\/auth\/callback\?[^\s"<>]+/.exec(text);
  expect(match, "a sign-in link in the mail").not.toBeNull();
  return new URL(match![0]);
}

async function signIn(email: string) {
  await ask(email);
  expect(smtp.inbox).toHaveLength(1);
  const token = linkIn(smtp.inbox[0]!).searchParams.get("token")!;
  smtp.inbox.splice(0);
  return completeSignIn(database.db, token, t.now());
}

describe("signing in by email", () => {
  it("mails a one-time link that opens a session for exactly the allowed sub-pages", async () => {
    await ask("ann@gitlab.com");
    expect(smtp.inbox).toHaveLength(1);
    expect(smtp.inbox[0]!.to).toEqual(["ann@gitlab.com"]);
    expect(smtp.inbox[0]!.raw).toContain(`Subject: Sign in to ${page.title}`);
    const link = linkIn(smtp.inbox[0]!);
    expect(link.pathname).toBe("/auth/callback");
    expect(link.searchParams.get("page")).toBe(page.slug);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^sg_link_/);
    const stored = await database.db.signInToken.findMany();
    expect(JSON.stringify(stored)).not.toContain(token);

    const { sessionSecret, session, subPageIds, pageSlug } = await completeSignIn(database.db, token, t.now());
    const expected = [page.subPages.GitLab, page.subPages["GitLab Dedicated"]];
    expect(subPageIds).toEqual(expected);
    expect(pageSlug).toBe(page.slug);
    expect(session).toMatchObject({ email: "ann@gitlab.com", pageId: page.pageId });
    expect(session.expiresAt.getTime() - t.now().getTime()).toBe(SESSION_TTL_MS);
    expect(sessionSecret).toMatch(/^sg_session_/);
    expect(await authenticateViewer(database.db, sessionSecret, t.now())).toMatchObject({
      sessionId: session.id,
      email: "ann@gitlab.com",
      pageId: page.pageId,
      subPageIds: expected,
    });
  });

  it("works once, even when the link is followed twice at the same moment", async () => {
    await ask("bob@gitlab.com");
    const token = linkIn(smtp.inbox[0]!).searchParams.get("token")!;
    const results = await Promise.allSettled([0, 1, 2].map(() => completeSignIn(database.db, token, t.now())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(completeSignIn(database.db, token, t.now())).rejects.toThrow(INVALID_LINK_MESSAGE);
  });

  it("refuses an expired link with the same message as an unknown one", async () => {
    await ask("cy@gitlab.com");
    const token = linkIn(smtp.inbox[0]!).searchParams.get("token")!;
    t.advance(SIGN_IN_LINK_TTL_MS);
    await expect(completeSignIn(database.db, token, t.now())).rejects.toThrow(new SignInLinkError());
    await expect(completeSignIn(database.db, "sg_link_nonsense", t.now())).rejects.toThrow(INVALID_LINK_MESSAGE);
    await expect(completeSignIn(database.db, "", t.now())).rejects.toThrow(INVALID_LINK_MESSAGE);
  });

  it("matches the domain exactly and case-insensitively", async () => {
    for (const email of ["eve@evilgitlab.com", "eve@gitlab.com.evil.org", "eve@sub.gitlab.com", "eve@gitlab.co"]) await ask(email);
    expect(smtp.inbox).toEqual([]);
    const { subPageIds } = await signIn("User@GitLab.COM");
    expect(subPageIds).toEqual([page.subPages.GitLab, page.subPages["GitLab Dedicated"]]);
  });

  it("answers a disallowed address exactly like an allowed one, and sends nothing", async () => {
    const before = await database.db.signInToken.count();
    const denied = await ask("dan@not-a-customer.com");
    const allowed = await requestSignIn(database.db, smtp.mailer, { pageSlug: page.slug, email: "dan@acme.io", baseUrl: BASE_URL, now: t.now() });
    // The answer comes before the mail goes out, so its timing cannot tell the two apart either.
    expect(smtp.inbox).toEqual([]);
    await allowed.delivery;
    expect(Object.keys(denied)).toEqual(Object.keys(allowed));
    expect(smtp.inbox.map((m) => m.to)).toEqual([["dan@acme.io"]]);
    expect(await database.db.signInToken.count()).toBe(before + 1);
  });

  it("rejects text that cannot be an address, and pages without sign-in", async () => {
    for (const email of ["", "   ", "gitlab.com", `ann@${"a".repeat(250)}.com`]) {
      await expect(ask(email)).rejects.toMatchObject({ issues: [{ field: "email", rule: "format" }] });
    }
    await expect(ask("gitlab.com")).rejects.toBeInstanceOf(ValidationError);
    await expect(ask("ann@gitlab.com", "no-such-page")).rejects.toBeInstanceOf(NotFoundError);
    await createPublicPage(database.db, "public-page");
    await expect(ask("ann@gitlab.com", "public-page")).rejects.toBeInstanceOf(NotFoundError);
    expect(smtp.inbox).toEqual([]);
  });

  it("answers an address that is not one plain mailbox like a disallowed one, and sends nothing", async () => {
    const before = await database.db.signInToken.count();
    const denied = await ask("dan@not-a-customer.com");
    for (const email of ["ann@", "ann @gitlab.com", "ann@gitlab.com\r\nBcc: x@y.com", "Ann <ann@gitlab.com>"]) {
      expect(Object.keys(await ask(email)), email).toEqual(Object.keys(denied));
    }
    expect(smtp.inbox).toEqual([]);
    expect(await database.db.signInToken.count()).toBe(before);
  });

  it("rate limits requests per address, whether or not the domain is allowed", async () => {
    const limits = createSignInLimits();
    for (const email of ["flood@gitlab.com", "flood@nowhere.com"]) {
      const request = () =>
        requestSignIn(database.db, smtp.mailer, { pageSlug: page.slug, email, baseUrl: BASE_URL, now: t.now(), limits, client: "10.1.1.1" });
      for (let i = 0; i < 5; i++) await (await request()).delivery;
      await expect(request()).rejects.toBeInstanceOf(RateLimitedError);
    }
    expect(smtp.inbox).toHaveLength(5);
  });
});

describe("viewer sessions", () => {
  it("follow the catalog: removing a domain from a group removes that sub-page", async () => {
    const { sessionSecret } = await signIn("fay@example.org");
    expect((await authenticateViewer(database.db, sessionSecret, t.now()))?.subPageIds).toEqual([page.subPages["GitLab Dedicated"]]);
    await database.db.catalogValue.deleteMany({
      where: { entryId: page.groups["GitLab Dedicated"], attributeId: page.domainsAttributeId, text: "example.org" },
    });
    expect((await authenticateViewer(database.db, sessionSecret, t.now()))?.subPageIds).toEqual([]);
  });

  it("expire after their lifetime", async () => {
    const { sessionSecret } = await signIn("gus@gitlab.com");
    t.advance(SESSION_TTL_MS - 1);
    expect(await authenticateViewer(database.db, sessionSecret, t.now())).not.toBeNull();
    t.advance(1);
    expect(await authenticateViewer(database.db, sessionSecret, t.now())).toBeNull();
  });

  it("end on sign-out", async () => {
    const { sessionSecret } = await signIn("hal@gitlab.com");
    expect(await signOut(database.db, sessionSecret, t.now())).toBe(true);
    expect(await authenticateViewer(database.db, sessionSecret, t.now())).toBeNull();
    expect(await signOut(database.db, sessionSecret, t.now())).toBe(false);
    expect(await authenticateViewer(database.db, "sg_session_forged", t.now())).toBeNull();
  });
});

describe("without SMTP", () => {
  it("logs the sign-in link instead", async () => {
    const log = memoryLog();
    const logMailer = createMailer({ log: log.logger });
    const response = await requestSignIn(database.db, logMailer, { pageSlug: page.slug, email: "ivy@acme.io", baseUrl: BASE_URL, now: t.now() });
    await response.delivery;
    expect(log.lines()).toHaveLength(1);
    expect(log.lines()[0]!.msg).toMatch(/SMTP_URL is not set.*ivy@acme\.io/);
    expect(log.lines()[0]!.link).toMatch(/^https:\/\/status\.example\.com\/auth\/callback\?token=sg_link_/);
    expect(() => createMailer({ smtpUrl: "smtp://127.0.0.1:1" })).toThrow(/MAIL_FROM/);
  });
});
