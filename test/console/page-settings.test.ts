// Page settings in Chromium: renaming, theming, relayout and a logo upload of the
// demo page, seen through the API and on the public page; slug errors beside the
// field; a customer page's sub-page renamed; a concurrent edit refused with what
// changed; deleting with the page's name typed; viewers and publishers shut out.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it, vi } from "vitest";
import { PNG } from "../helpers/images.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";
import { checkA11y, screenshot, useConsoleHarness, type ConsoleHarness } from "./harness.js";

vi.setConfig({ testTimeout: 120_000 });
let demoId: string;
let logoFile: string;

interface StoredPage {
  id: string;
  version: number;
  slug: string;
  title: string;
  theme: string;
  logoUrl: string | null;
  groups: { name: string | null; components: { name: string }[] }[];
  subPages: { id: string; name: string; slug: string; url: string }[];
}
const PAGE = `query ($id: ID!) { statusPageById(id: $id) { id version slug title theme logoUrl groups { name components { name } } subPages { id name slug url } } }`;
const stored = async (id: string) => (await h.server.ok<{ statusPageById: StoredPage | null }>(PAGE, { id })).statusPageById;

const h = useConsoleHarness();
beforeAll(async () => {
  demoId = (await h.server.ok<{ statusPage: { id: string } }>(`{ statusPage(slug: "demo") { id } }`)).statusPage.id;
  logoFile = join(tmpdir(), `sg-settings-logo-${process.pid}.png`);
  await writeFile(logoFile, PNG);
}, 120_000);

/** Opens the settings of `id` and waits until the form holds the page's values. */
async function openSettings(id: string, options: Parameters<ConsoleHarness["openConsole"]>[1]): Promise<Page> {
  const page = await h.openConsole(`/console/pages/${id}/settings`, options);
  await page.getByRole("heading", { name: "Page details" }).waitFor();
  return page;
}

