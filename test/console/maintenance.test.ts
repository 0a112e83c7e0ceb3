// The maintenance screens in Chromium, in Berlin: scheduling by the runbook's
// steps with the window entered in local time and stored as the right instant,
// the service's own start followed live, updating, deleting, validation, roles
// and a stale-version conflict between two operators.
import { beforeAll, expect, it } from "vitest";
import { testClock } from "../helpers/app.js";
import { scheduleMaintenance, type Operator } from "../helpers/fixtures.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
const BERLIN = "Europe/Berlin";
let demo: { id: string; slug: string; components: { id: string; name: string }[] };
let publisher: SignedInOperator;
let asPublisher: Operator;

const MAINTENANCE = `query ($id: ID!) { maintenance(id: $id) { id name status startsAt endsAt autoUpdate version components { name impact } updates { status message } } }`;
interface Stored {
  id: string;
  name: string;
  status: string;
  startsAt: string;
  endsAt: string;
  autoUpdate: boolean;
  version: number;
  components: { name: string; impact: string }[];
  updates: { status: string; message: string }[];
}
const stored = async (id: string) => (await h.server.ok<{ maintenance: Stored | null }>(MAINTENANCE, { id })).maintenance;

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  ({ statusPage: demo } = await h.server.ok<{ statusPage: typeof demo }>(`{ statusPage(slug: "demo") { id slug components { id name } } }`));
  publisher = await h.operator("PUBLISHER", "Pat Publisher");
  asPublisher = { ok: (query, variables) => h.server.ok(query, variables, { cookie: `sg_operator=${publisher.cookie}` }) };
}, 120_000);

