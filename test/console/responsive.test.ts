// Every console screen on a 390×844 phone, in the operating system's dark and
// light schemes: axe clean (contrast included), nothing wider than the screen,
// the screen's heading and its primary action on screen, and a screenshot.
import type { Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { CONSOLE_ROUTES, type ConsoleRouteName } from "../../web/console/routes.js";
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const NARROW = { width: 390, height: 844 };
const HOOK = "https://hooks.example.com/statusgraph";
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

let admin: SignedInOperator;
let ids: { page: string; incident: string; maintenance: string; catalogType: string };

interface Screen {
  name: string;
  /** The console routes this screen covers (the admin index shows the operators screen). */
  routes: ConsoleRouteName[];
  path: () => string;
  heading: string;
  /** The name of the screen's main control, a button. */
  action: string;
  /** Signed out (the sign-in screen) rather than as an admin. */
  signedOut?: boolean;
  /** What shows once the screen's data has loaded, when the heading and action show before it. */
  loaded?: (page: Page) => Locator;
}

const SCREENS: Screen[] = [
  {
    name: "sign-in",
    routes: ["pages"],
    path: () => "/console",
    heading: "Sign in to the Statusgraph console",
    action: "Email me a sign-in link",
    signedOut: true,
  },
  {
    name: "pages",
    routes: ["pages"],
    path: () => "/console",
    heading: "Status pages",
    action: "Create customer page",
    loaded: (p) => p.getByRole("row", { name: /Statusgraph Demo/ }),
  },
  {
    name: "page-overview",
    routes: ["pageOverview"],
    path: () => `/console/pages/${ids.page}`,
    heading: "Statusgraph Demo",
    action: "Publish incident",
    loaded: (p) => p.getByRole("heading", { name: "Components" }),
  },
  {
    name: "incidents",
    routes: ["pageIncidents"],
    path: () => `/console/pages/${ids.page}/incidents`,
    heading: "Statusgraph Demo: incidents",
    action: "Publish incident",
    loaded: (p) => p.getByRole("link", { name: "Queue backlog" }),
  },
  {
    name: "incident-new",
    routes: ["newIncident"],
    path: () => `/console/pages/${ids.page}/incidents/new`,
    heading: "Publish incident on Statusgraph Demo",
    action: "Review incident",
  },
  {
    name: "incident",
    routes: ["incident"],
    path: () => `/console/pages/${ids.page}/incidents/${ids.incident}`,
    heading: "Queue backlog",
    action: "Investigating",
    loaded: (p) => p.getByRole("region", { name: "Timeline" }),
  },
  {
    name: "maintenance",
    routes: ["maintenance"],
    path: () => `/console/pages/${ids.page}/maintenance`,
    heading: "Maintenance · Statusgraph Demo",
    action: "Schedule maintenance",
    loaded: (p) => p.getByRole("link", { name: "Open Router swap" }),
  },
  {
    name: "maintenance-new",
    routes: ["scheduleMaintenance"],
    path: () => `/console/pages/${ids.page}/maintenance/new`,
    heading: "Schedule maintenance",
    action: "Review",
    loaded: (p) => p.getByLabel("Name"),
  },
  {
    name: "maintenance-detail",
    routes: ["maintenanceDetail"],
    path: () => `/console/pages/${ids.page}/maintenance/${ids.maintenance}`,
    heading: "Router swap",
    action: "Status: Scheduled",
    loaded: (p) => p.getByRole("heading", { name: "Timeline" }),
  },
  {
    name: "catalog",
    routes: ["catalog"],
    path: () => "/console/catalog",
    heading: "Catalog",
    action: "Add a custom type",
    loaded: (p) => p.getByRole("link", { name: "Groups" }),
  },
  {
    name: "catalog-type",
    routes: ["catalogType"],
    path: () => `/console/catalog/${ids.catalogType}`,
    heading: "Catalog · Components",
    action: "Create entry",
    loaded: (p) => p.getByRole("listitem", { name: "Zendesk" }),
  },
  { name: "new-public-page", routes: ["newStatusPage"], path: () => "/console/pages/new/public", heading: "Create public page", action: "Create status page" },
  {
    name: "new-customer-page",
    routes: ["newStatusPage"],
    path: () => "/console/pages/new/customer",
    heading: "Create customer page",
    action: "Create status page",
    loaded: (p) => p.getByLabel("Which catalog type defines the customers you'd like to create?"),
  },
  {
    name: "admin-operators",
    routes: ["admin", "adminOperators"],
    path: () => "/console/admin/operators",
    heading: "Operators",
    action: "Invite operator",
    loaded: (p) => p.getByRole("cell", { name: admin.email }),
  },
  {
    name: "page-settings",
    routes: ["pageSettings"],
    path: () => `/console/pages/${ids.page}/settings`,
    heading: "Settings · Statusgraph Demo",
    action: "Save changes",
    loaded: (p) => p.getByRole("heading", { name: "Danger zone" }),
  },
  {
    name: "page-webhooks",
    routes: ["pageWebhooks"],
    path: () => `/console/pages/${ids.page}/webhooks`,
    heading: "Webhook endpoints · Statusgraph Demo",
    action: "Add webhook endpoint",
    loaded: (p) => p.getByRole("heading", { name: HOOK }),
  },
  {
    name: "admin-api-keys",
    routes: ["adminApiKeys"],
    path: () => "/console/admin/api-keys",
    heading: "API keys",
    action: "Create API key",
    loaded: (p) => p.getByRole("table", { name: "API keys" }),
  },
  {
    name: "admin-audit-log",
    routes: ["adminAuditLog"],
    path: () => "/console/admin/audit-log",
    heading: "Audit log",
    action: "Apply filters",
    loaded: (p) => p.getByRole("status").filter({ hasText: /^Showing \d+ entr/ }),
  },
];

const h = useConsoleHarness();
beforeAll(async () => {
  admin = await h.operator("ADMIN", "Ada Admin");
  const { statusPage } = await h.server.ok<{ statusPage: { id: string; components: { id: string }[] } }>(
    `{ statusPage(slug: "demo") { id components { id } } }`,
  );
  const { catalogType } = await h.server.ok<{ catalogType: { id: string } }>(`{ catalogType(name: "Components") { id } }`);
  const component = statusPage.components[0]!.id;
  const incident = await publishIncident(h.server, statusPage.id, [{ componentId: component, impact: "PARTIAL_OUTAGE" }], { name: "Queue backlog" });
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const window = { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() };
  const maintenance = await scheduleMaintenance(h.server, statusPage.id, window, [{ componentId: component, impact: "UNDER_MAINTENANCE" }], {
    name: "Router swap",
  });
  // Disabled: nothing is to be delivered, only listed.
  await h.server.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ... on WebhookEndpointWithSecret { endpoint { id } } } }`,
    { input: { pageId: statusPage.id, url: HOOK, kind: "JSON", enabled: false } },
  );
  ids = { page: statusPage.id, incident, maintenance, catalogType: catalogType.id };
}, 120_000);

/** The document's width beyond the screen's, and the widest elements sticking out (for the failure message). */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits };
  });
}

/** Relative luminance (WCAG) of the body's background. */
async function backgroundLuminance(page: Page): Promise<number> {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Fully on screen horizontally, and shown. */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  await locator.waitFor({ state: "visible" });
  const box = (await locator.boundingBox())!;
  expect(box.x, `${what} starts off screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends off screen`).toBeLessThanOrEqual(NARROW.width);
}

for (const screen of SCREENS) {
  for (const scheme of SCHEMES) {
    it(`${screen.name} at 390 px in ${scheme}`, async () => {
      const page = await h.openConsole(screen.path(), { ...(screen.signedOut ? {} : { as: admin }), viewport: NARROW, colorScheme: scheme });
      const heading = page.getByRole("heading", { level: 1, name: screen.heading, exact: true });
      const action = page.getByRole("button", { name: screen.action, exact: true });
      await expectOnScreen(heading, "the heading");
      if (screen.loaded) await screen.loaded(page).first().waitFor();
      await expectOnScreen(action, `"${screen.action}"`);
      await expectScheme(page, scheme);
      const { scrollWidth, innerWidth, culprits } = await overflow(page);
      expect(scrollWidth, `wider than the screen: ${culprits.join(", ")}`).toBeLessThanOrEqual(innerWidth);
      await checkA11y(page);
      await screenshot(page, `narrow-${screen.name}-${scheme}`);
      await page.context().close();
    }, 90_000);
  }
}

it("covers every console route with a screen", () => {
  const covered = new Set(SCREENS.flatMap((s) => s.routes));
  const missing = CONSOLE_ROUTES.map((r) => r.name).filter((name) => !covered.has(name));
  expect(missing, "console routes without a screen in SCREENS").toEqual([]);
});

/** The console follows the system's scheme: a dark background in dark, a light one in light. */
async function expectScheme(page: Page, scheme: Scheme): Promise<void> {
  const luminance = await backgroundLuminance(page);
  if (scheme === "dark") expect(luminance, "background in dark mode").toBeLessThan(0.05);
  else expect(luminance, "background in light mode").toBeGreaterThan(0.8);
}
