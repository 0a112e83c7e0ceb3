// A customer page's components, rendered with the web client's urql exchanges against a real
// server on loopback: the catalog and page made through the API, the viewer signed in by the
// link a real SMTP server received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Embed, EmbedStatus } from "../../web/src/components/Embed.js";
import { SubPageHistory } from "../../web/src/components/IncidentHistory.js";
import { SubPageView } from "../../web/src/components/SubPageView.js";
import { SubPageQuery } from "../../web/src/components/SubPageView.graphql.js";
import type { LiveStatus } from "../../web/src/live.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";
import { CREATE_PAGE, createEntry, createRunbookCatalog, mutate } from "../helpers/pages.js";
import { linkIn, startSmtp, type TestSmtp } from "../auth/smtp.js";
import { refusingOrigin, renderNow, renderSettled, serverClient, visibleText as text } from "./render.js";

const clock = testClock("2030-03-10T12:00:00Z");
let t: TestApp;
let smtp: TestSmtp;
let origin: string;
let page: { id: string; slug: string };
let zendesk: string;
/** The signed-in viewer's session cookie: ann@gitlab.com, admitted to sub-page "main" only. */
let ann: Record<string, string>;

/** Signs `email` in as a browser would: asks for a link, follows the mailed one, keeps the cookie. */
async function signIn(email: string): Promise<Record<string, string>> {
  const query = `mutation ($p: String!, $e: String!) { requestSignIn(pageSlug: $p, email: $e) { __typename } }`;
  await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { p: page.slug, e: email } }),
  });
  const token = linkIn(await smtp.waitForMail(email)).searchParams.get("token")!;
  const signedIn = await fetch(`${origin}/auth/callback`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ token }),
  });
  return { cookie: signedIn.headers.get("set-cookie")!.split(";")[0]! };
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ mailer: smtp.mailer, now: clock.now, publicUrl: null });
  origin = new URL(await t.app.start(0)).origin;
  const catalog = await createRunbookCatalog(t, ["Zendesk", "Chat"]);
  zendesk = catalog.components.Zendesk!;
  await createEntry(t, {
    typeId: catalog.groupsTypeId,
    name: "Globex secret",
    values: [
      { attribute: "Components", values: ["Chat"] },
      { attribute: "Email domains", values: ["globex.com"] },
    ],
  });
  const created = await mutate(t, CREATE_PAGE, {
    input: {
      title: "Customer Support",
      kind: "CUSTOMER",
      theme: "DARK",
      customerType: "Groups",
      componentsAttribute: "Components",
      emailDomainsAttribute: "Email domains",
    },
  });
  page = { id: created.id!, slug: created.slug as string };
  expect((created.subPages as { slug: string }[]).map((s) => s.slug)).toEqual(["main", "globex-secret"]);
  ann = await signIn("ann@gitlab.com");
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("a customer sub-page", () => {
  it("asks an anonymous viewer to sign in by email", async () => {
    const html = await renderSettled(origin, <SubPageView page={page.slug} subPage="main" />);
    expect(text(html)).toContain("Sign in to see Customer Support");
    expect(html).toMatch(/<label for="sign-in-email">Email address<\/label>/);
    expect(html).toMatch(/<input[^>]+type="email"/);
    expect(text(html)).not.toContain("Sign out");
  });

  it("shows a signed-in viewer the sub-page their domain is allowed on", async () => {
    const seen = text(await renderSettled(origin, <SubPageView page={page.slug} subPage="main" />, ann));
    expect(seen).toMatch(/main .*All systems operational/);
    expect(seen).toMatch(/Zendesk .*Operational .*Chat .*Operational/);
    expect(seen).toContain("Sign out");
  });

  it("refuses a signed-in viewer without naming or describing the sub-page", async () => {
    const html = await renderSettled(origin, <SubPageView page={page.slug} subPage="globex-secret" />, ann);
    expect(text(html)).toContain("You don't have access to this page");
    expect(text(html)).toContain("signed in as ann@gitlab.com");
    expect(html.toLowerCase()).not.toContain("globex");
    expect(text(html)).toContain("Sign out");
  });

  it("shows the same refusal for a sub-page that does not exist", async () => {
    const denied = await renderSettled(origin, <SubPageView page={page.slug} subPage="globex-secret" />, ann);
    const missing = await renderSettled(origin, <SubPageView page={page.slug} subPage="no-such-customer" />, ann);
    expect(missing).toBe(denied);
  });

  it("says nothing of a refusal until it knows who is asking", async () => {
    const client = serverClient(origin, { headers: ann });
    // The sub-page has answered (refused); who is asking has not yet.
    const answer = await client.query(SubPageQuery, { page: page.slug, slug: "globex-secret" }).toPromise();
    expect(answer.error?.graphQLErrors[0]?.extensions.code).toBe("FORBIDDEN");
    const html = renderNow(client, <SubPageView page={page.slug} subPage="globex-secret" />);
    expect(text(html)).toContain("Loading the status page…");
    expect(text(html)).not.toContain("Sign in");
  });

  it("shows loading and error states", async () => {
    expect(text(renderNow(serverClient(origin), <SubPageView page={page.slug} subPage="main" />))).toContain("Loading the status page…");
    const down = await refusingOrigin();
    expect(text(await renderSettled(down, <SubPageView page={page.slug} subPage="main" />))).toContain("Could not load the status page");
  });
});

describe("the embed widget", () => {
  it("shows the live status and components with words, without page chrome", async () => {
    const live: LiveStatus = {
      status: "DEGRADED_PERFORMANCE",
      sentence: "Degraded performance",
      components: [{ id: "c1", name: "API", group: null, status: "DEGRADED_PERFORMANCE" }],
      incidents: [],
      maintenances: [],
    };
    const html = renderNow(serverClient(origin), <EmbedStatus page="demo" title="Demo" live={live} />);
    expect(text(html)).toMatch(/Degraded performance API .*Degraded performance/);
    expect(html).not.toContain("site-header");
    // The status comes over the live subscription, which starts once the widget is on screen.
    expect(text(await renderSettled(origin, <Embed page={page.slug} />))).toContain("Loading the status…");
  });
});

describe("a sub-page's incident history", () => {
  const history = () => <SubPageHistory page={page.slug} slug="main" version={0} />;

  // Rendered without effects: the page's items show; what follows them (more, or none at all) is decided once it has reported.
  it("shows loading, then nothing while there has been no incident, then the incidents newest first", async () => {
    expect(text(renderNow(serverClient(origin, { headers: ann }), history()))).toContain("Loading");
    expect(await renderSettled(origin, history(), ann)).not.toContain("history-item");

    for (const name of ["API down", "Login slow"]) {
      const id = await publishIncident(t, page.id, [{ componentId: zendesk, impact: "FULL_OUTAGE" }], { name });
      clock.advance(60 * 60_000);
      await publishIncidentUpdate(t, id, { status: "RESOLVED", message: "Fixed.", impacts: [] });
      clock.advance(60 * 60_000);
    }
    const html = await renderSettled(origin, history(), ann);
    expect(text(html)).toMatch(/Incident history .*Login slow .*Resolved .*API down .*Resolved/);
    expect(html.match(/class="history-item"/g)).toHaveLength(2);
  });
});
