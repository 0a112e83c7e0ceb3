// OpenID Connect sign-in ends in a real operator session: through the whole redirect
// flow against the in-process provider, with the app's own operator accounts.
import { afterAll, beforeAll, expect, it } from "vitest";
import { operatorSessionLimits } from "../../server/auth/operator-sessions.js";
import { createPage, PUBLISH_INCIDENT } from "../helpers/fixtures.js";
import { expectServiceCookie } from "../helpers/set-cookie.js";
import { createBrowser, refusedWith, startOidcWorld, type OidcWorld } from "./oidc-world.js";

let w: OidcWorld;

beforeAll(async () => {
  w = await startOidcWorld({ policy: { allowedDomains: ["example.com"], allowedEmails: [], autoCreateRole: "PUBLISHER" }, defaultOperators: true });
}, 60_000);
afterAll(async () => {
  await w.close();
});

async function graphql(query: string, variables: Record<string, unknown>, cookie: string) {
  const res = await fetch(`${w.publicUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: GraphQL answers of several shapes, read field by field in the tests
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

/** Signs `email` in through the provider; returns the redirect's answer and the browser's operator cookie. */
async function signIn(email: string, returnTo?: string) {
  w.provider.signInAs({ sub: `sub-${email}`, email, email_verified: true, name: "Pat Doe" });
  const browser = createBrowser();
  const answer = await browser.get(await w.toCallback(browser, returnTo));
  const secret = browser.cookies(w.publicUrl).get("sg_operator");
  return { answer, cookie: secret ? `sg_operator=${secret}` : null };
}

const WHO = `{ viewer { role operator { email name } } }`;

it("creates the account once and signs the operator in: the cookie answers as them and lets them publish", async () => {
  const db = w.t.app.database.db;
  const before = new Date();
  const { answer, cookie } = await signIn("Pat@Example.com", "/console/incidents");
  const ttl = operatorSessionLimits().absoluteMs;
  expect(answer.status).toBe(303);
  expect(answer.headers.get("location")).toBe("/console/incidents");
  const session = answer.headers.getSetCookie().find((c) => c.startsWith("sg_operator="));
  const expiresBetween: [Date, Date] = [new Date(before.getTime() + ttl), new Date(Date.now() + ttl)];
  expect(expectServiceCookie(session, { name: "sg_operator", path: "/", secure: false, expiresBetween }).value).not.toBe("");
  expect((await graphql(WHO, {}, cookie!)).data).toEqual({ viewer: { role: "PUBLISHER", operator: { email: "pat@example.com", name: "Pat Doe" } } });

  const page = await createPage(w.t, []);
  const input = { pageId: page.id, name: "Checkout slow", status: "INVESTIGATING", message: "Looking into it.", impacts: [] };
  const published = await graphql(PUBLISH_INCIDENT, { input }, cookie!);
  expect(published.data?.publishIncident.__typename).toBe("IncidentPublication");
  const id = published.data!.publishIncident.incident.id as string;
  const update = await db.incidentUpdate.findFirstOrThrow({ where: { incidentId: id } });
  expect(update.publishedBy).toContain("pat@example.com");

  // A second sign-in finds the account rather than making another.
  const again = await signIn("pat@example.com");
  expect(again.answer.headers.get("location")).toBe("/console");
  expect(again.cookie).not.toBe(cookie);
  expect(await db.operator.count({ where: { email: "pat@example.com" } })).toBe(1);
  expect(await db.operator.findUniqueOrThrow({ where: { email: "pat@example.com" } })).toMatchObject({ role: "PUBLISHER", name: "Pat Doe" });
});

it("refuses a disabled operator, opening no session", async () => {
  const db = w.t.app.database.db;
  const { cookie } = await signIn("dee@example.com");
  const dee = await db.operator.findUniqueOrThrow({ where: { email: "dee@example.com" } });
  await db.operator.update({ where: { id: dee.id }, data: { disabledAt: new Date() } });
  const sessions = await db.operatorSession.count({ where: { operatorId: dee.id } });

  const refused = await signIn("dee@example.com");
  expect(refused.answer.headers.get("location")).toBe(refusedWith("oidc_operator_disabled"));
  expect(refused.cookie).toBeNull();
  expect(await db.operatorSession.count({ where: { operatorId: dee.id } })).toBe(sessions);
  expect(await db.operator.count({ where: { email: "dee@example.com" } })).toBe(1);
  // The earlier session stops answering as them too.
  expect((await graphql(WHO, {}, cookie!)).data).toEqual({ viewer: { role: null, operator: null } });
});
