// Runbook, "Status page": Create customer page on the Groups catalog just
// built, with sub-page "main"; then the runbook's viewer, a gitlab.com address,
// signs in through the emailed link and sees the group's components.
import { expect, vi } from "vitest";
import { slugify } from "../../../server/domain/slug.js";
import { linkIn } from "../../auth/smtp.js";
import { checkA11y, screenshot } from "../harness.js";
import { GROUPS } from "./catalog.js";
import type { Runbook, RunbookPage } from "./context.js";

const TITLE = "Support Operations Status";
const SLUG = "support-ops";
const VIEWER_EMAIL = "ann@gitlab.com";

interface StoredPage {
  id: string;
  title: string;
  kind: string;
  theme: string;
  customerType: { name: string } | null;
  componentsAttribute: { name: string } | null;
  emailDomainsAttribute: { name: string } | null;
  subPages: { name: string; slug: string; allowedEmailDomains: string[] | null; components: { name: string }[] }[];
}
const PAGE = `query ($slug: String!) { statusPage(slug: $slug) { id title kind theme customerType { name } componentsAttribute { name }
  emailDomainsAttribute { name } subPages { name slug allowedEmailDomains components { name } } } }`;

async function createPage(run: Runbook): Promise<string> {
  const page = run.console;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status pages" }).click();
  await page.getByRole("button", { name: "Create customer page" }).click();
  await page.getByLabel("Page title").fill(TITLE);
  const url = page.getByLabel("Status page URL");
  expect(await url.inputValue()).toBe(slugify(TITLE));
  await url.fill(SLUG);
  await page.getByLabel("Use an existing catalog type").check();
  await page.getByLabel("Which catalog type defines the customers you'd like to create?").selectOption({ label: GROUPS });
  await page.getByLabel("Which catalog attribute represents your components?").selectOption({ label: "Components" });
  await page.getByLabel("Which catalog attribute represents allowed email domains?").selectOption({ label: "Email domains" });
  const main = page.getByRole("group", { name: "main" });
  await main.getByLabel("Page name").fill("Main");
  await main.getByLabel("URL").fill("main");
  await page.getByLabel("Dark mode").check();
  await checkA11y(page);
  await screenshot(page, "runbook-2-customer-page");
  await page.getByRole("button", { name: "Create status page" }).click();
  await page.waitForURL(/\/console\/pages\/(?!new)[^/]+$/);
  await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();

  const { statusPage } = await run.h.server.ok<{ statusPage: StoredPage | null }>(PAGE, { slug: SLUG });
  expect(statusPage).toMatchObject({
    title: TITLE,
    kind: "CUSTOMER",
    theme: "DARK",
    customerType: { name: GROUPS },
    componentsAttribute: { name: "Components" },
    emailDomainsAttribute: { name: "Email domains" },
    subPages: [{ name: "Main", slug: "main", allowedEmailDomains: ["gitlab.com"], components: [{ name: "Zendesk" }, { name: "Chat" }] }],
  });
  expect(page.url()).toBe(`${run.h.origin}/console/pages/${statusPage!.id}`);
  await checkA11y(page);
  await screenshot(page, "runbook-2-page-overview");
  return statusPage!.id;
}

/** An anonymous tab at /<slug>/main: asks for an email address, mails a link, and the link signs the viewer in. */
async function signInViewer(run: Runbook) {
  const viewer = await run.h.openConsole(`/${SLUG}/main`);
  viewer.setDefaultTimeout(90_000);
  await viewer.getByRole("heading", { name: `Sign in to see ${TITLE}` }).waitFor();
  expect(await viewer.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await viewer.getByLabel("Email address").fill(VIEWER_EMAIL);
  await viewer.getByRole("button", { name: "Email me a link" }).click();
  await viewer.getByRole("heading", { name: "Check your email" }).waitFor();
  const mail = await vi.waitFor(
    () => {
      const found = run.h.smtp.inbox.find((m) => m.to.some((to) => to.toLowerCase() === VIEWER_EMAIL));
      if (!found) throw new Error(`no mail to ${VIEWER_EMAIL} yet`);
      return found;
    },
    { timeout: 30_000, interval: 100 },
  );
  await viewer.goto(linkIn(mail).toString());
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await viewer.waitForURL(`${run.h.origin}/${SLUG}`);
  await viewer.getByRole("link", { name: "Main" }).click();
  await viewer.getByRole("heading", { name: "Main" }).waitFor();
  await viewer.locator(".uptime-bar").first().waitFor();
  // The group's components, in the order the entry selects them; Email is not the group's.
  expect(await viewer.locator(".component-name").allTextContents()).toEqual(["Zendesk", "Chat"]);
  await checkA11y(viewer);
  await screenshot(viewer, "runbook-2-viewer");
  return viewer;
}

/** Step 2: the customer page, and its viewer signed in on sub-page "main". */
export async function createCustomerPage(run: Runbook): Promise<RunbookPage> {
  const id = await createPage(run);
  const viewer = await signInViewer(run);
  return { id, slug: SLUG, title: TITLE, viewer };
}
