// Runbook, "Our Setup": the Components catalog (a ranked custom type with its
// entries, ranked again from the keyboard) and the Groups catalog (typed
// attributes, one referring to the components; an entry selecting components
// and allowing gitlab.com), built through the Catalog screens.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { checkA11y, screenshot } from "../harness.js";
import { type Runbook, WAIT } from "./context.js";

export const COMPONENTS = "Support components";
export const GROUPS = "Support groups";

interface StoredType {
  name: string;
  description: string;
  categories: string[];
  ranked: boolean;
  referenceByName: boolean;
  attributes: { name: string; kind: string; multiple: boolean; referencedType: { name: string } | null }[];
  entries: { name: string; rank: number | null; values: { attribute: { name: string }; texts: string[]; entries: { name: string }[] }[] }[];
}
const TYPE = `query ($name: String) { catalogType(name: $name) { name description categories ranked referenceByName
  attributes { name kind multiple referencedType { name } }
  entries { name rank values { attribute { name } texts entries { name } } } } }`;

/** The catalog type named `name`, as the API has it. */
export const storedType = async (run: Runbook, name: string) => (await run.h.server.ok<{ catalogType: StoredType | null }>(TYPE, { name })).catalogType;

/** Catalog → Add a custom type → Name, Description, + Services, ranked, reference by name; returns the open form. */
async function addType(page: Page, name: string, description: string): Promise<Locator> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await page.getByRole("heading", { name: "Catalog", level: 1, exact: true }).waitFor();
  await page.getByRole("button", { name: "Add a custom type" }).click();
  const form = page.getByRole("form", { name: "Add a custom type" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "+ Services" }).click();
  await form.getByLabel("Are entries of this type ranked?").check();
  await form.getByLabel("Reference entries by name").check();
  return form;
}

/** Create entry → Name; returns the open entry form. */
async function openEntry(page: Page, name: string): Promise<Locator> {
  await page.getByRole("button", { name: "Create entry" }).click();
  const form = page.getByRole("form", { name: /entry$/ });
  await form.getByLabel("Name", { exact: true }).fill(name);
  return form;
}

async function buildComponents(run: Runbook): Promise<void> {
  const page = run.console;
  const form = await addType(page, COMPONENTS, "Everything Customer Support Operations reports outages on");
  await checkA11y(page);
  await screenshot(page, "runbook-1-components-type");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: `Catalog · ${COMPONENTS}`, level: 1 }).waitFor();
  for (const name of ["Zendesk", "Email", "Chat"]) {
    const entry = await openEntry(page, name);
    await entry.getByRole("button", { name: "Create" }).click();
    await page.getByRole("listitem", { name }).waitFor();
  }
  await checkA11y(page);
  await screenshot(page, "runbook-1-components-entries");
  const type = await storedType(run, COMPONENTS);
  expect(type).toMatchObject({ categories: ["Services"], ranked: true, referenceByName: true, attributes: [] });
  expect(type!.entries.map((e) => [e.name, e.rank])).toEqual([
    ["Zendesk", 0],
    ["Email", 1],
    ["Chat", 2],
  ]);
}

/** Moves Chat from third to first with Space, ArrowUp, ArrowUp, Space on its handle. */
async function rankByKeyboard(run: Runbook): Promise<void> {
  const page = run.console;
  const live = () => page.locator("[aria-live]").allTextContents();
  await page.getByRole("button", { name: "Move Chat" }).focus();
  await page.keyboard.press("Space");
  await expect.poll(live, WAIT).toContainEqual(expect.stringMatching(/^(Picked up Chat|Chat is over)/));
  await page.keyboard.press("ArrowUp");
  await expect.poll(live, WAIT).toContainEqual("Chat is over position 2 of 3.");
  await page.keyboard.press("ArrowUp");
  await expect.poll(live, WAIT).toContainEqual("Chat is over position 1 of 3.");
  await page.keyboard.press("Space");
  await expect.poll(live, WAIT).toContainEqual("Chat dropped at position 1 of 3.");
  await expect.poll(async () => (await storedType(run, COMPONENTS))!.entries.map((e) => e.name), WAIT).toEqual(["Chat", "Zendesk", "Email"]);
  await checkA11y(page);
  await screenshot(page, "runbook-1-components-ranked");
}

/** Attribute n of the type form: its name, type and whether it holds several values. */
async function addAttribute(form: Locator, n: number, name: string, type: string, multiple: boolean): Promise<void> {
  await form.getByRole("button", { name: "Add attribute" }).click();
  const attribute = form.getByRole("group", { name: `Attribute ${n}` });
  await attribute.getByLabel("Attribute name").fill(name);
  await attribute.getByLabel("Attribute type").selectOption({ label: type });
  if (multiple) await attribute.getByLabel("Multiple values").check();
}

async function buildGroups(run: Runbook): Promise<void> {
  const page = run.console;
  const form = await addType(page, GROUPS, "Who sees which components");
  await addAttribute(form, 1, "Components", `Entry of ${COMPONENTS}`, true);
  await addAttribute(form, 2, "Email domains", "Email domain", true);
  await addAttribute(form, 3, "Support tier", "Text", false);
  await checkA11y(page);
  await screenshot(page, "runbook-1-groups-type");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: `Catalog · ${GROUPS}`, level: 1 }).waitFor();

  const entry = await openEntry(page, "main");
  const components = entry.getByRole("group", { name: "Components" });
  // "Select all components applicable": Zendesk and Chat, not Email.
  for (const name of ["Zendesk", "Chat"]) await components.getByLabel(name).check();
  await entry.getByRole("group", { name: "Email domains" }).getByLabel("Email domains 1").fill("gitlab.com");
  await entry.getByLabel("Support tier").fill("Gold");
  await checkA11y(page);
  await screenshot(page, "runbook-1-groups-entry");
  await entry.getByRole("button", { name: "Create" }).click();
  await page.getByRole("listitem", { name: "main" }).waitFor();

  const type = await storedType(run, GROUPS);
  expect(type).toMatchObject({ categories: ["Services"], ranked: true, referenceByName: true });
  expect(type!.attributes).toEqual([
    { name: "Components", kind: "REFERENCE", multiple: true, referencedType: { name: COMPONENTS } },
    { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true, referencedType: null },
    { name: "Support tier", kind: "TEXT", multiple: false, referencedType: null },
  ]);
  expect(type!.entries.map((e) => [e.name, e.values])).toEqual([
    [
      "main",
      [
        { attribute: { name: "Components" }, texts: [], entries: [{ name: "Zendesk" }, { name: "Chat" }] },
        { attribute: { name: "Email domains" }, texts: ["gitlab.com"], entries: [] },
        { attribute: { name: "Support tier" }, texts: ["Gold"], entries: [] },
      ],
    ],
  ]);
}

/** Step 1: both catalogs, by the runbook's steps. */
export async function buildCatalog(run: Runbook): Promise<void> {
  await buildComponents(run);
  await rankByKeyboard(run);
  await buildGroups(run);
}
