// A customer sub-page in a real browser: sign in with the emailed link (from an
// in-process SMTP server), see the sub-page, be refused another one, sign out.
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type Mailer } from "../../server/auth/mailer.js";
import { launchBrowser, seriousA11yViolations, startDemoServer, type Browser, type DemoServer } from "./browser.js";

const inbox: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      inbox.push(Buffer.concat(chunks).toString("utf8"));
      callback();
    });
  },
});

let mailer: Mailer;
let server: DemoServer;
let browser: Browser;
let page: Page;

/** A second customer, "Globex", with a component of its own that Ann must never learn about. */
async function addGlobex(t: DemoServer): Promise<void> {
  const { components, groups } = await t.ok<{ components: { id: string }; groups: { id: string } }>(
    `{ components: catalogType(name: "Components") { id } groups: catalogType(name: "Groups") { id } }`,
  );
  const entry = `mutation ($input: CreateCatalogEntryInput!) { createCatalogEntry(input: $input) { __typename } }`;
  await t.ok(entry, { input: { typeId: components.id, name: "Secret widget" } });
  await t.ok(entry, {
    input: {
      typeId: groups.id,
      name: "Globex",
      values: [
        { attribute: "Components", values: ["Secret widget"] },
        { attribute: "Email domains", values: ["globex.test"] },
      ],
    },
  });
}

/** The sign-in link in the last mail, undoing quoted-printable soft breaks and escapes. */
function lastLink(): string {
  const text = inbox
    .at(-1)!
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /http:\/\/127\.0\.0\.1:\d+\/auth\/callback\?[^\s"<>]+/.exec(text);
  if (!match) throw new Error(`no sign-in link in:\n${text}`);
  return match[0];
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, from: "Status <status@example.com>" });
  server = await startDemoServer({ mailer });
  await addGlobex(server);
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  mailer?.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the test reads the rendered text
const bodyText = () => page.locator("body").innerText();

describe("a customer sub-page", () => {
  it("asks an anonymous viewer for an email address, then to check their email", async () => {
    await page.goto(`${server.origin}/cust-support-ops/main`);
    await page.getByRole("heading", { name: "Sign in to see Customer Support Operations" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel("Email address").fill("ann@example.com");
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await expect.poll(() => inbox.length).toBe(1);
  });

  it("signs in through the emailed link and shows the viewer's sub-page", async () => {
    await page.goto(lastLink());
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.origin}/cust-support-ops`);
    await page.getByRole("link", { name: "Main" }).click();
    await page.getByRole("heading", { name: "Main" }).waitFor();
    expect(page.url()).toBe(`${server.origin}/cust-support-ops/main`);
    await page.locator(".uptime-bar").first().waitFor();
    const components = await page.locator(".component-name").allTextContents();
    expect(components).toEqual(["Zendesk", "Support portal", "Email ingestion", "Phone line"]);
    expect(await page.locator("#overall-status").textContent()).toBe("All systems operational");
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("refuses another customer's sub-page without revealing anything about it", async () => {
    await page.goto(`${server.origin}/cust-support-ops/globex`);
    await page.getByRole("heading", { name: "You don't have access to this page" }).waitFor();
    const text = await bodyText();
    expect(text).toContain("ann@example.com");
    expect(text).not.toMatch(/globex|secret widget/i);
    // Same refusal for a sub-page that does not exist at all.
    await page.goto(`${server.origin}/cust-support-ops/no-such-customer`);
    await page.getByRole("heading", { name: "You don't have access to this page" }).waitFor();
    expect((await bodyText()).replace("no-such-customer", "globex")).toBe(text);
  });

  it("signs out", async () => {
    await page.goto(`${server.origin}/cust-support-ops/main`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.origin}/cust-support-ops`);
    await page.getByLabel("Email address").waitFor();
    await page.goto(`${server.origin}/cust-support-ops/main`);
    await page.getByRole("heading", { name: "Sign in to see Customer Support Operations" }).waitFor();
    expect(await bodyText()).not.toContain("Zendesk");
  });
});
