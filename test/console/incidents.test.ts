// The runbook's incident flow in the console, in Chromium against the real server:
// publish (review first) → update → resolve → delete, each checked through the API
// and on the public page; a viewer cannot publish; a second operator's stale update
// is refused with what changed; empty fields are refused beside the field.
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { checkA11y, screenshot, useConsoleHarness } from "./harness.js";

let pageId: string;
let components: { id: string; name: string }[];

const INCIDENT = `query ($id: ID!) { incident(id: $id) { id name status version resolvedAt currentImpacts { name impact } updates { status message } } }`;
const COUNT = `{ statusPage(slug: "demo") { incidentHistory(first: 100) { edges { node { id name } } } } }`;

interface ApiIncident {
  id: string;
  name: string;
  status: string;
  version: number;
  resolvedAt: string | null;
  currentImpacts: { name: string; impact: string }[];
  updates: { status: string; message: string }[];
}

const readIncident = async (id: string) => (await h.server.ok<{ incident: ApiIncident | null }>(INCIDENT, { id })).incident;
const incidentNames = async () =>
  (await h.server.ok<{ statusPage: { incidentHistory: { edges: { node: { name: string } }[] } } }>(COUNT)).statusPage.incidentHistory.edges.map(
    (e) => e.node.name,
  );

const h = useConsoleHarness();
beforeAll(async () => {
  const data = await h.server.ok<{ statusPage: { id: string; components: { id: string; name: string }[] } }>(
    `{ statusPage(slug: "demo") { id components { id name } } }`,
  );
  pageId = data.statusPage.id;
  components = data.statusPage.components;
}, 120_000);

/** The public page, open in its own browser context beside the console. */
async function publicPage(): Promise<Page> {
  const page = await h.openConsole("/demo");
  await page.getByRole("heading", { name: "Statusgraph Demo" }).first().waitFor();
  return page;
}

it("a viewer sees the incidents but no Publish incident, and no update or delete controls", async () => {
  const page = await h.openConsole(`/console/pages/${pageId}/incidents`, { role: "VIEWER" });
  await page.getByRole("link", { name: "Delayed email ingestion" }).waitFor();
  expect(await page.getByRole("button", { name: "Publish incident" }).count()).toBe(0);
  await checkA11y(page);
  await page.getByRole("link", { name: "Delayed email ingestion" }).click();
  await page.getByRole("heading", { level: 1, name: "Delayed email ingestion" }).waitFor();
  expect(await page.getByRole("button", { name: "Identified" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "More actions" }).count()).toBe(0);
  await checkA11y(page);
  await screenshot(page, "incidents-incident-viewer");
});

