// The status pages screens in Chromium: the list with each page's live status,
// and a page's overview "now" as viewers see it. Another operator's publish,
// made through the API, reaches both open screens without a reload.
import { beforeAll, expect, it } from "vitest";
import { publishIncident, publishIncidentUpdate, type Operator } from "../helpers/fixtures.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

let demo: { id: string; components: { id: string; name: string }[] };
let publisher: SignedInOperator;
/** Requests as the publishing operator, by their session cookie. */
let asPublisher: Operator;

const h = useConsoleHarness();
beforeAll(async () => {
  ({ statusPage: demo } = await h.server.ok<{ statusPage: typeof demo }>(`{ statusPage(slug: "demo") { id components { id name } } }`));
  publisher = await h.operator("PUBLISHER", "Pat Publisher");
  asPublisher = { ok: (query, variables) => h.server.ok(query, variables, { cookie: `sg_operator=${publisher.cookie}` }) };
}, 120_000);

it("lists every page with its status, and follows a publish live", async () => {
  const page = await h.openConsole("/console", { role: "VIEWER" });
  const demoRow = page.getByRole("row", { name: /Statusgraph Demo/ });
  await demoRow.waitFor();
  await page.getByRole("row", { name: /Customer Support Operations/ }).waitFor();
  const before = await demoRow.locator(".page-status").textContent();
  expect(before).not.toContain("Full outage");
  await checkA11y(page);

  const incident = await publishIncident(asPublisher, demo.id, [{ componentId: demo.components[0]!.id, impact: "FULL_OUTAGE" }], { name: "List goes red" });
  await expect.poll(() => demoRow.locator(".page-status").textContent(), { timeout: 10_000 }).toContain("Full outage");
  await screenshot(page, "pages-live");
  await publishIncidentUpdate(asPublisher, incident, { status: "RESOLVED", message: "Fixed." });
  await expect.poll(() => demoRow.locator(".page-status").textContent(), { timeout: 10_000 }).toBe(before);
});

it("opens a page's overview from the list: status, ongoing incidents, maintenance, components as viewers see them", async () => {
  const page = await h.openConsole("/console", { role: "VIEWER" });
  await page.getByRole("link", { name: "Statusgraph Demo" }).click();
  await page.waitForURL(`${h.origin}/console/pages/${demo.id}`);
  await page.getByRole("heading", { level: 1, name: "Statusgraph Demo" }).waitFor();
  await page.getByRole("heading", { name: "Components" }).waitFor();
  for (const { name } of demo.components) await page.locator(`[data-component="${name}"]`).waitFor();
  // The demo's ongoing incident and upcoming maintenance.
  await page.getByRole("heading", { name: "Ongoing incidents" }).waitFor();
  await page.getByRole("heading", { name: "Upcoming maintenance" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "page-overview");
});

it("shows another operator's publish on the overview without a reload", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}`, { role: "VIEWER" });
  await page.getByRole("heading", { name: "Components" }).waitFor();
  // Marks this document: a reload would lose it.
  await page.evaluate(() => void ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const target = demo.components[1]!;
  await publishIncident(asPublisher, demo.id, [{ componentId: target.id, impact: "PARTIAL_OUTAGE" }], { name: "Overview sees this" });
  await page.getByRole("heading", { name: "Overview sees this" }).waitFor({ timeout: 10_000 });
  await expect.poll(() => page.locator(`[data-component="${target.name}"] .status`).textContent()).toContain("Partial outage");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await screenshot(page, "page-overview-live");
});

it("an unknown page id shows the not-found screen", async () => {
  const page = await h.openConsole("/console/pages/no-such-page", { role: "VIEWER" });
  await page.getByRole("heading", { name: "Not found" }).waitFor();
  expect(await page.getByText("This status page does not exist").count()).toBe(1);
});
