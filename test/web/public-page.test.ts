// The demo's public page in a real browser: what it shows, keyboard and screen
// reader access, axe, and a screenshot for people to look at.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createComponents, createPage, publishIncident } from "../helpers/fixtures.js";
import { launchBrowser, seriousA11yViolations, startDemoServer, type Browser, type DemoServer } from "./browser.js";

let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser({ timezoneId: "America/New_York" });
  page = await browser.newPage();
  await page.goto(`${server.origin}/demo`);
  await page.locator(".uptime-bar").first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the demo's public page", () => {
  it("shows the overall status, the grouped components and the ongoing incident's timeline", async () => {
    expect(await page.title()).toBe("Statusgraph Demo");
    await expect.poll(() => page.locator("#overall-status").textContent()).toBe("Partial outage");
    const groups = page.locator(".components .group");
    expect(await groups.locator("h3").allTextContents()).toEqual(["Support tools", "Channels"]);
    const email = page.locator('[data-component="Email ingestion"]');
    expect(await email.locator(".status").textContent()).toContain("Partial outage");
    expect(await page.locator('[data-component="Zendesk"] .status').textContent()).toContain("Operational");

    const incident = page.locator(".incidents .incident");
    expect(await incident.locator("h3").textContent()).toBe("Delayed email ingestion");
    const updates = incident.locator(".timeline .update");
    expect(await updates.locator(".update-head strong").allTextContents()).toEqual(["Identified", "Investigating"]);
    // Markdown, rendered; times in the viewer's zone, named.
    expect(await updates.nth(1).locator(".markdown strong").textContent()).toBe("late");
    expect(await updates.first().locator("time").textContent()).toMatch(/\d{1,2}:\d{2} [AP]M E[SD]T$/);
  });

  it("shows upcoming maintenance with its window in the viewer's zone", async () => {
    const section = page.locator(".maintenances");
    expect(await section.locator("h2").textContent()).toBe("Upcoming maintenance");
    expect(await section.locator(".zone-note").textContent()).toMatch(/America\/New_York \(E[SD]T\)/);
    expect(await section.locator("h3").textContent()).toBe("Phone line carrier upgrade");
    expect(await section.locator(".incident-meta time").textContent()).toMatch(/[AP]M E[SD]T – .*[AP]M E[SD]T$/);
  });

  it("draws 90 days of uptime per component, each day described to keyboard and screen reader users", async () => {
    const bars = page.locator(".uptime-bar");
    expect(await bars.count()).toBe(4);
    expect(await bars.first().locator("button.day").count()).toBe(90);
    const bar = page.locator('[data-component="Email ingestion"] .uptime-bar');
    expect(await bar.getAttribute("aria-label")).toMatch(/^Email ingestion uptime, last 90 days: \d+\.\d\d%$/);

    // One tab stop per bar, on today; the tooltip names the incidents of the day.
    const today = bar.locator('button.day[tabindex="0"]');
    await today.focus();
    expect(await today.getAttribute("aria-label")).toMatch(/: Partial outage, 1 incident$/);
    const tooltip = page.locator(`#${await today.getAttribute("aria-describedby")}`);
    expect(await tooltip.getAttribute("role")).toBe("tooltip");
    await expect.poll(() => tooltip.textContent()).toContain("Delayed email ingestion");
    expect(await tooltip.textContent()).toContain("Partial outage");

    await page.keyboard.press("ArrowLeft");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(focused).toMatch(/: (Operational|no data)$/);
  });

  it("passes axe without serious or critical violations", async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("writes a screenshot of the page", async () => {
    // The page as a visitor first sees it: no day focused, no tooltip open.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    await mkdir("test/artifacts", { recursive: true });
    await page.screenshot({ path: "test/artifacts/public-page.png", fullPage: true });
  });
});

describe("incident messages", () => {
  it("shows the server's rendering of the Markdown, with injected HTML inert", async () => {
    const [api] = await createComponents(server, ["API"]);
    const other = await createPage(server, [api!], "Message Test");
    const message = 'Logins **fail**.\n\n<img src=x onerror="window.pwned=1">\n\n<script>window.pwned=2</script>\n\n[details](javascript:window.pwned=3)';
    await publishIncident(server, other.id, [], { message });
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/${other.slug}`);
    const shown = tab.locator(".incident .markdown");
    await shown.waitFor();
    expect(await shown.locator("strong").textContent()).toBe("fail");
    expect(await shown.textContent()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await shown.locator("img, script").count()).toBe(0);
    const link = shown.getByRole("link", { name: "details" });
    expect(await link.getAttribute("href")).toBe("");
    // The page's CSP would also stop inline script; nothing may have run either way.
    await link.click();
    expect(await tab.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await tab.close();
  });
});

describe("incident history", () => {
  it("pages through the relay connection with Load more", async () => {
    const [api] = await createComponents(server, ["API"]);
    const other = await createPage(server, [api!], "History Test");
    for (let i = 1; i <= 12; i++) await publishIncident(server, other.id, [], { name: `Incident ${i}`, status: "RESOLVED" });
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/${other.slug}`);
    const items = tab.locator(".history-item .history-name");
    await expect.poll(() => items.count()).toBe(10);
    expect(await items.first().textContent()).toBe("Incident 12");
    await tab.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => items.count()).toBe(12);
    expect(await items.last().textContent()).toBe("Incident 1");
    expect(await tab.getByRole("button", { name: "Load more" }).count()).toBe(0);
    await tab.close();
  });
});
