// The console says when its live connection is down: a relay between Chromium and the
// server cuts every connection; the banner appears, a change made meanwhile shows once
// the connection is back, and the banner goes.
import { expect, it } from "vitest";
import { publishIncident } from "../helpers/fixtures.js";
import { relay } from "../web/proxy.js";
import { checkA11y, screenshot, useConsoleHarness } from "./harness.js";

const h = useConsoleHarness();

it("shows Reconnecting while the live connection is down, then catches up and hides it", async () => {
  const { statusPage: demo } = await h.server.ok<{ statusPage: { id: string; components: { id: string; name: string }[] } }>(
    `{ statusPage(slug: "demo") { id components { id name } } }`,
  );
  const outage = await relay(new URL(h.origin));
  try {
    const page = await h.openConsole(`/console/pages/${demo.id}`, { role: "VIEWER", origin: outage.origin });
    const banner = page.locator(".reconnecting-banner");
    await page.locator('.reconnecting-banner[data-state="connected"]').waitFor({ state: "attached", timeout: 60_000 });
    expect(await banner.textContent()).toBe("");

    outage.cut();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain("Reconnecting…");
    await checkA11y(page);
    await screenshot(page, "reconnecting");

    const phone = demo.components.find((c) => c.name === "Phone line")!;
    await publishIncident(h.server, demo.id, [{ componentId: phone.id, impact: "FULL_OUTAGE" }], { name: "Phone line down" });
    expect(await page.getByText("Phone line down").count()).toBe(0);

    outage.restore();
    await page.getByText("Phone line down").first().waitFor({ timeout: 60_000 });
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toBe("");
    expect(await banner.getAttribute("data-state")).toBe("connected");
  } finally {
    await outage.close();
  }
}, 240_000);
