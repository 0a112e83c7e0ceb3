// Live updates in a real browser: a change published through the API shows on
// an open page without a reload, also after the connection was cut.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishIncident } from "../helpers/fixtures.js";
import { subscribeWs, wsClient } from "../helpers/live.js";
import { launchBrowser, seriousA11yViolations, startDemoServer, type Browser, type DemoServer } from "./browser.js";
import { relay } from "./proxy.js";

const PUBLISH_UPDATE = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }
`;

interface Demo {
  statusPage: { id: string; incidents: { id: string }[]; components: { id: string; name: string }[] };
}

let server: DemoServer;
let browser: Browser;
let demo: Demo["statusPage"];

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  ({ statusPage: demo } = await server.ok<Demo>(`{ statusPage(slug: "demo") { id incidents { id } components { id name } } }`));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openLive(origin: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/demo`);
  await page.locator('.connection[data-state="connected"]').waitFor({ state: "attached" });
  // Set once; a reload would lose it.
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  return page;
}

const loadedOnce = (page: Page) => page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce === true);
const banner = (page: Page) => page.locator("#overall-status").textContent();

describe("a status page left open", () => {
  it("shows a published incident update, then the resolution, without reloading", async () => {
    const page = await openLive(server.origin);
    const incidentId = demo.incidents[0]!.id;
    const card = page.locator(`[data-incident="${incidentId}"]`);

    await server.ok(PUBLISH_UPDATE, { input: { incidentId, status: "MONITORING", message: "A fix is deployed; **watching** closely." } });
    await expect.poll(() => card.locator(".update-head strong").first().textContent()).toBe("Monitoring");
    expect(await card.locator(".update").first().locator(".markdown strong").textContent()).toBe("watching");
    expect(await card.locator(".incident-meta .pill").textContent()).toBe("Monitoring");

    await server.ok(PUBLISH_UPDATE, { input: { incidentId, status: "RESOLVED", message: "Emails arrive on time again." } });
    await expect.poll(() => banner(page)).toBe("All systems operational");
    expect(await page.locator(".incidents").count()).toBe(0);
    expect(await page.locator('[data-component="Email ingestion"] .status').textContent()).toContain("Operational");
    // History and uptime are refetched after a short random delay.
    await expect.poll(() => page.locator(".history-item .pill").first().textContent(), { timeout: 10_000 }).toBe("Resolved");
    expect(await loadedOnce(page)).toBe(true);
    await page.close();
  });

  it("says it is reconnecting while the connection is down, and shows what changed meanwhile", async () => {
    const outage = await relay(new URL(server.origin));
    try {
      const page = await openLive(outage.origin);
      expect(await page.locator(".connection").textContent()).toBe("");
      outage.cut();
      await expect.poll(() => page.locator(".connection").textContent()).toBe("Reconnecting…");

      // A viewer still connected is the barrier: once the change has reached it, it would have reached the page too.
      const ws = wsClient(`${server.origin}/graphql`);
      const connected = subscribeWs(ws, `subscription { pageStatus(pageSlug: "demo") { status } }`);
      await connected.inbox.next();
      const phone = demo.components.find((c) => c.name === "Phone line")!;
      await publishIncident(server, demo.id, [{ componentId: phone.id, impact: "FULL_OUTAGE" }], { name: "Phone line down" });
      await connected.inbox.until((m) => m.data?.pageStatus.status === "FULL_OUTAGE");
      connected.stop();
      await ws.dispose();
      expect(await banner(page)).not.toBe("Full outage");

      outage.restore();
      await expect.poll(() => banner(page), { timeout: 15_000 }).toBe("Full outage");
      expect(await page.locator(".connection").textContent()).toBe("");
      expect(await page.locator(".incidents h3").allTextContents()).toContain("Phone line down");
      expect(await page.locator('[data-component="Phone line"] .status').textContent()).toContain("Full outage");
      expect(await loadedOnce(page)).toBe(true);
      await page.close();
    } finally {
      await outage.close();
    }
  });

  it("keeps the embed widget live, without page chrome", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/embed/demo`);
    await expect.poll(() => page.locator("h1").textContent()).toContain("Full outage");
    expect(await page.locator(".embed-components li").allInnerTexts()).toHaveLength(4);
    expect(await page.locator("header, footer, .site-header").count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const { statusPage } = await server.ok<Demo>(`{ statusPage(slug: "demo") { id incidents { id } components { id name } } }`);
    for (const { id } of statusPage.incidents) await server.ok(PUBLISH_UPDATE, { input: { incidentId: id, status: "RESOLVED", message: "Back." } });
    await expect.poll(() => page.locator("h1").textContent()).toContain("All systems operational");
    await page.close();
  });
});
