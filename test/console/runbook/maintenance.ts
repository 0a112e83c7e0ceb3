// Runbook, "Working with maintenance": scheduled in the operator's local time
// (Berlin) with Automatically update status, started by the service's scheduler
// when the clock reaches the window (seen live on the page overview and the
// viewer's sub-page), then updated and deleted from its own screen.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { checkA11y, screenshot } from "../harness.js";
import { markDocument, openStatusPage, sameDocument, type Runbook, type RunbookPage, WAIT } from "./context.js";

const NAME = "Zendesk upgrade";
// 12:00–14:00 in Berlin in June (UTC+02:00).
const STARTS_AT = "2030-06-01T10:00:00.000Z";
const ENDS_AT = "2030-06-01T12:00:00.000Z";

interface StoredMaintenance {
  name: string;
  status: string;
  startsAt: string;
  endsAt: string;
  autoUpdate: boolean;
  components: { name: string; impact: string }[];
  updates: { status: string; message: string }[];
}
const MAINTENANCE = `query ($id: ID!) { maintenance(id: $id) { name status startsAt endsAt autoUpdate components { name impact } updates { status message } } }`;
const stored = async (run: Runbook, id: string) => (await run.h.server.ok<{ maintenance: StoredMaintenance | null }>(MAINTENANCE, { id })).maintenance;

/** The maintenance's card in the section headed `section` ("Upcoming maintenance", "Maintenance in progress"). */
const cardIn = (page: Page, section: string) => page.getByRole("region", { name: section }).getByRole("heading", { name: NAME });

async function schedule(run: Runbook, target: RunbookPage): Promise<string> {
  const page = run.console;
  await openStatusPage(run, target.title);
  await page.getByRole("link", { name: "Maintenance", exact: true }).click();
  await page.getByRole("heading", { name: "Scheduled" }).waitFor();
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel("Automatically update status").check();
  await page.getByLabel("Start").fill("2030-06-01T12:00");
  await page.getByLabel("End").fill("2030-06-01T14:00");
  expect(await page.getByTestId("zone").textContent()).toContain("Europe/Berlin (UTC+02:00)");
  await page.getByLabel("Message").fill("Zendesk moves to its **new version**; tickets may be slow to load.");
  await page.getByRole("group", { name: "Zendesk" }).getByLabel("Under maintenance").check();
  await page.getByRole("group", { name: "Chat" }).getByLabel("No impact").check();
  await checkA11y(page);
  await screenshot(page, "runbook-4-maintenance-form");
  await page.getByRole("button", { name: "Review", exact: true }).click();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("heading", { name: NAME }).waitFor();
  expect(await review.locator("strong").textContent()).toBe("new version");
  await checkA11y(page);
  await screenshot(page, "runbook-4-maintenance-review");

  await page.getByRole("button", { name: "Publish maintenance" }).click();
  await page.waitForURL(/\/maintenance\/(?!new)[^/]+$/);
  const id = page.url().split("/").pop()!;
  const m = await stored(run, id);
  expect(m).toMatchObject({ name: NAME, status: "SCHEDULED", startsAt: STARTS_AT, endsAt: ENDS_AT, autoUpdate: true });
  expect(m!.components).toContainEqual({ name: "Zendesk", impact: "UNDER_MAINTENANCE" });
  expect(m!.components).not.toContainEqual(expect.objectContaining({ name: "Chat", impact: "UNDER_MAINTENANCE" }));
  // The viewer, in New York, finds it announced for the same instant (an upcoming window moves no status, so nothing is pushed live).
  await expect
    .poll(
      async () => {
        await target.viewer.reload();
        await target.viewer.locator(".component-name").first().waitFor();
        return cardIn(target.viewer, "Upcoming maintenance").count();
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(1);
  expect(await target.viewer.locator(".maintenance time").first().getAttribute("datetime")).toBe(STARTS_AT);
  return id;
}

/** The clock reaches the window and the scheduler runs: the overview and the sub-page show it in progress, unreloaded. */
async function startAutomatically(run: Runbook, target: RunbookPage, id: string): Promise<void> {
  const page = run.console;
  await page.getByRole("link", { name: "Back to maintenance" }).click();
  await page.getByRole("link", { name: "Back to the page overview" }).click();
  await cardIn(page, "Upcoming maintenance").waitFor();
  await checkA11y(page);
  await screenshot(page, "runbook-4-overview-upcoming");
  await markDocument(page);
  await markDocument(target.viewer);

  run.clock.set("2030-06-01T10:00:01Z");
  await run.h.server.app.scheduler.tick();
  await cardIn(page, "Maintenance in progress").waitFor({ timeout: 30_000 });
  expect(await cardIn(page, "Upcoming maintenance").count()).toBe(0);
  expect(await sameDocument(page)).toBe(true);
  expect((await stored(run, id))!.status).toBe("IN_PROGRESS");
  await checkA11y(page);
  await screenshot(page, "runbook-4-overview-in-progress");

  await cardIn(target.viewer, "Maintenance in progress").waitFor({ timeout: 30_000 });
  expect(await sameDocument(target.viewer)).toBe(true);
  await screenshot(target.viewer, "runbook-4-viewer-in-progress");
}

async function updateAndDelete(run: Runbook, target: RunbookPage, id: string): Promise<void> {
  const page = run.console;
  await openStatusPage(run, target.title);
  await page.getByRole("link", { name: "Maintenance", exact: true }).click();
  await page.getByRole("link", { name: `Open ${NAME}` }).click();
  await page.getByRole("button", { name: "Status: In progress" }).click();
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Completed" });
  await page.getByLabel("Message").fill("The upgrade is done, ahead of time.");
  await page.getByRole("button", { name: "Review update" }).click();
  await page.getByRole("region", { name: "Review" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "runbook-4-maintenance-update");
  await page.getByRole("button", { name: "Publish update" }).click();
  await page.getByRole("button", { name: "Status: Completed" }).waitFor();
  const done = (await stored(run, id))!;
  expect(done.status).toBe("COMPLETE");
  expect(done.updates[0]).toEqual({ status: "COMPLETE", message: "The upgrade is done, ahead of time." });

  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("button", { name: "Delete status page incident" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${NAME}”?` });
  await dialog.waitFor();
  await checkA11y(page);
  await screenshot(page, "runbook-4-maintenance-delete");
  await dialog.getByRole("button", { name: "Delete incident" }).click();
  await page.waitForURL(`${run.h.origin}/console/pages/${target.id}/maintenance`);
  await expect.poll(() => stored(run, id), WAIT).toBeNull();
  await page.getByRole("heading", { name: "Completed" }).waitFor();
  await expect.poll(() => page.getByRole("link", { name: `Open ${NAME}` }).count(), WAIT).toBe(0);
}

/** Step 4: maintenance from scheduling to deletion. */
export async function walkMaintenance(run: Runbook, target: RunbookPage): Promise<void> {
  const id = await schedule(run, target);
  await startAutomatically(run, target, id);
  await updateAndDelete(run, target, id);
}
