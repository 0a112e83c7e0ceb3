// Status page set-up in Chromium: the runbook's customer page created by
// clicking, its logo uploaded from a file, checked through the API and on the
// public sign-in screen; a public page; field errors; roles.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it, vi } from "vitest";
import { slugify } from "../../server/domain/slug.js";
import { testClock } from "../helpers/app.js";
import { PNG, SVG } from "../helpers/images.js";
import { createRunbookCatalog, type RunbookCatalog } from "../helpers/pages.js";
import { checkA11y, screenshot, useConsoleHarness } from "./harness.js";

vi.setConfig({ testTimeout: 120_000 });
const clock = testClock("2030-06-01T08:00:00Z");
let catalog: RunbookCatalog;
let logoFile: string;
let svgFile: string;

const PAGE = `query ($slug: String!) { statusPage(slug: $slug) { id title kind theme logoUrl faviconUrl customerType { name } componentsAttribute { name } emailDomainsAttribute { name } subPages { name slug } components { name } } }`;
interface Stored {
  id: string;
  title: string;
  kind: string;
  theme: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  customerType: { name: string } | null;
  componentsAttribute: { name: string } | null;
  emailDomainsAttribute: { name: string } | null;
  subPages: { name: string; slug: string }[];
  components: { name: string }[];
}
const stored = async (slug: string) => (await h.server.ok<{ statusPage: Stored | null }>(PAGE, { slug })).statusPage;

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  catalog = await createRunbookCatalog(h.server, ["Zendesk", "Chat", "Forms"], " (Support)");
  logoFile = join(tmpdir(), `sg-logo-${process.pid}.png`);
  svgFile = join(tmpdir(), `sg-logo-${process.pid}.svg`);
  await writeFile(logoFile, PNG);
  await writeFile(svgFile, SVG);
}, 120_000);

it("creates the runbook's customer page by clicking, with an uploaded logo and dark mode", async () => {
  const page = await h.openConsole("/console", { role: "EDITOR" });
  await page.getByRole("button", { name: "Create customer page" }).click();
  await page.getByLabel("Page title").fill("Customer Support Operations");
  const url = page.getByLabel("Status page URL");
  expect(await url.inputValue()).toBe(slugify("Customer Support Operations"));
  await url.fill("support-ops-2030");
  await page.getByLabel("Use an existing catalog type").check();
  await page.getByLabel("Which catalog type defines the customers you'd like to create?").selectOption({ label: "Groups (Support)" });
  await page.getByLabel("Which catalog attribute represents your components?").selectOption({ label: "Components" });
  await page.getByLabel("Which catalog attribute represents allowed email domains?").selectOption({ label: "Email domains" });
  const main = page.getByRole("group", { name: "main" });
  await main.getByLabel("Page name").fill("Main");
  await main.getByLabel("URL").fill("main");
  await page.getByLabel("Dark mode").check();
  await page.getByLabel("Company logo", { exact: true }).setInputFiles(logoFile);
  await checkA11y(page);
  await screenshot(page, "setup-customer-create");
  await page.getByRole("button", { name: "Create status page" }).click();
  await page
    .getByRole("alert")
    .or(page.getByRole("heading", { name: "Customer Support Operations" }))
    .first()
    .waitFor();
  await page.waitForURL(/\/console\/pages\/(?!new)[^/]+$/);

  const created = await stored("support-ops-2030");
  expect(created).toMatchObject({
    title: "Customer Support Operations",
    kind: "CUSTOMER",
    theme: "DARK",
    customerType: { name: "Groups (Support)" },
    componentsAttribute: { name: "Components" },
    emailDomainsAttribute: { name: "Email domains" },
    subPages: [{ name: "Main", slug: "main" }],
  });
  expect(page.url()).toBe(`${h.origin}/console/pages/${created!.id}`);
  expect(created!.components.map((c) => c.name).sort()).toEqual(Object.keys(catalog.components).sort());
  expect(created!.logoUrl).toMatch(/^\/assets\/[0-9a-f]{64}\.png$/);
  const asset = await fetch(`${h.origin}${created!.logoUrl}`);
  expect(Buffer.from(await asset.arrayBuffer()).equals(PNG)).toBe(true);

  // The public sign-in screen shows the uploaded logo, in dark mode.
  const visitor = await h.openConsole("/support-ops-2030/main");
  await visitor.getByRole("heading", { name: "Sign in to see Customer Support Operations" }).waitFor();
  expect(await visitor.locator("img.logo").getAttribute("src")).toBe(created!.logoUrl);
  expect(await visitor.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
});

it("creates a public page with its logo given as a URL", async () => {
  const page = await h.openConsole("/console", { role: "ADMIN" });
  await page.getByRole("button", { name: "Create public page" }).click();
  await page.getByLabel("Page title").fill("Acme Status 2030");
  expect(await page.getByLabel("Status page URL").inputValue()).toBe("acme-status-2030");
  await page.getByLabel("Company logo URL").fill("https://example.com/logo.png");
  await page.getByLabel("Light mode").check();
  await checkA11y(page);
  await screenshot(page, "setup-public-create");
  await page.getByRole("button", { name: "Create status page" }).click();
  await page.waitForURL(/\/console\/pages\/(?!new)[^/]+$/);
  expect(await stored("acme-status-2030")).toMatchObject({
    title: "Acme Status 2030",
    kind: "PUBLIC",
    theme: "LIGHT",
    logoUrl: "https://example.com/logo.png",
  });

  const visitor = await h.openConsole("/acme-status-2030");
  await visitor.getByRole("heading", { name: "Acme Status 2030" }).first().waitFor();
  expect(await visitor.locator("img.logo").getAttribute("src")).toBe("https://example.com/logo.png");
});

it("shows the server's errors next to their fields and creates nothing", async () => {
  const page = await h.openConsole("/console/pages/new/public", { role: "EDITOR" });
  await page.getByLabel("Page title").fill("Demo");
  await page.getByLabel("Status page URL").fill("demo");
  await page.getByLabel("Company logo", { exact: true }).setInputFiles(svgFile);
  await page.getByRole("button", { name: "Create status page" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const logo = page.getByLabel("Company logo", { exact: true });
  await expect.poll(() => logo.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(`#${await logo.getAttribute("aria-describedby")}`).textContent()).toMatch(/.+/);
  await screenshot(page, "setup-errors");
  await logo.setInputFiles([]);
  await page.getByRole("button", { name: "Create status page" }).click();
  const slug = page.getByLabel("Status page URL");
  await expect.poll(() => slug.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(`[id="${(await slug.getAttribute("aria-describedby"))!.split(" ").pop()}"]`).textContent()).toMatch(/.+/);
  await checkA11y(page);
  expect(page.url()).toBe(`${h.origin}/console/pages/new/public`);
  expect((await stored("demo"))!.title).not.toBe("Demo");
});

it("offers viewers and publishers no create buttons and refuses the create screen", async () => {
  for (const role of ["VIEWER", "PUBLISHER"] as const) {
    const page = await h.openConsole("/console", { role });
    await page.getByRole("heading", { name: "Status pages" }).waitFor();
    await page.locator('tr[data-page="demo"]').waitFor();
    expect(await page.getByRole("button", { name: "Create public page" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Create customer page" }).count()).toBe(0);
    await page.goto(`${h.origin}/console/pages/new/customer`);
    await page.getByText("Your role does not allow creating status pages.").waitFor();
    expect(await page.getByRole("button", { name: "Create status page" }).count()).toBe(0);
    await checkA11y(page);
    if (role === "VIEWER") await screenshot(page, "setup-viewer");
  }
});
