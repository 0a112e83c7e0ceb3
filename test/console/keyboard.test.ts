// The console by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows; no
// clicks): signing in, the skip link, the runbook's incident and maintenance
// flows, a catalog entry created and ranked, delete confirmations that keep
// focus inside and give it back, and a visible focus ring — each result
// checked through the API.
import type { Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { linkIn } from "../auth/smtp.js";
import { createComponents, publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { checkA11y, liveAnnouncements, pickUpWithKeyboard, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

let publisher: SignedInOperator;
let demo: { id: string; components: { id: string; name: string }[] };

interface StoredIncident {
  name: string;
  status: string;
  currentImpacts: { name: string; impact: string }[];
  updates: { status: string; message: string }[];
}
const INCIDENT = `query ($id: ID!) { incident(id: $id) { name status currentImpacts { name impact } updates { status message } } }`;
const storedIncident = async (id: string) => (await h.server.ok<{ incident: StoredIncident | null }>(INCIDENT, { id })).incident;

const h = useConsoleHarness();
beforeAll(async () => {
  publisher = await h.operator("PUBLISHER", "Kit Keys");
  ({ statusPage: demo } = await h.server.ok<{ statusPage: typeof demo }>(`{ statusPage(slug: "demo") { id components { id name } } }`));
}, 120_000);

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses `key` until `target` has focus; fails when `max` presses do not get there. */
async function tabTo(page: Page, target: Locator, { key = "Tab", max = 80 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(key);
  expect(await isFocused(target), `${target} never got focus by ${key}`).toBe(true);
}

/** The focused element shows a focus indicator: an outline or a box shadow, drawn for :focus-visible. */
async function expectFocusRing(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement!;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    return { tag: el.tagName, focusVisible: el.matches(":focus-visible"), drawn: outline || style.boxShadow !== "none" };
  });
  expect(ring, `focus ring on ${ring.tag}`).toMatchObject({ focusVisible: true, drawn: true });
}

it("signs in by keyboard: the email field, Enter, then the mailed link's button", async () => {
  const kim = await h.operator("VIEWER", "Kim Keys");
  const page = await h.openConsole("/console");
  await page.getByRole("heading", { name: "Sign in to the Statusgraph console" }).waitFor();
  await tabTo(page, page.getByLabel("Work email"));
  await expectFocusRing(page);
  await page.keyboard.type(kim.email);
  await page.keyboard.press("Enter");
  await page.getByText("If that address belongs to an operator, a sign-in link is on its way.").waitFor();
  await page.goto(linkIn(await h.smtp.waitForMail(kim.email)).toString());
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`${h.origin}/console`);
  await expect.poll(() => page.locator(".who").textContent()).toContain("Kim Keys");
}, 90_000);

it("the skip link comes first and moves focus to the content", async () => {
  const page = await h.openConsole("/console/catalog", { as: publisher });
  await page.getByRole("heading", { name: "Catalog", level: 1 }).waitFor();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  expect(await isFocused(skip)).toBe(true);
  const box = (await skip.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  await expectFocusRing(page);
  await screenshot(page, "keyboard-skip-link");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
}, 60_000);

it("publishes an incident by keyboard: Main nav → the page → Publish incident → Review incident → Publish incident", async () => {
  const [first] = demo.components;
  const page = await h.openConsole("/console/catalog", { as: publisher });
  const nav = page.getByRole("navigation", { name: "Main" });
  await tabTo(page, nav.getByRole("link", { name: "Status pages" }));
  await expectFocusRing(page);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Status pages", level: 1 }).waitFor();
  await tabTo(page, page.getByRole("link", { name: "Statusgraph Demo" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Publish incident" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`${h.origin}/console/pages/${demo.id}/incidents/new`);

  await tabTo(page, page.getByLabel("Name", { exact: true }));
  await expectFocusRing(page);
  await page.keyboard.type("Keyboard-only incident");
  await tabTo(page, page.getByRole("radio", { name: "Investigating" }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "Identified" }).isChecked()).toBe(true);
  await tabTo(page, page.getByLabel("Message", { exact: true }));
  await page.keyboard.type("Typed without a mouse.");
  const impact = page.getByLabel(first!.name, { exact: true });
  await tabTo(page, impact);
  // Not affected → No impact → Degraded performance → Partial outage.
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  expect(await impact.inputValue()).toBe("PARTIAL_OUTAGE");
  await tabTo(page, page.getByRole("button", { name: "Review incident" }));
  await page.keyboard.press("Enter");
  const review = page.getByRole("region", { name: "Review" });
  await review.waitFor();
  // Focus moves to the review rather than being lost with the button that went away.
  await expect.poll(() => review.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await tabTo(page, page.getByRole("button", { name: "Publish incident" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/console/pages/${demo.id}/incidents/(?!new)[^/]+$`));
  const id = page.url().split("/").pop()!;
  expect(await storedIncident(id)).toMatchObject({
    name: "Keyboard-only incident",
    status: "IDENTIFIED",
    currentImpacts: [{ name: first!.name, impact: "PARTIAL_OUTAGE" }],
    updates: [{ status: "IDENTIFIED", message: "Typed without a mouse." }],
  });
}, 180_000);

it("updates an incident by keyboard: the status bar, Review update, Publish update", async () => {
  const id = await publishIncident(h.server, demo.id, [], { name: "Keyboard update target" });
  const page = await h.openConsole(`/console/pages/${demo.id}/incidents/${id}`, { as: publisher });
  const statusBar = page.getByRole("button", { name: "Investigating", exact: true });
  await tabTo(page, statusBar);
  await expectFocusRing(page);
  await page.keyboard.press("Space");
  await page.getByRole("form", { name: "Update incident" }).waitFor();
  expect(await statusBar.getAttribute("aria-expanded")).toBe("true");
  await tabTo(page, page.getByRole("radio", { name: "Investigating" }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  expect(await page.getByRole("radio", { name: "Monitoring" }).isChecked()).toBe(true);
  await tabTo(page, page.getByLabel("Message", { exact: true }));
  await page.keyboard.type("A fix is out; watching.");
  await tabTo(page, page.getByRole("button", { name: "Review update" }));
  await page.keyboard.press("Enter");
  const review = page.getByRole("region", { name: "Review" });
  await review.waitFor();
  await expect.poll(() => review.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await tabTo(page, page.getByRole("button", { name: "Publish update" }));
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Monitoring", exact: true }).waitFor();
  expect((await storedIncident(id))!.updates).toEqual([
    { status: "MONITORING", message: "A fix is out; watching." },
    { status: "INVESTIGATING", message: "We are looking into it." },
  ]);
}, 120_000);

/** Types into the focused en-US datetime-local field: month, day and year, then (the year takes more digits) an arrow to the hour, minute and AM/PM. */
async function typeLocalTime(page: Page, date: string, time: string): Promise<void> {
  await page.keyboard.type(date);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(time);
}

it("schedules maintenance by keyboard, the window typed in local time", async () => {
  const [first] = demo.components;
  const page = await h.openConsole(`/console/pages/${demo.id}/maintenance`, { as: publisher });
  await tabTo(page, page.getByRole("button", { name: "Schedule maintenance" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Name"));
  await page.keyboard.type("Keyboard window");
  const auto = page.getByLabel("Automatically update status");
  await tabTo(page, auto);
  await page.keyboard.press("Space");
  expect(await auto.isChecked()).toBe(false);
  // New York is UTC-4 in June.
  await tabTo(page, page.getByLabel("Start"));
  await typeLocalTime(page, "06152031", "1030A");
  await tabTo(page, page.getByLabel("End"));
  await typeLocalTime(page, "06152031", "1130A");
  expect([await page.getByLabel("Start").inputValue(), await page.getByLabel("End").inputValue()]).toEqual(["2031-06-15T10:30", "2031-06-15T11:30"]);
  await tabTo(page, page.getByLabel("Message"));
  await page.keyboard.type("Swapping a switch.");
  const group = page.getByRole("group", { name: first!.name });
  await tabTo(page, group.getByLabel("No impact"));
  await page.keyboard.press("ArrowDown");
  expect(await group.getByLabel("Under maintenance").isChecked()).toBe(true);
  await tabTo(page, page.getByRole("button", { name: "Review", exact: true }));
  await page.keyboard.press("Enter");
  await page.getByRole("region", { name: "Review" }).waitFor();
  await tabTo(page, page.getByRole("button", { name: "Publish maintenance" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/maintenance\/(?!new)[^/]+$/);
  const id = page.url().split("/").pop()!;
  const { maintenance } = await h.server.ok<{
    maintenance: { name: string; startsAt: string; endsAt: string; autoUpdate: boolean; components: { name: string; impact: string }[] };
  }>(`query ($id: ID!) { maintenance(id: $id) { name startsAt endsAt autoUpdate components { name impact } } }`, { id });
  expect(maintenance).toMatchObject({
    name: "Keyboard window",
    startsAt: "2031-06-15T14:30:00.000Z",
    endsAt: "2031-06-15T15:30:00.000Z",
    autoUpdate: false,
  });
  expect(maintenance.components).toContainEqual({ name: first!.name, impact: "UNDER_MAINTENANCE" });
}, 180_000);

interface RankedType {
  id: string;
  entries: { name: string; rank: number | null }[];
}
const rankedType = async () =>
  (await h.server.ok<{ catalogType: RankedType }>(`{ catalogType(name: "Keyboard ranks") { id entries { name rank } } }`)).catalogType;

it("creates a catalog entry and ranks it with the keyboard", async () => {
  await createComponents(h.server, ["Alpha", "Bravo", "Charlie"], "Keyboard ranks");
  const page = await h.openConsole(`/console/catalog/${(await rankedType()).id}`, { role: "EDITOR" });
  await tabTo(page, page.getByRole("button", { name: "Create entry" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("form", { name: /entry$/ }).getByLabel("Name", { exact: true }));
  await page.keyboard.type("Delta");
  await page.keyboard.press("Enter");
  await page.getByRole("listitem", { name: "Delta" }).waitFor();
  await expect.poll(async () => (await rankedType()).entries.map((e) => e.name)).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);

  await tabTo(page, page.getByRole("button", { name: "Move Delta" }));
  await expectFocusRing(page);
  await pickUpWithKeyboard(page, "Delta");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => liveAnnouncements(page)).toContainEqual("Delta is over position 3 of 4.");
  await page.keyboard.press("Space");
  await expect
    .poll(async () => (await rankedType()).entries.map((e) => [e.name, e.rank]))
    .toEqual([
      ["Alpha", 0],
      ["Bravo", 1],
      ["Delta", 2],
      ["Charlie", 3],
    ]);
}, 120_000);

/**
 * With the confirmation `dialog` open: Tab and Shift+Tab keep focus inside it, Escape closes it and focus goes
 * back to `opener`.
 */
async function expectModalConfirmation(page: Page, dialog: Locator, opener: Locator): Promise<void> {
  await dialog.waitFor();
  const inside = () => dialog.evaluate((el) => el.contains(document.activeElement));
  await expect.poll(inside, { message: "focus moves into the dialog" }).toBe(true);
  const stops = await dialog.locator("button:not([disabled]), a[href], input, select, textarea").count();
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press(key);
      expect(await inside(), `focus left the dialog after ${key} × ${i + 1}`).toBe(true);
    }
  }
  await checkA11y(page);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => isFocused(opener), { message: "focus back on the control that opened it" }).toBe(true);
}

it("the incident's delete confirmation keeps focus, closes on Escape and deletes nothing", async () => {
  const id = await publishIncident(h.server, demo.id, [], { name: "Not to be deleted" });
  const page = await h.openConsole(`/console/pages/${demo.id}/incidents/${id}`, { as: publisher });
  const more = page.getByRole("button", { name: "More actions" });
  await tabTo(page, more);
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Delete status page incident" }));
  await page.keyboard.press("Enter");
  await expectModalConfirmation(page, page.getByRole("dialog", { name: "Delete “Not to be deleted”?" }), more);
  expect((await storedIncident(id))?.name).toBe("Not to be deleted");
}, 90_000);

it("the maintenance's delete confirmation keeps focus, closes on Escape and deletes nothing", async () => {
  const window = { startsAt: "2031-01-10T10:00:00Z", endsAt: "2031-01-10T11:00:00Z" };
  const id = await scheduleMaintenance(h.server, demo.id, window, [], { name: "Stays scheduled" });
  const page = await h.openConsole(`/console/pages/${demo.id}/maintenance/${id}`, { as: publisher });
  const more = page.getByRole("button", { name: "More actions" });
  await tabTo(page, more);
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Delete status page incident" }));
  await page.keyboard.press("Enter");
  await expectModalConfirmation(page, page.getByRole("dialog", { name: "Delete “Stays scheduled”?" }), more);
  const { maintenance } = await h.server.ok<{ maintenance: { name: string } | null }>(`query ($id: ID!) { maintenance(id: $id) { name } }`, { id });
  expect(maintenance?.name).toBe("Stays scheduled");
}, 90_000);

it("a catalog entry's delete confirmation keeps focus, closes on Escape and deletes nothing", async () => {
  const page = await h.openConsole(`/console/catalog/${(await rankedType()).id}`, { role: "EDITOR" });
  const opener = page.getByRole("button", { name: "Delete Alpha" });
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  await expectModalConfirmation(page, page.getByRole("dialog", { name: "Delete “Alpha”?" }), opener);
  expect((await rankedType()).entries.map((e) => e.name)).toContain("Alpha");
}, 90_000);

it("disabling an operator asks in a dialog that keeps focus, closes on Escape and changes nothing", async () => {
  const target = await h.operator("VIEWER", "Dana Dialog");
  const page = await h.openConsole("/console/admin/operators", { role: "ADMIN" });
  const opener = page.getByRole("button", { name: "Disable Dana Dialog" });
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  await expectModalConfirmation(page, page.getByRole("dialog"), opener);
  const { operators } = await h.server.ok<{ operators: { edges: { node: { email: string; disabledAt: string | null } }[] } }>(
    `{ operators(first: 100) { edges { node { email disabledAt } } } }`,
  );
  expect(operators.edges.find((e) => e.node.email === target.email)?.node.disabledAt).toBeNull();
}, 90_000);

it("shows a focus ring on links, buttons and fields in dark and light", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    const page = await h.openConsole(`/console/pages/${demo.id}/incidents/new`, { as: publisher, colorScheme });
    for (const target of [
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }),
      page.getByRole("button", { name: "Sign out" }),
      page.getByLabel("Name", { exact: true }),
      page.getByRole("button", { name: "Review incident" }),
    ]) {
      await tabTo(page, target);
      await expectFocusRing(page);
    }
    await screenshot(page, `keyboard-focus-ring-${colorScheme}`);
  }
}, 90_000);
