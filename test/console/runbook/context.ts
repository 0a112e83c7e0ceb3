// What every step of the runbook walk shares: the harness, the admin's console
// tab (in Berlin), the clock the service runs on, and the signed-in viewer's tab.
import type { Page } from "playwright-core";
import type { testClock } from "../../helpers/app.js";
import type { ConsoleHarness } from "../harness.js";

/** For polls: they wait on the browser and the server, and the machine may be busy. */
export const WAIT = { timeout: 30_000 };

export interface Runbook {
  h: ConsoleHarness;
  /** The admin's console, one tab for the whole walk, as the runbook's operator clicks through it. */
  console: Page;
  clock: ReturnType<typeof testClock>;
}

/** The customer page the walk creates, and its viewer's tab on sub-page "main". */
export interface RunbookPage {
  id: string;
  slug: string;
  title: string;
  viewer: Page;
}

/** Navigates the console to the status page through the main navigation, as "Navigate to Status pages → Click on the status page". */
export async function openStatusPage(run: Runbook, title: string): Promise<void> {
  const page = run.console;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status pages" }).click();
  await page.getByRole("heading", { name: "Status pages", level: 1 }).waitFor();
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

/** Marks the tab's document, so a later `sameDocument(page)` proves nothing reloaded it meanwhile. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => void ((window as unknown as { runbookMark: boolean }).runbookMark = true));
}

/** True while the tab still shows the document `markDocument` marked. */
export async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { runbookMark?: boolean }).runbookMark === true);
}
