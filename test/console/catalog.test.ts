// The catalog screens in Chromium: both runbook catalogs built by clicking (a
// ranked components type with entries, a groups type whose group selects
// components and allows gitlab.com), the "in use by" refusal, ranking by mouse
// and by keyboard, and read-only access for lower roles.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { testClock } from "../helpers/app.js";
import { checkA11y, liveAnnouncements, pickUpWithKeyboard, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
let editor: SignedInOperator;

interface StoredType {
  id: string;
  name: string;
  description: string;
  categories: string[];
  ranked: boolean;
  referenceByName: boolean;
  attributes: { name: string; kind: string; multiple: boolean; referencedType: { name: string } | null }[];
  entries: { id: string; name: string; rank: number | null; values: { attribute: { name: string }; texts: string[]; entries: { name: string }[] }[] }[];
}
const TYPE = `query ($name: String) { catalogType(name: $name) { id name description categories ranked referenceByName
  attributes { name kind multiple referencedType { name } }
  entries { id name rank values { attribute { name } texts entries { name } } } } }`;
const stored = async (name: string) => (await h.server.ok<{ catalogType: StoredType | null }>(TYPE, { name })).catalogType;
const entryNames = async (name: string) => (await stored(name))!.entries.map((e) => e.name);

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  editor = await h.operator("EDITOR", "Eddie Editor");
}, 120_000);

async function addType(page: Page, name: string, description: string) {
  await page.getByRole("button", { name: "Add a custom type" }).click();
  const form = page.getByRole("form", { name: "Add a custom type" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "+ Services" }).click();
  await form.getByLabel("Are entries of this type ranked?").check();
  await form.getByLabel("Reference entries by name").check();
  return form;
}

async function createEntry(page: Page, name: string) {
  await page.getByRole("button", { name: "Create entry" }).click();
  const form = page.getByRole("form", { name: /entry$/ });
  await form.getByLabel("Name", { exact: true }).fill(name);
  return form;
}

it("builds the components catalog by the runbook's steps", async () => {
  const page = await h.openConsole("/console/catalog", { as: editor });
  await page.getByRole("heading", { name: "Catalog", level: 1 }).waitFor();
  await checkA11y(page);
  await screenshot(page, "catalog-types");
  const form = await addType(page, "Support components", "Everything support reports outages on");
  await checkA11y(page);
  await screenshot(page, "catalog-add-type");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Catalog · Support components" }).waitFor();
  for (const name of ["Zendesk", "Email", "Chat"]) {
    const entry = await createEntry(page, name);
    await entry.getByRole("button", { name: "Create" }).click();
    await page.getByRole("listitem", { name }).waitFor();
  }
  await checkA11y(page);
  await screenshot(page, "catalog-type-entries");
  const type = await stored("Support components");
  expect(type).toMatchObject({ description: "Everything support reports outages on", categories: ["Services"], ranked: true, referenceByName: true });
  expect(type!.entries.map((e) => [e.name, e.rank])).toEqual([
    ["Zendesk", 0],
    ["Email", 1],
    ["Chat", 2],
  ]);
}, 90_000);

it("builds the groups catalog: a group selecting components, with gitlab.com as email domain", async () => {
  const page = await h.openConsole("/console/catalog", { as: editor });
  const form = await addType(page, "Support groups", "Who sees which components");
  await form.getByRole("button", { name: "Add attribute" }).click();
  await form.getByLabel("Attribute name").fill("Components");
  await form.getByLabel("Attribute type").selectOption({ label: "Entry of Support components" });
  await form.getByLabel("Multiple values").check();
  await form.getByRole("button", { name: "Add attribute" }).click();
  const second = form.getByRole("group", { name: "Attribute 2" });
  await second.getByLabel("Attribute name").fill("Email domains");
  await second.getByLabel("Attribute type").selectOption({ label: "Email domain" });
  await second.getByLabel("Multiple values").check();
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Catalog · Support groups" }).waitFor();

  const entry = await createEntry(page, "main");
  const components = entry.getByRole("group", { name: "Components" });
  for (const name of ["Zendesk", "Email", "Chat"]) await components.getByLabel(name).check();
  const domains = entry.getByRole("group", { name: "Email domains" });
  await domains.getByLabel("Email domains 1").fill("not a domain");
  await entry.getByRole("button", { name: "Create" }).click();
  await expect.poll(() => domains.locator(".field-error").textContent()).toContain("is not a domain such as example.com");
  expect(await domains.getByLabel("Email domains 1").getAttribute("aria-invalid")).toBe("true");
  await checkA11y(page);
  await screenshot(page, "catalog-entry-invalid-domain");
  expect(await entryNames("Support groups")).toEqual([]);

  await domains.getByLabel("Email domains 1").fill("gitlab.com");
  await entry.getByRole("button", { name: "Create" }).click();
  await page.getByRole("listitem", { name: "main" }).waitFor();
  const type = await stored("Support groups");
  expect(type!.attributes).toEqual([
    { name: "Components", kind: "REFERENCE", multiple: true, referencedType: { name: "Support components" } },
    { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true, referencedType: null },
  ]);
  expect(type!.entries[0]!.values).toEqual([
    { attribute: { name: "Components" }, texts: [], entries: [{ name: "Zendesk" }, { name: "Email" }, { name: "Chat" }] },
    { attribute: { name: "Email domains" }, texts: ["gitlab.com"], entries: [] },
  ]);
}, 90_000);

