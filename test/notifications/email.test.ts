// Email subscribers end to end with a real SMTP server: double opt-in, notifications
// with both parts and the RFC 8058 headers, one-click unsubscribe, customer sub-pages
// told only of their own incidents, the notify-off choice and the preview's count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "../../server/notifications/transport.js";
import { createLogger } from "../../server/logger.js";
import { startSmtp, type TestSmtp } from "../auth/smtp.js";
import { buildWorld, type World } from "../auth/world.js";
import { testClock } from "../helpers/app.js";
import { decoded, header, linkTo } from "./mail.js";

const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) {
  __typename ... on SubscribeRequested { message } ... on ValidationError { issues { field rule } } ... on RateLimitedError { retryAfterSeconds } } }`;
const CONFIRM = `mutation ($token: String!) { confirmSubscription(token: $token) {
  __typename ... on EmailSubscription { email confirmed subscribed } ... on ValidationError { issues { field rule } } } }`;
/** What the confirmation answers: the subscription, or the issues with the token. */
type Confirmation = { confirmSubscription: { issues?: unknown } };
const PUBLISH = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { __typename ... on IncidentPublication { preview notifiedSubscribers incident { id } } } }`;

const clock = testClock("2030-05-01T09:00:00Z");
let w: World;
let smtp: TestSmtp;
let base: string;

const mailTo = (address: string) => smtp.inbox.filter((m) => m.to.includes(address));

async function subscribe(input: Record<string, unknown>) {
  const { subscribe } = await w.t.ok<{ subscribe: Record<string, unknown> }>(SUBSCRIBE, { input }, { as: "anonymous" });
  return subscribe;
}

/** Subscribes and follows the confirmation link as a browser does: GET shows a button, its POST confirms. */
async function subscribeConfirmed(input: Record<string, unknown>): Promise<void> {
  const before = mailTo(input.email as string).length;
  await subscribe(input);
  await expect.poll(() => mailTo(input.email as string).length, { timeout: 15_000 }).toBe(before + 1);
  const link = linkTo(mailTo(input.email as string).at(-1)!, "/subscriptions/confirm");
  const local = `${base}${link.pathname}`;
  const shown = await fetch(`${local}${link.search}`);
  expect(await shown.text()).toContain('method="post"');
  const posted = await fetch(local, { method: "POST", body: new URLSearchParams({ token: link.searchParams.get("token")! }) });
  expect(posted.status).toBe(200);
}

async function publishOn(pageId: string, componentId: string, name: string, notifySubscribers = true, preview = false) {
  const input = {
    pageId,
    name,
    status: "INVESTIGATING",
    message: "We are **looking** <script>alert(1)</script>",
    impacts: [{ componentId, impact: "PARTIAL_OUTAGE" }],
    notifySubscribers,
    preview,
  };
  const { publishIncident } = await w.t.ok<{ publishIncident: { notifiedSubscribers: number } }>(PUBLISH, { input });
  return publishIncident;
}

beforeAll(async () => {
  smtp = await startSmtp();
  const mailTransport = createMailTransport({ smtpUrl: smtp.url, from: "Status <status@example.com>", log: createLogger({ level: "silent" }) });
  w = await buildWorld({ now: clock.now, mailTransport, publicUrl: "https://status.example.com" });
  base = (await w.t.app.start()).replace(/\/graphql$/, "");
}, 60_000);

afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

