// Runbook, "Working with incidents": publish (form → Review incident → Publish
// incident), update from the status bar, resolve, delete through `...` — each
// checked through the API and, live, on the viewer's sub-page.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { checkA11y, screenshot } from "../harness.js";
import { markDocument, openStatusPage, sameDocument, type Runbook, type RunbookPage, WAIT } from "./context.js";

const NAME = "Zendesk tickets are delayed";

interface StoredIncident {
  name: string;
  status: string;
  resolvedAt: string | null;
  currentImpacts: { name: string; impact: string }[];
  updates: { status: string; message: string }[];
}
const INCIDENT = `query ($id: ID!) { incident(id: $id) { name status resolvedAt currentImpacts { name impact } updates { status message } } }`;
const stored = async (run: Runbook, id: string) => (await run.h.server.ok<{ incident: StoredIncident | null }>(INCIDENT, { id })).incident;

/** The incident's card on the viewer's sub-page. */
const card = (viewer: Page) => viewer.locator(".incident", { hasText: NAME });

async function publish(run: Runbook, target: RunbookPage): Promise<string> {
  const page = run.console;
  await openStatusPage(run, target.title);
  await page.getByRole("button", { name: "Publish incident" }).click();
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByRole("radio", { name: "Investigating" }).check();
  await page.getByLabel("Message", { exact: true }).fill("New tickets reach agents **minutes** late.");
  await page.getByRole("region", { name: "Rendered preview" }).locator("strong", { hasText: "minutes" }).waitFor();
  await page.getByLabel("Zendesk", { exact: true }).selectOption({ label: "Partial outage" });
  await page.getByLabel("Chat", { exact: true }).selectOption({ label: "No impact" });
  await checkA11y(page);
  await screenshot(page, "runbook-3-incident-form");
  await page.getByRole("button", { name: "Review incident" }).click();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("heading", { name: NAME }).waitFor();
  expect(await review.locator(".component-changes").textContent()).toContain("Zendesk: Operational → Partial outage");
  await checkA11y(page);
  await screenshot(page, "runbook-3-incident-review");

  await markDocument(target.viewer);
  await page.getByRole("button", { name: "Publish incident" }).click();
  await page.waitForURL(new RegExp(`/console/pages/${target.id}/incidents/(?!new)[^/]+$`));
  const id = page.url().split("/").pop()!;
  await page.getByRole("heading", { name: NAME, level: 1 }).waitFor();
  expect(await stored(run, id)).toMatchObject({
    name: NAME,
    status: "INVESTIGATING",
    currentImpacts: [{ name: "Zendesk", impact: "PARTIAL_OUTAGE" }],
    updates: [{ status: "INVESTIGATING", message: "New tickets reach agents **minutes** late." }],
  });
  // The viewer's open sub-page shows it without being reloaded.
  await card(target.viewer).locator("strong", { hasText: "minutes" }).waitFor();
  expect(await sameDocument(target.viewer)).toBe(true);
  await checkA11y(target.viewer);
  await screenshot(target.viewer, "runbook-3-viewer-incident");
  return id;
}

/** Clicks the status bar (saying `from`), picks `to`, writes `message`, Review update → Publish update. */
async function update(page: Page, from: string, to: string, message: string, shot: string): Promise<void> {
  await page.getByRole("button", { name: from, exact: true }).click();
  await page.getByRole("radio", { name: to }).check();
  await page.getByLabel("Message", { exact: true }).fill(message);
  await page.getByRole("button", { name: "Review update" }).click();
  await page.getByRole("region", { name: "Review" }).getByText(message).first().waitFor();
  await checkA11y(page);
  await screenshot(page, shot);
  await page.getByRole("button", { name: "Publish update" }).click();
  await page.getByRole("button", { name: to, exact: true }).waitFor();
}

async function updateAndResolve(run: Runbook, target: RunbookPage, id: string): Promise<void> {
  const page = run.console;
  await openStatusPage(run, target.title);
  await page.getByRole("navigation", { name: "Ongoing incidents" }).getByRole("link", { name: NAME }).click();
  await page.getByRole("heading", { name: NAME, level: 1 }).waitFor();

  await update(page, "Investigating", "Identified", "A mail relay is queueing tickets; we are draining it.", "runbook-3-incident-update");
  const identified = await stored(run, id);
  expect(identified).toMatchObject({ status: "IDENTIFIED", currentImpacts: [{ name: "Zendesk", impact: "PARTIAL_OUTAGE" }] });
  expect(identified!.updates.map((u) => u.status)).toEqual(["IDENTIFIED", "INVESTIGATING"]);
  await card(target.viewer).getByText("A mail relay is queueing tickets; we are draining it.").waitFor();

  await update(page, "Identified", "Resolved", "Tickets arrive on time again.", "runbook-3-incident-resolve");
  const resolved = await stored(run, id);
  expect(resolved).toMatchObject({ status: "RESOLVED", currentImpacts: [] });
  expect(resolved!.resolvedAt).not.toBeNull();
  // Live, the sub-page moves it from the ongoing incidents to its history, as resolved.
  await target.viewer.locator(".history-item", { hasText: NAME }).getByText("Resolved", { exact: true }).waitFor();
  await expect.poll(() => card(target.viewer).count(), WAIT).toBe(0);
  expect(await sameDocument(target.viewer)).toBe(true);
}

async function remove(run: Runbook, target: RunbookPage, id: string): Promise<void> {
  const page = run.console;
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("button", { name: "Delete status page incident" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: `Delete “${NAME}”?` }).waitFor();
  await checkA11y(page);
  await screenshot(page, "runbook-3-incident-delete");
  await dialog.getByRole("button", { name: "Delete incident" }).click();
  await page.waitForURL(`${run.h.origin}/console/pages/${target.id}/incidents`);
  expect(await stored(run, id)).toBeNull();
  // Gone from the viewer's sub-page, its history included, once the page's short cache has expired.
  await expect
    .poll(
      async () => {
        await target.viewer.reload();
        await target.viewer.locator(".component-name").first().waitFor();
        return target.viewer.getByText(NAME).count();
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(0);
}

/** Step 3: an incident from publication to deletion. */
export async function walkIncident(run: Runbook, target: RunbookPage): Promise<void> {
  const id = await publish(run, target);
  await updateAndResolve(run, target, id);
  await remove(run, target, id);
}
