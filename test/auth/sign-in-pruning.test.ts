// Expired sign-in links and ended or expired viewer sessions are deleted by the
// app's periodic pruning; links and sessions still usable are kept.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PRUNE_INTERVAL_MS } from "../../server/auth/sign-in-pruning.js";
import { SIGN_IN_LINK_TTL_MS, newSecret } from "../../server/auth/tokens.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createCustomerLivePage, createSession } from "../helpers/customer-live.js";

const clock = testClock("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
let t: TestApp;
let pageId: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  pageId = (await createCustomerLivePage(t, ["gitlab.com"])).id;
});
afterAll(() => t.close());

/** A link as requestSignIn stores it, valid for SIGN_IN_LINK_TTL_MS from now; returns its id. */
async function createLink(email: string): Promise<string> {
  const { hash } = newSecret("sg_link");
  const now = clock.now();
  const link = await t.app.database.db.signInToken.create({
    data: { hash, email, pageId, createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS) },
  });
  return link.id;
}

const viewer = (secret: string) => t.ok<{ viewer: { email: string } | null }>("{ viewer { email } }", {}, bearer(secret));

it("deletes expired links and ended or expired sessions once the pruning interval has passed, and keeps the live ones", async () => {
  const db = t.app.database.db;
  await createLink("ann@gitlab.com");
  await createSession(db, pageId, "bob@gitlab.com", clock.now(), PRUNE_INTERVAL_MS / 2);
  const signedOut = await createSession(db, pageId, "cy@gitlab.com", clock.now(), DAY);
  const live = await createSession(db, pageId, "dee@gitlab.com", clock.now(), DAY);
  expect(await t.ok("mutation { signOut }", {}, bearer(signedOut))).toEqual({ signOut: true });
  await t.app.signInPruning.tick();
  // Nothing had expired yet: only the signed-out session goes at once.
  expect(await db.signInToken.count()).toBe(1);
  expect((await db.viewerSession.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((s) => s.email)).toEqual([
    "bob@gitlab.com",
    "dee@gitlab.com",
  ]);

  clock.advance(PRUNE_INTERVAL_MS);
  const freshLink = await createLink("eve@gitlab.com");
  await t.app.signInPruning.tick();

  expect((await db.signInToken.findMany({ select: { id: true } })).map((l) => l.id)).toEqual([freshLink]);
  expect((await db.viewerSession.findMany({ select: { email: true } })).map((s) => s.email)).toEqual(["dee@gitlab.com"]);
  expect((await viewer(live)).viewer).toEqual({ email: "dee@gitlab.com" });
});