describe("email subscriptions", () => {
  it("refuses bad input with the field and rule, and answers new, pending and confirmed addresses alike", async () => {
    const bad = async (input: Record<string, unknown>) => ((await subscribe(input)) as { issues: { field: string; rule: string }[] }).issues[0];
    expect(await bad({ page: "public", email: "not an address" })).toEqual({ field: "input.email", rule: "format" });
    expect(await bad({ page: "public", email: "a@b.example, c@d.example" })).toEqual({ field: "input.email", rule: "format" });
    expect(await bad({ page: "customers", subPage: "acorn-corp", email: "eve@birch.example" })).toEqual({ field: "input.email", rule: "domain_not_allowed" });
    expect(await bad({ page: "customers", email: "ann@acorn.example" })).toEqual({ field: "input.subPage", rule: "required" });
    expect(await bad({ page: "public", email: "x@example.com", componentIds: [w.ids["Alpha API"]] })).toEqual({
      field: "input.componentIds",
      rule: "not_on_page",
    });
    expect(await bad({ page: "nope", email: "x@example.com" })).toEqual({ field: "input.page", rule: "not_found" });
    const first = await subscribe({ page: "public", email: "dan@example.com" });
    const pending = await subscribe({ page: "public", email: "dan@example.com" });
    expect(pending).toEqual(first);
    await expect.poll(() => mailTo("dan@example.com").length, { timeout: 15_000 }).toBe(2);
    // Nothing but confirmations went out, and none for the refused addresses.
    expect(smtp.inbox.every((m) => header(m, "Subject")?.startsWith("Confirm your subscription"))).toBe(true);
    expect(mailTo("eve@birch.example")).toHaveLength(0);
  });

  it("sends nothing before the confirmation link is used, then a notification with both parts and one-click unsubscribe", async () => {
    await subscribe({ page: "public", email: "carol@example.com" });
    await expect.poll(() => mailTo("carol@example.com").length, { timeout: 15_000 }).toBe(1);
    expect((await publishOn(w.ids.publicPage!, w.ids["Public Search"]!, "Before confirming")).notifiedSubscribers).toBe(0);
    await w.t.app.notifications.tick();
    expect(mailTo("carol@example.com")).toHaveLength(1);

    const link = linkTo(mailTo("carol@example.com")[0]!, "/subscriptions/confirm");
    const token = link.searchParams.get("token")!;
    expect((await w.t.ok<Confirmation>(CONFIRM, { token }, { as: "anonymous" })).confirmSubscription).toMatchObject({ confirmed: true, subscribed: true });
    expect((await w.t.ok<Confirmation>(CONFIRM, { token }, { as: "anonymous" })).confirmSubscription.issues).toEqual([{ field: "token", rule: "used" }]);
    // Confirmed: asking again gets the same answer and no mail.
    expect(await subscribe({ page: "public", email: "carol@example.com" })).toEqual(await subscribe({ page: "public", email: "dan@example.com" }));

    await publishOn(w.ids.publicPage!, w.ids["Public Search"]!, "Search slow");
    expect(await w.t.app.notifications.tick()).toBe(1);
    const mail = mailTo("carol@example.com").at(-1)!;
    expect(header(mail, "Subject")).toContain("Search slow");
    expect(header(mail, "Content-Type")).toContain("multipart/alternative");
    expect(mail.raw).toContain("text/plain");
    expect(mail.raw).toContain("text/html");
    const text = decoded(mail);
    expect(text).toContain("<strong>looking</strong>");
    // In the HTML part the message's raw HTML is escaped; the plain-text part shows it as typed.
    const html = text.slice(text.indexOf("Content-Type: text/html"));
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(text).toContain("Public Search");
    expect(text).toContain("https://status.example.com/public");
    const unsubscribeUrl = header(mail, "List-Unsubscribe")!.replace(/^<|>$/g, "");
    expect(unsubscribeUrl).toMatch(/^https:\/\/status\.example\.com\/subscriptions\/unsubscribe\?token=/);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(mail, "Message-ID")).toMatch(/^<[0-9a-f]{32}@statusgraph>$/);

    // A GET of the manage page (as a mail scanner would) changes nothing.
    const manage = linkTo(mail, "/subscriptions/manage");
    expect((await fetch(`${base}${manage.pathname}${manage.search}`)).status).toBe(200);
    await publishOn(w.ids.publicPage!, w.ids["Public Search"]!, "Still subscribed");
    expect(await w.t.app.notifications.tick()).toBe(1);
    // The one-click POST of RFC 8058, as a mail provider sends it.
    const oneClick = new URL(unsubscribeUrl);
    const posted = await fetch(`${base}${oneClick.pathname}${oneClick.search}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(posted.status).toBe(200);
    await publishOn(w.ids.publicPage!, w.ids["Public Search"]!, "After unsubscribing");
    expect(await w.t.app.notifications.tick()).toBe(0);
    expect(mailTo("carol@example.com").map((m) => header(m, "Subject"))).toEqual([
      expect.stringContaining("Confirm"),
      expect.stringContaining("Search slow"),
      expect.stringContaining("Still subscribed"),
    ]);
  });

  it("refuses an expired confirmation link", async () => {
    await subscribe({ page: "public", email: "late@example.com" });
    await expect.poll(() => mailTo("late@example.com").length, { timeout: 15_000 }).toBe(1);
    const token = linkTo(mailTo("late@example.com")[0]!, "/subscriptions/confirm").searchParams.get("token")!;
    clock.advance(49 * 3_600_000);
    expect((await w.t.ok<Confirmation>(CONFIRM, { token }, { as: "anonymous" })).confirmSubscription.issues).toEqual([{ field: "token", rule: "expired" }]);
    expect((await w.t.ok<Confirmation>(CONFIRM, { token: "sg_confirm_nonsense" }, { as: "anonymous" })).confirmSubscription.issues).toEqual([
      { field: "token", rule: "unknown" },
    ]);
  });

  it("tells a customer sub-page's subscribers only of their sub-page, counts them in the preview, and sends nothing with notify off", async () => {
    await subscribeConfirmed({ page: "customers", subPage: "acorn-corp", email: "ann@acorn.example" });
    await subscribeConfirmed({ page: "customers", subPage: "birch-ltd", email: "bob@birch.example" });
    const acorn = () => mailTo("ann@acorn.example").length;
    const birch = () => mailTo("bob@birch.example").length;
    const [a0, b0] = [acorn(), birch()];
    expect((await publishOn(w.ids.customerPage!, w.ids["Alpha API"]!, "Acorn preview", true, true)).notifiedSubscribers).toBe(1);
    expect((await publishOn(w.ids.customerPage!, w.ids["Alpha API"]!, "Acorn preview", false, true)).notifiedSubscribers).toBe(0);
    await publishOn(w.ids.customerPage!, w.ids["Alpha API"]!, "Acorn only");
    await publishOn(w.ids.customerPage!, w.ids["Bravo Billing"]!, "Minor fix", false);
    expect(await w.t.app.notifications.tick()).toBe(1);
    expect([acorn(), birch()]).toEqual([a0 + 1, b0]);
    expect(header(mailTo("ann@acorn.example").at(-1)!, "Subject")).toContain("Acorn only");
    expect(decoded(mailTo("ann@acorn.example").at(-1)!)).toContain("https://status.example.com/customers/acorn-corp");
  });

  it("limits subscription floods per address", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await subscribe({ page: "public", email: "flood@example.com" })).__typename);
    expect(results.at(-1)).toBe("RateLimitedError");
    // The three admitted got their confirmation, the refused one nothing.
    await expect.poll(() => mailTo("flood@example.com").length, { timeout: 15_000 }).toBe(3);
  });
});
