// "Subscribe to updates" in a real browser: the control on the demo's public page
// subscribes through the API, the confirmation arrives at a real SMTP server, and
// its link, opened in the browser, confirms with a click.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { createMailTransport } from "../../server/notifications/transport.js";
import { startSmtp, type TestSmtp } from "../auth/smtp.js";
import { linkTo } from "../notifications/mail.js";
import { launchBrowser, startDemoServer, type Browser, type DemoServer } from "./browser.js";

let smtp: TestSmtp;
let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtp();
  const mailTransport = createMailTransport({ smtpUrl: smtp.url, from: "Status <status@example.com>", log: createLogger({ level: "silent" }) });
  server = await startDemoServer({ mailTransport });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

it("subscribes from the public page and confirms from the mailed link", async () => {
  await page.goto(`${server.origin}/demo`);
  await page.getByText("Subscribe to updates").click();
  await page.getByLabel("Email address").fill("reader@example.com");
  await page.getByRole("checkbox", { name: "Zendesk" }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "confirmation link" }).count(), { timeout: 15_000 }).toBe(1);
  const mail = await smtp.waitForMail("reader@example.com");
  const link = linkTo(mail, "/subscriptions/confirm");
  await page.goto(`${server.origin}${link.pathname}${link.search}`);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 15_000 }).toBe("Subscribed");
  const subscriber = await server.app.database.db.emailSubscriber.findFirstOrThrow({ where: { email: "reader@example.com" } });
  expect(subscriber.confirmedAt).not.toBeNull();
  const zendesk = await server.app.database.db.catalogEntry.findFirstOrThrow({ where: { name: "Zendesk" } });
  expect(JSON.parse(subscriber.componentIds)).toEqual([zendesk.id]);
});
