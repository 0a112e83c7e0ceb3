// Editing catalog entries in Chromium: a rename with a changed attribute saved
// through the API, the "in use by …" refusal when deleting an entry another
// entry refers to, and two editors changing the same entry at once — the later
// save is refused with what changed, and Reload starts again from it.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { testClock } from "../helpers/app.js";
import { createRunbookCatalog, type RunbookCatalog } from "../helpers/pages.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
let catalog: RunbookCatalog;
let editor: SignedInOperator;
/** Polls wait on the browser and the server; the machine may be busy. */
const WAIT = { timeout: 30_000 };

interface StoredEntry {
  id: string;
  name: string;
  version: number;
  values: { attribute: { name: string }; texts: string[]; entries: { name: string }[] }[];
}
const TYPE = `query ($id: ID!) { catalogType(id: $id) { entries { id name version values { attribute { name } texts entries { name } } } } }`;
const entries = async (typeId: string) => (await h.server.ok<{ catalogType: { entries: StoredEntry[] } }>(TYPE, { id: typeId })).catalogType.entries;
const entry = async (typeId: string, name: string) => (await entries(typeId)).find((e) => e.name === name);

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  catalog = await createRunbookCatalog(h.server, ["Zendesk", "Chat", "Forms"], " (Support)");
  editor = await h.operator("EDITOR", "Eddie Editor");
}, 120_000);

/** The type's screen, opened as `as`, once its entries are listed. */
async function openType(typeId: string, as: SignedInOperator): Promise<Page> {
  const page = await h.openConsole(`/console/catalog/${typeId}`, { as });
  await page.getByRole("heading", { name: "Entries" }).waitFor();
  await page.getByRole("listitem").first().waitFor();
  return page;
}

it("renames an entry and changes its attributes", async () => {
  const page = await openType(catalog.groupsTypeId, editor);
  await page.getByRole("button", { name: "Edit main" }).click();
  const form = page.getByRole("form", { name: "Edit main" });
  expect(await form.getByLabel("Name", { exact: true }).inputValue()).toBe("main");
  await form.getByLabel("Name", { exact: true }).fill("Main customers");
  await form.getByRole("group", { name: "Components" }).getByLabel("Forms").uncheck();
  await form.getByLabel("Email domains 1").fill("support.gitlab.com");
  await checkA11y(page);
  await screenshot(page, "catalog-edit-entry");
  await form.getByRole("button", { name: "Save" }).click();
  const row = page.getByRole("listitem", { name: "Main customers" });
  await row.waitFor();
  await expect.poll(() => form.count(), WAIT).toBe(0);
  const shown = await row.locator(".entry-values").textContent();
  expect(shown).toContain("Zendesk, Chat");
  expect(shown).toContain("support.gitlab.com");
  expect(shown).not.toContain("Forms");

  const saved = await entry(catalog.groupsTypeId, "Main customers");
  expect(saved!.version).toBe(2);
  expect(saved!.values).toEqual([
    { attribute: { name: "Components" }, texts: [], entries: [{ name: "Zendesk" }, { name: "Chat" }] },
    { attribute: { name: "Email domains" }, texts: ["support.gitlab.com"], entries: [] },
  ]);
}, 120_000);

it("refuses deleting an entry another entry refers to, naming it, and deletes one nothing uses", async () => {
  const page = await openType(catalog.componentsTypeId, editor);
  const zendesk = page.getByRole("listitem", { name: "Zendesk" });
  await zendesk.getByRole("button", { name: "Delete Zendesk" }).click();
  await zendesk.getByRole("dialog", { name: "Delete “Zendesk”?" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect.poll(() => zendesk.getByRole("alert").textContent(), WAIT).toContain('Still used by: entry "Main customers" (attribute "Components").');
  await checkA11y(page);
  await screenshot(page, "catalog-edit-in-use");
  expect((await entries(catalog.componentsTypeId)).map((e) => e.name)).toEqual(["Zendesk", "Chat", "Forms"]);
  // The refusal keeps the dialog open; Cancel closes it.
  await zendesk.getByRole("dialog", { name: "Delete “Zendesk”?" }).getByRole("button", { name: "Cancel" }).click();
  await expect.poll(() => zendesk.getByRole("dialog").count(), WAIT).toBe(0);

  // Forms is no longer selected by any group: it goes.
  const forms = page.getByRole("listitem", { name: "Forms" });
  await forms.getByRole("button", { name: "Delete Forms" }).click();
  await forms.getByRole("dialog", { name: "Delete “Forms”?" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect.poll(() => forms.count(), WAIT).toBe(0);
  expect((await entries(catalog.componentsTypeId)).map((e) => e.name)).toEqual(["Zendesk", "Chat"]);
}, 120_000);

it("refuses the later of two concurrent edits with what changed, and Reload edits the current version", async () => {
  const before = (await entry(catalog.componentsTypeId, "Chat"))!;
  const [ann, ben] = [await h.operator("EDITOR", "Ann Editor"), await h.operator("EDITOR", "Ben Editor")];
  const [a, b] = [await openType(catalog.componentsTypeId, ann), await openType(catalog.componentsTypeId, ben)];
  for (const page of [a, b]) await page.getByRole("button", { name: "Edit Chat" }).click();

  const annForm = a.getByRole("form", { name: "Edit Chat" });
  await annForm.getByLabel("Name", { exact: true }).fill("Live chat");
  await annForm.getByRole("button", { name: "Save" }).click();
  await a.getByRole("listitem", { name: "Live chat" }).waitFor();

  const benForm = b.getByRole("form", { name: "Edit Chat" });
  await benForm.getByLabel("Name", { exact: true }).fill("Chat widget");
  await benForm.getByRole("button", { name: "Save" }).click();
  const notice = b.getByRole("region", { name: "Changed since you opened it" });
  await notice.waitFor();
  expect(await notice.textContent()).toContain(`You edited version ${before.version}; it is now at version ${before.version + 1}.`);
  expect(await notice.textContent()).toContain("Ann Editor");
  await checkA11y(b);
  await screenshot(b, "catalog-edit-stale");
  expect(await entry(catalog.componentsTypeId, "Live chat")).toMatchObject({ id: before.id, version: before.version + 1 });
  expect(await entry(catalog.componentsTypeId, "Chat widget")).toBeUndefined();

  // Reload shows Ann's change, in the list and in a form started again from it.
  await notice.getByRole("button", { name: "Reload" }).click();
  await b.getByRole("listitem", { name: "Live chat" }).waitFor();
  const fresh = b.getByRole("form", { name: "Edit Live chat" });
  await expect.poll(() => fresh.getByLabel("Name", { exact: true }).inputValue(), WAIT).toBe("Live chat");
  expect(await notice.count()).toBe(0);
  await fresh.getByLabel("Name", { exact: true }).fill("Live chat (web)");
  await fresh.getByRole("button", { name: "Save" }).click();
  await b.getByRole("listitem", { name: "Live chat (web)" }).waitFor();
  expect(await entry(catalog.componentsTypeId, "Live chat (web)")).toMatchObject({ id: before.id, version: before.version + 2 });
}, 120_000);