it("renames the demo page, changes its theme, layout and logo: the API and the public page show it", async () => {
  const page = await h.openConsole("/console", { role: "EDITOR" });
  await page.getByRole("link", { name: "Statusgraph Demo" }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Settings · Statusgraph Demo" }).waitFor();
  expect(await page.getByLabel("Page title").inputValue()).toBe("Statusgraph Demo");
  expect(await page.getByLabel("Status page URL").inputValue()).toBe("demo");
  await checkA11y(page);
  await screenshot(page, "page-settings");

  await page.getByLabel("Page title").fill("Statusgraph Demo Renamed");
  await page.getByLabel("Dark mode").check();
  await page.getByRole("button", { name: "Move Phone line up" }).click();
  await page.getByLabel("Company logo", { exact: true }).setInputFiles(logoFile);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await expect.poll(() => page.getByLabel("Page title").inputValue()).toBe("Statusgraph Demo Renamed");
  await checkA11y(page);

  const after = await stored(demoId);
  expect(after).toMatchObject({ title: "Statusgraph Demo Renamed", slug: "demo", theme: "DARK" });
  expect(after!.logoUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.png$/);
  expect(after!.groups.map((g) => [g.name, g.components.map((c) => c.name)])).toEqual([
    ["Support tools", ["Zendesk", "Support portal"]],
    ["Channels", ["Phone line", "Email ingestion"]],
  ]);

  const visitor = await h.openConsole("/demo");
  await visitor.getByRole("heading", { name: "Statusgraph Demo Renamed" }).first().waitFor();
  expect(await visitor.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(await visitor.locator("img.logo").getAttribute("src")).toBe(after!.logoUrl);
});

it("shows a taken or invalid URL beside the field and changes nothing", async () => {
  const before = await stored(demoId);
  const page = await openSettings(demoId, { role: "EDITOR" });
  const slug = page.getByLabel("Status page URL");
  await slug.fill("cust-support-ops");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => slug.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#error-input-slug").textContent()).toContain('another status page has the URL "cust-support-ops"');
  await page.getByRole("alert").filter({ hasText: "Some fields need attention." }).waitFor();
  await checkA11y(page);

  await slug.fill("Not a slug!");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => page.locator("#error-input-slug").textContent()).toContain("must be lowercase letters, digits and single dashes");
  await checkA11y(page);
  await screenshot(page, "page-settings-errors");
  expect(await stored(demoId)).toEqual(before);
});

it("renames a customer page's sub-page and moves its URL, with errors beside its fields", async () => {
  await createRunbookCatalog(h.server, ["Inbox", "Chat"], " (Settings)");
  const created = await mutate(h.server, CREATE_PAGE, {
    input: { title: "Support Customers", slug: "support-customers", kind: "CUSTOMER", customerType: "Groups (Settings)", componentsAttribute: "Components" },
  });
  expect(created.__typename).toBe("StatusPage");
  const id = created.id!;
  const page = await openSettings(id, { role: "EDITOR" });
  const main = page.getByRole("group", { name: "main", exact: true });
  expect(await main.getByLabel("URL").inputValue()).toBe("main");
  await checkA11y(page);

  await main.getByLabel("URL").fill("Bad URL!");
  await main.getByRole("button", { name: "Save sub-page" }).click();
  await expect.poll(() => main.getByLabel("URL").getAttribute("aria-invalid")).toBe("true");
  expect(await main.getByText("must be lowercase letters, digits and single dashes").count()).toBe(1);
  await checkA11y(page);
  expect((await stored(id))!.subPages).toMatchObject([{ name: "main", slug: "main" }]);

  await main.getByLabel("Page name").fill("Main desk");
  await main.getByLabel("URL").fill("desk");
  await main.getByRole("button", { name: "Save sub-page" }).click();
  await page.getByRole("status").filter({ hasText: "Saved Main desk: live at /support-customers/desk." }).waitFor();
  expect((await stored(id))!.subPages).toMatchObject([{ name: "Main desk", slug: "desk", url: "/support-customers/desk" }]);
  await screenshot(page, "page-settings-sub-pages");

  const visitor = await h.openConsole("/support-customers/desk");
  await visitor.getByRole("heading", { name: "Sign in to see Support Customers" }).waitFor();
});

it("refuses an edit made from a stale version, says what changed, and Reload shows the other's change", async () => {
  const ann = await h.operator("EDITOR", "Ann Editor");
  const theirs = await openSettings(demoId, { as: ann });
  const mine = await openSettings(demoId, { role: "EDITOR" });
  const themeBefore = (await stored(demoId))!.theme;

  await theirs.getByLabel("Page title").fill("Demo as Ann left it");
  await theirs.getByRole("button", { name: "Save changes" }).click();
  await theirs.getByRole("status").filter({ hasText: "Saved." }).waitFor();

  await mine.getByLabel(themeBefore === "DARK" ? "Light mode" : "Dark mode").check();
  await mine.getByRole("button", { name: "Save changes" }).click();
  const notice = mine.getByRole("region", { name: "Changed since you opened it" });
  await notice.waitFor();
  expect(await notice.textContent()).toContain("Ann Editor");
  await checkA11y(mine);
  await screenshot(mine, "page-settings-stale");
  expect(await stored(demoId)).toMatchObject({ title: "Demo as Ann left it", theme: themeBefore });

  await notice.getByRole("button", { name: "Reload" }).click();
  await expect.poll(() => mine.getByLabel("Page title").inputValue()).toBe("Demo as Ann left it");
  expect(await notice.count()).toBe(0);
  expect(await mine.getByLabel(themeBefore === "DARK" ? "Dark mode" : "Light mode").isChecked()).toBe(true);
});

it("deletes a page once its name is typed: gone from the list, the API, its feed and its public URL", async () => {
  const created = await mutate(h.server, CREATE_PAGE, { input: { title: "Doomed Page", slug: "doomed-page" } });
  const id = created.id!;
  // The HTML at /doomed-page is the client's shell whatever the slug; the page's own feed answers for it.
  expect((await fetch(`${h.origin}/feed/doomed-page.atom`)).status).toBe(200);
  const page = await h.openConsole("/console", { role: "EDITOR" });
  await page.getByRole("link", { name: "Doomed Page" }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete status page" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Doomed Page”?" });
  await dialog.waitFor();
  const confirm = dialog.getByRole("button", { name: "Delete permanently" });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel("Type “Doomed Page” to confirm").fill("Doomed");
  expect(await confirm.isDisabled()).toBe(true);
  await checkA11y(page);
  await screenshot(page, "page-settings-delete");
  expect(await stored(id)).not.toBeNull();

  await dialog.getByLabel("Type “Doomed Page” to confirm").fill("Doomed Page");
  await confirm.click();
  await page.waitForURL(`${h.origin}/console`);
  await page.getByRole("heading", { name: "Status pages" }).waitFor();
  await page.locator('tr[data-page="demo"]').waitFor();
  expect(await page.locator('tr[data-page="doomed-page"]').count()).toBe(0);
  expect(await stored(id)).toBeNull();
  expect((await fetch(`${h.origin}/feed/doomed-page.atom`)).status).toBe(404);
  const visitor = await h.openConsole("/doomed-page");
  await visitor.getByRole("heading", { name: "There is no status page here" }).waitFor();
});

it("offers viewers and publishers no settings and refuses the settings screen", async () => {
  for (const role of ["VIEWER", "PUBLISHER"] as const) {
    const page = await h.openConsole(`/console/pages/${demoId}`, { role });
    await page.getByRole("link", { name: "Maintenance" }).waitFor();
    expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(0);
    await page.goto(`${h.origin}/console/pages/${demoId}/settings`);
    await page.getByRole("heading", { name: "Access denied" }).waitFor();
    await page.getByText("Your role does not allow changing status pages.").waitFor();
    expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete status page" }).count()).toBe(0);
    await checkA11y(page);
    if (role === "VIEWER") await screenshot(page, "page-settings-denied");
  }
});