it("refuses an empty name and message beside the fields, publishing nothing", async () => {
  const before = await incidentNames();
  const page = await h.openConsole(`/console/pages/${pageId}/incidents/new`, { role: "PUBLISHER" });
  await page.getByRole("button", { name: "Review incident" }).click();
  await expect.poll(() => page.locator("#error-input-name").textContent()).toMatch(/empty/);
  expect(await page.locator("#error-input-message").textContent()).toMatch(/empty/);
  expect(await page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  expect(await page.getByRole("button", { name: "Publish incident" }).count()).toBe(0);
  await checkA11y(page);
  await screenshot(page, "incidents-validation");
  expect(await incidentNames()).toEqual(before);
});

it("publishes after review, updates, resolves and deletes — seen through the API and on the public page", async () => {
  const viewer = await publicPage();
  const [first, second] = [components[0]!, components[1]!];
  const page = await h.openConsole(`/console/pages/${pageId}/incidents`, { role: "PUBLISHER" });
  await page.getByRole("button", { name: "Publish incident" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Ticket search is slow");
  await page.getByRole("radio", { name: "Investigating" }).check();
  expect(await page.getByText("Fix is implemented and we are monitoring the situation").count()).toBe(1);
  await page.getByLabel("Message", { exact: true }).fill("Searching tickets takes **minutes**.");
  // The live preview is the server's rendering, as the public page shows it.
  await page.getByRole("region", { name: "Rendered preview" }).locator("strong", { hasText: "minutes" }).waitFor();
  await page.getByLabel(first.name, { exact: true }).selectOption({ label: "Partial outage" });
  await page.getByLabel(second.name, { exact: true }).selectOption({ label: "No impact" });
  expect(await page.getByLabel("Notify subscribers").isChecked()).toBe(true);
  await checkA11y(page);
  await screenshot(page, "incidents-new");

  await page.getByRole("button", { name: "Review incident" }).click();
  const review = page.getByRole("region", { name: "Review" });
  await review.getByRole("heading", { name: "Ticket search is slow" }).waitFor();
  expect(await review.locator(".component-changes").textContent()).toContain(`${first.name}: Operational → Partial outage`);
  expect(await review.locator(".notified").textContent()).toBe("0 email subscribers will be notified.");
  expect(await review.locator(".notified-webhooks").textContent()).toBe("0 webhook endpoints will be notified.");
  // Reviewing wrote nothing.
  expect(await incidentNames()).not.toContain("Ticket search is slow");
  await checkA11y(page);
  await screenshot(page, "incidents-review");

  await page.getByRole("button", { name: "Publish incident" }).click();
  await page.waitForURL(new RegExp(`/console/pages/${pageId}/incidents/(?!new)[^/]+$`));
  const incidentId = page.url().split("/").pop()!;
  await page.getByRole("heading", { level: 1, name: "Ticket search is slow" }).waitFor();
  const published = await readIncident(incidentId);
  expect(published).toMatchObject({ name: "Ticket search is slow", status: "INVESTIGATING", currentImpacts: [{ name: first.name, impact: "PARTIAL_OUTAGE" }] });
  await viewer.locator(".incident", { hasText: "Ticket search is slow" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "incidents-incident");

  // The status bar says the current status and opens the update form.
  await page.getByRole("button", { name: "Investigating" }).click();
  await page.getByRole("radio", { name: "Identified" }).check();
  await page.getByLabel("Message", { exact: true }).fill("An index rebuild is under way.");
  await page.getByLabel(first.name, { exact: true }).selectOption({ label: "Degraded performance" });
  await page.getByRole("button", { name: "Review update" }).click();
  await page.getByRole("region", { name: "Review" }).getByText("An index rebuild is under way.").waitFor();
  await checkA11y(page);
  await screenshot(page, "incidents-update-review");
  await page.getByRole("button", { name: "Publish update" }).click();
  await page.getByRole("button", { name: "Identified" }).waitFor();
  const updated = await readIncident(incidentId);
  expect(updated).toMatchObject({ status: "IDENTIFIED", currentImpacts: [{ name: first.name, impact: "DEGRADED_PERFORMANCE" }] });
  expect(updated!.updates.map((u) => u.status)).toEqual(["IDENTIFIED", "INVESTIGATING"]);
  await viewer.locator(".incident", { hasText: "Ticket search is slow" }).getByText("An index rebuild is under way.").waitFor();

  // Resolving is an update to Resolved.
  await page.getByRole("button", { name: "Identified" }).click();
  await page.getByRole("radio", { name: "Resolved" }).check();
  await page.getByLabel("Message", { exact: true }).fill("Search is fast again.");
  await page.getByRole("button", { name: "Review update" }).click();
  expect(await page.getByRole("region", { name: "Review" }).locator(".component-changes").textContent()).toContain(
    `${first.name}: Degraded performance → Operational`,
  );
  await page.getByRole("button", { name: "Publish update" }).click();
  await page.getByRole("button", { name: "Resolved" }).waitFor();
  const resolved = await readIncident(incidentId);
  expect(resolved).toMatchObject({ status: "RESOLVED", currentImpacts: [] });
  expect(resolved!.resolvedAt).not.toBeNull();
  // Live, the public page stops showing it as ongoing (or shows it resolved).
  await expect
    .poll(async () => (await viewer.getByText("Search is fast again.").count()) > 0 || (await viewer.getByText("An index rebuild is under way.").count()) === 0)
    .toBe(true);

  // The page's list shows it among the recent incidents, linking to it.
  await page.getByRole("link", { name: /Statusgraph Demo/ }).click();
  const recent = page.getByRole("table", { name: "Recent incidents" });
  await recent.getByRole("link", { name: "Ticket search is slow" }).waitFor();
  expect(await page.getByRole("table", { name: "Ongoing incidents" }).getByRole("link", { name: "Delayed email ingestion" }).count()).toBe(1);
  await checkA11y(page);
  await screenshot(page, "incidents-list");
  await recent.getByRole("link", { name: "Ticket search is slow" }).click();

  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("button", { name: "Delete status page incident" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: "Delete “Ticket search is slow”?" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "incidents-delete");
  await dialog.getByRole("button", { name: "Delete incident" }).click();
  await page.waitForURL(`${h.origin}/console/pages/${pageId}/incidents`);
  expect(await readIncident(incidentId)).toBeNull();
  expect(await incidentNames()).not.toContain("Ticket search is slow");
  // Gone from the public page too, once its short public cache has expired.
  await expect
    .poll(
      async () => {
        await viewer.reload();
        await viewer.locator(".incident", { hasText: "Delayed email ingestion" }).first().waitFor();
        return viewer.getByText("Ticket search is slow").count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(0);
}, 240_000);

it("a stale update is refused, listing the change made meanwhile, and Reload starts from it", async () => {
  const created = await h.server.ok<{ publishIncident: { incident: { id: string } } }>(
    `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { ... on IncidentPublication { incident { id } } } }`,
    { input: { pageId, name: "Chat widget offline", status: "INVESTIGATING", message: "The chat widget does not load." } },
  );
  const id = created.publishIncident.incident.id;
  const path = `/console/pages/${pageId}/incidents/${id}`;
  const ann = await h.operator("PUBLISHER", "Ann Publisher");
  const ben = await h.operator("PUBLISHER", "Ben Publisher");
  const [a, b] = [await h.openConsole(path, { as: ann }), await h.openConsole(path, { as: ben })];
  for (const [page, message] of [
    [a, "The widget's CDN is down."],
    [b, "We are restarting the widget."],
  ] as const) {
    await page.getByRole("button", { name: "Investigating" }).click();
    await page.getByRole("radio", { name: "Identified" }).check();
    await page.getByLabel("Message", { exact: true }).fill(message);
    await page.getByRole("button", { name: "Review update" }).click();
    await page.getByRole("button", { name: "Publish update" }).waitFor();
  }
  await a.getByRole("button", { name: "Publish update" }).click();
  await a.getByRole("button", { name: "Identified" }).waitFor();

  await b.getByRole("button", { name: "Publish update" }).click();
  const notice = b.getByRole("region", { name: "Changed since you opened it" });
  await notice.waitFor();
  expect(await notice.textContent()).toContain("Ann Publisher");
  expect(await notice.textContent()).toContain("it is now at version 2");
  await checkA11y(b);
  await screenshot(b, "incidents-conflict");
  expect((await readIncident(id))!.updates.map((u) => u.message)).toEqual(["The widget's CDN is down.", "The chat widget does not load."]);

  await notice.getByRole("button", { name: "Reload" }).click();
  await b.getByRole("region", { name: "Timeline" }).getByText("The widget's CDN is down.").waitFor();
  await expect.poll(() => notice.count()).toBe(0);
}, 240_000);

it("the overview's Publish incident opens the form, its ongoing incidents link to their pages, and an incident page updates live", async () => {
  const viewerConsole = await h.openConsole(`/console/pages/${pageId}`, { role: "VIEWER" });
  await viewerConsole.getByRole("navigation", { name: "Ongoing incidents" }).getByRole("link", { name: "Delayed email ingestion" }).waitFor();
  expect(await viewerConsole.getByRole("button", { name: "Publish incident" }).count()).toBe(0);

  const page = await h.openConsole(`/console/pages/${pageId}`, { role: "PUBLISHER" });
  await page.getByRole("button", { name: "Publish incident" }).click();
  await page.waitForURL(`${h.origin}/console/pages/${pageId}/incidents/new`);
  await page.getByLabel("Name", { exact: true }).waitFor();
  await page.goBack();

  await page.getByRole("navigation", { name: "Ongoing incidents" }).getByRole("link", { name: "Delayed email ingestion" }).click();
  await page.getByRole("heading", { level: 1, name: "Delayed email ingestion" }).waitFor();
  const incidentId = page.url().split("/").pop()!;
  expect((await readIncident(incidentId))!.name).toBe("Delayed email ingestion");
  await checkA11y(page);

  // Another operator publishes an update through the API: the open page shows it without a reload.
  const current = (await readIncident(incidentId))!;
  await h.server.ok(`mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`, {
    input: { incidentId, expectedVersion: current.version, status: "MONITORING", message: "Mail is flowing again; we are watching the queue." },
  });
  await page.getByRole("region", { name: "Timeline" }).getByText("Mail is flowing again; we are watching the queue.").waitFor();
  await page.getByRole("button", { name: "Monitoring" }).waitFor();
  await screenshot(page, "incidents-live-update");
}, 120_000);
