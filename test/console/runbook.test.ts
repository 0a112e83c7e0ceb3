// The whole runbook (incident.io status pages, as Customer Support Operations
// use them) walked in Chromium by one admin, step after step on the same data:
// the Components and Groups catalogs, the customer page built on them, an
// incident from publication to deletion, and maintenance from scheduling in
// local time to deletion. Each step is checked through the API and, where the
// runbook's viewer (a gitlab.com address, signed in by emailed link) would see
// it, live on their sub-page.
import { it } from "vitest";
import { testClock } from "../helpers/app.js";
import { checkA11y, screenshot, useConsoleHarness } from "./harness.js";
import { buildCatalog } from "./runbook/catalog.js";
import type { Runbook } from "./runbook/context.js";
import { createCustomerPage } from "./runbook/customer-page.js";
import { walkIncident } from "./runbook/incident.js";
import { walkMaintenance } from "./runbook/maintenance.js";

const clock = testClock("2030-06-01T08:00:00Z");

const h = useConsoleHarness({ now: clock.now });

it("walks the runbook: catalogs, customer page, incident, maintenance", async () => {
  const admin = await h.operator("ADMIN", "Ada Admin");
  const tab = await h.openConsole("/console", { as: admin, timezoneId: "Europe/Berlin" });
  // Locator waits, not sleeps: generous ones, as the machine may be busy.
  tab.setDefaultTimeout(90_000);
  await tab.getByRole("heading", { name: "Status pages", level: 1 }).waitFor();
  await checkA11y(tab);
  await screenshot(tab, "runbook-0-start");
  const run: Runbook = { h, console: tab, clock };

  await buildCatalog(run);
  const page = await createCustomerPage(run);
  await walkIncident(run, page);
  await walkMaintenance(run, page);
}, 300_000);