it("schedules maintenance by the runbook's steps, in local time, and the service starts it live", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}`, { as: publisher, timezoneId: BERLIN });
  await page.getByRole("link", { name: "Maintenance", exact: true }).click();
  await page.getByRole("heading", { name: "Scheduled" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "maintenance-list");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await page.getByLabel("Name").fill("Database upgrade");
  expect(await page.getByLabel("Automatically update status").isChecked()).toBe(true);
  expect(await page.getByLabel("Notify subscribers").isChecked()).toBe(true);
  // 12:00–14:00 in Berlin in June (UTC+02:00) is 10:00–12:00 UTC.
  await page.getByLabel("Start").fill("2030-06-01T12:00");
  await page.getByLabel("End").fill("2030-06-01T14:00");
  expect(await page.getByTestId("zone").textContent()).toContain("Europe/Berlin (UTC+02:00)");
  await page.getByLabel("Message").fill("We upgrade the **primary database**.");
  const target = demo.components[0]!;
  await page.getByRole("group", { name: target.name }).getByLabel("Under maintenance").check();
  await page.getByRole("button", { name: "Review", exact: true }).click();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("heading", { name: "Database upgrade" }).waitFor();
  // The message rendered by the public page's renderer, and the API's count.
  expect(await review.locator("strong").textContent()).toBe("primary database");
  expect(await page.getByTestId("notified").textContent()).toMatch(/^\d+ subscribers? will be notified\.$/);
  expect(await page.getByTestId("notified-webhooks").textContent()).toBe("0 webhook endpoints will be notified.");
  await checkA11y(page);
  await screenshot(page, "maintenance-review");
  await page.getByRole("button", { name: "Publish maintenance" }).click();
  await page.waitForURL(/\/maintenance\/(?!new)[^/]+$/);
  const id = page.url().split("/").pop()!;
  const m = await stored(id);
  expect(m).toMatchObject({
    name: "Database upgrade",
    status: "SCHEDULED",
    startsAt: "2030-06-01T10:00:00.000Z",
    endsAt: "2030-06-01T12:00:00.000Z",
    autoUpdate: true,
  });
  expect(m!.components).toContainEqual({ name: target.name, impact: "UNDER_MAINTENANCE" });
  await page.getByRole("heading", { name: "Timeline" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "maintenance-detail");

  // The public page shows it as upcoming.
  const viewer = await h.openConsole(`/${demo.slug}`);
  await viewer.getByRole("heading", { name: "Database upgrade" }).waitFor();

  // The list moves it to In progress when the service starts it, without a reload.
  await page.getByRole("link", { name: "Back to maintenance" }).click();
  const scheduled = page.locator('[data-list="scheduled"]');
  const inProgress = page.locator('[data-list="in-progress"]');
  await scheduled.getByRole("heading", { name: "Database upgrade" }).waitFor();
  await page.evaluate(() => void ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  clock.set("2030-06-01T10:00:01Z");
  await h.server.app.scheduler.tick();
  await inProgress.getByRole("heading", { name: "Database upgrade" }).waitFor({ timeout: 10_000 });
  expect(await scheduled.getByRole("heading", { name: "Database upgrade" }).count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect((await stored(id))!.status).toBe("IN_PROGRESS");
  await screenshot(page, "maintenance-list-live");
});

it("publishes an update from the status bar and deletes by the runbook's steps", async () => {
  const id = await scheduleMaintenance(asPublisher, demo.id, { startsAt: "2030-07-01T10:00:00Z", endsAt: "2030-07-01T11:00:00Z" }, [], { name: "Cache flush" });
  const page = await h.openConsole(`/console/pages/${demo.id}/maintenance/${id}`, { as: publisher, timezoneId: BERLIN });
  await page.getByRole("button", { name: "Status: Scheduled" }).click();
  await page.getByLabel("Status", { exact: true }).selectOption("IN_PROGRESS");
  await page.getByLabel("Message").fill("Started early.");
  await page.getByRole("button", { name: "Review update" }).click();
  await page.getByRole("region", { name: "Review" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "maintenance-update-review");
  await page.getByRole("button", { name: "Publish update" }).click();
  await page.getByRole("button", { name: "Status: In progress" }).waitFor();
  await expect.poll(async () => (await stored(id))!.updates[0]).toEqual({ status: "IN_PROGRESS", message: "Started early." });

  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("button", { name: "Delete status page incident" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Cache flush”?" });
  await dialog.waitFor();
  await checkA11y(page);
  await screenshot(page, "maintenance-delete");
  await dialog.getByRole("button", { name: "Delete incident" }).click();
  await page.waitForURL(`${h.origin}/console/pages/${demo.id}/maintenance`);
  await expect.poll(() => stored(id)).toBeNull();
});

it("shows validation next to its field, and hides scheduling from viewers", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}/maintenance/new`, { as: publisher, timezoneId: BERLIN });
  await page.getByLabel("Start").fill("2030-08-01T12:00");
  await page.getByLabel("End").fill("2030-08-01T11:00");
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await page.getByRole("alert").waitFor();
  expect(await page.locator("#error-input-name").textContent()).toContain("Enter a name");
  expect(await page.getByLabel("End").getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#error-input-endsAt").textContent()).toContain("after the start");
  expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
  await checkA11y(page);
  await screenshot(page, "maintenance-validation");

  const viewer = await h.openConsole(`/console/pages/${demo.id}/maintenance`, { role: "VIEWER" });
  await viewer.getByRole("heading", { name: "Scheduled" }).waitFor();
  expect(await viewer.getByRole("button", { name: "Schedule maintenance" }).count()).toBe(0);
});

it("shows what changed when another operator updated it first", { timeout: 60_000 }, async () => {
  const id = await scheduleMaintenance(asPublisher, demo.id, { startsAt: "2030-09-01T10:00:00Z", endsAt: "2030-09-01T11:00:00Z" }, [], {
    name: "Network swap",
  });
  const path = `/console/pages/${demo.id}/maintenance/${id}`;
  const first = await h.openConsole(path, { as: publisher, timezoneId: BERLIN });
  const second = await h.openConsole(path, { role: "PUBLISHER", timezoneId: BERLIN });
  for (const p of [first, second]) {
    await p.getByRole("button", { name: "Status: Scheduled" }).click();
    await p.getByLabel("Message").fill(p === first ? "From the first." : "From the second.");
  }
  await second.getByRole("button", { name: "Review update" }).click();
  await second.getByRole("button", { name: "Publish update" }).click();
  await expect.poll(async () => (await stored(id))!.version).toBe(2);

  await first.getByRole("button", { name: "Review update" }).click();
  const notice = first.getByRole("region", { name: "Changed since you opened it" });
  const publish = first.getByRole("button", { name: "Publish update" });
  // A review may pass; the publish from the old version is refused.
  await notice.or(publish).waitFor();
  if (await publish.isVisible()) await publish.click();
  await notice.waitFor();
  expect(await notice.textContent()).toContain("Publisher operator");
  await checkA11y(first);
  await screenshot(first, "maintenance-stale");
  await notice.getByRole("button", { name: "Reload" }).click();
  await first.getByText("Version 2.").waitFor();
});