it("shows the refusal when what is deleted is in use, and changes nothing", async () => {
  const page = await h.openConsole("/console/catalog", { as: editor });
  const item = page.getByRole("listitem", { name: "Support components" });
  await item.getByRole("button", { name: "Delete Support components" }).click();
  await item.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect.poll(() => item.getByRole("alert").textContent()).toContain("Still used by");
  await checkA11y(page);
  await screenshot(page, "catalog-type-in-use");
  expect(await stored("Support components")).not.toBeNull();

  // The demo page lists the demo catalog's components.
  const demo = (await stored("Components"))!;
  const used = demo.entries[0]!;
  await page.goto(`${h.origin}/console/catalog/${demo.id}`);
  const row = page.getByRole("listitem", { name: used.name });
  await row.getByRole("button", { name: `Delete ${used.name}` }).click();
  await row.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect.poll(() => row.getByRole("alert").textContent()).toContain("Still used by");
  expect(await entryNames("Components")).toContain(used.name);
}, 90_000);

it("ranks entries by dragging with the mouse", async () => {
  const type = (await stored("Support components"))!;
  const page = await h.openConsole(`/console/catalog/${type.id}`, { as: editor });
  await page.getByRole("listitem", { name: "Chat" }).waitFor();
  const handle = page.getByRole("button", { name: "Move Chat" });
  const target = page.getByRole("button", { name: "Move Zendesk" });
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 5, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => entryNames("Support components")).toEqual(["Chat", "Zendesk", "Email"]);
}, 90_000);

it("ranks entries from the keyboard, announcing each step", async () => {
  const type = (await stored("Support components"))!;
  expect(type.entries.map((e) => e.name)).toEqual(["Chat", "Zendesk", "Email"]);
  const page = await h.openConsole(`/console/catalog/${type.id}`, { as: editor });
  await page.getByRole("listitem", { name: "Chat" }).waitFor();
  await page.getByRole("button", { name: "Move Chat" }).focus();
  // The live region says what is being moved (it first says "Picked up Chat", then where it is over).
  await pickUpWithKeyboard(page, "Chat");
  const live = () => liveAnnouncements(page);
  await page.keyboard.press("ArrowDown");
  await expect.poll(live).toContainEqual("Chat is over position 2 of 3.");
  await page.keyboard.press("Space");
  await expect.poll(live).toContainEqual("Chat dropped at position 2 of 3.");
  await expect.poll(() => entryNames("Support components")).toEqual(["Zendesk", "Chat", "Email"]);
  await checkA11y(page);
  await screenshot(page, "catalog-ranked");
}, 90_000);

it("lets lower roles read the catalog without offering changes", async () => {
  const type = (await stored("Support groups"))!;
  for (const role of ["VIEWER", "PUBLISHER"] as const) {
    const page = await h.openConsole("/console/catalog", { role });
    await page.getByRole("link", { name: "Support groups" }).click();
    await page.getByRole("listitem", { name: "main" }).waitFor();
    expect(await page.getByText("gitlab.com").count()).toBe(1);
    for (const name of ["Create entry", "Edit main", "Delete main"]) expect(await page.getByRole("button", { name }).count()).toBe(0);
    await page.goto(`${h.origin}/console/catalog`);
    await page.getByRole("link", { name: "Support groups" }).waitFor();
    expect(await page.getByRole("button", { name: "Add a custom type" }).count()).toBe(0);
    await checkA11y(page);
    if (role === "VIEWER") await screenshot(page, "catalog-viewer");
  }
  expect(type.entries.map((e) => e.name)).toEqual(["main"]);
}, 90_000);
