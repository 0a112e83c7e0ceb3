// The webhook endpoints screen in Chromium, against a real receiver on loopback: an
// editor adds an endpoint, the secret the screen shows once verifies the delivery of a
// published incident (standardwebhooks), the log shows it; rotating, editing, a refused
// URL beside its field, the service disabling a failing endpoint and enabling it again,
// paging the log, deleting, and operators below editor offered nothing.
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testClock } from "../helpers/app.js";
import { publishIncident } from "../helpers/fixtures.js";
import { startWebhookReceiver, type Arrival, type WebhookReceiver } from "../notifications/webhook-receiver.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
let receiver: WebhookReceiver;
let editor: SignedInOperator;
let demo: { id: string };

/** An endpoint as the API lists it. */
interface StoredEndpoint {
  id: string;
  url: string;
  kind: string;
  description: string;
  enabled: boolean;
  events: string[];
  disabledReason: string | null;
}
const ENDPOINTS = `query ($pageId: ID!) { webhookEndpoints(pageId: $pageId) { id url kind description enabled events disabledReason } }`;
const stored = async () => (await h.server.ok<{ webhookEndpoints: StoredEndpoint[] }>(ENDPOINTS, { pageId: demo.id })).webhookEndpoints;
const storedAt = async (url: string) => (await stored()).find((e) => e.url === url);

const arrivalsAt = (path: string): Arrival[] => receiver.arrivals.filter((a) => a.path === path);

/** Publishes an incident on the demo page and runs the notification worker until `path` has heard `count` events. */
async function publishAndDeliver(name: string, path: string, count: number): Promise<Arrival> {
  await publishIncident(h.server, demo.id, [], { name });
  await expect
    .poll(
      async () => {
        await h.server.app.notifications.tick();
        return arrivalsAt(path).length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
  return arrivalsAt(path)[count - 1]!;
}

/** Adds an endpoint for `path` through the screen; returns the secret it shows. */
async function addEndpoint(page: Page, path: string): Promise<string> {
  await page.getByRole("button", { name: "Add webhook endpoint" }).click();
  await page.getByRole("textbox", { name: "URL" }).fill(`${receiver.url}${path}`);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "I have stored it" }).click();
  return secret;
}

const endpointCard = (page: Page, url: string) => page.getByRole("article", { name: url });

const h = useConsoleHarness({ now: clock.now, webhooks: { allowHttp: true, allowPrivateAddresses: true } });
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ statusPage: demo } = await h.server.ok<{ statusPage: typeof demo }>(`{ statusPage(slug: "demo") { id } }`));
  editor = await h.operator("EDITOR", "Eddie Editor");
  // What the demo published before any endpoint existed is delivered to nobody.
  await h.server.app.notifications.tick();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
}, 180_000);

it("adds an endpoint: the secret shown once verifies the delivery of a published incident, and the log shows it", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}`, { as: editor });
  await page.getByRole("link", { name: "Webhooks", exact: true }).click();
  await page.getByRole("heading", { name: /^Webhook endpoints/, level: 1 }).waitFor();
  await page.getByText("No webhook endpoints yet").waitFor();
  await checkA11y(page);
  await page.getByRole("button", { name: "Add webhook endpoint" }).click();
  const url = `${receiver.url}/hooks/main`;
  await page.getByRole("textbox", { name: "URL" }).fill(url);
  await page.getByLabel("Format").selectOption("JSON");
  await page.getByLabel("Description (optional)").fill("Ops receiver");
  await checkA11y(page);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByRole("heading", { name: "Signing secret" }).waitFor();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  await checkA11y(page);
  await screenshot(page, "page-webhooks-secret");
  await page.getByRole("button", { name: "I have stored it" }).click();
  expect(await page.getByRole("textbox", { name: "Signing secret" }).count()).toBe(0);
  expect(await storedAt(url)).toMatchObject({
    kind: "JSON",
    description: "Ops receiver",
    enabled: true,
    events: ["INCIDENT", "MAINTENANCE", "COMPONENT_STATUS"],
  });

  const arrival = await publishAndDeliver("Webhook check", "/hooks/main", 1);
  const event = new Webhook(secret).verify(arrival.body, arrival.headers as Record<string, string>);
  expect(event).toMatchObject({ type: "incident.created", incident: { name: "Webhook check" }, page: { id: demo.id } });

  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Show deliveries" }).click();
  const log = card.getByRole("region", { name: `Deliveries to ${url}` });
  await log.getByRole("cell", { name: "incident.created" }).waitFor();
  await log.getByRole("cell", { name: "HTTP 204" }).waitFor();
  // 08:00 UTC is 4:00 AM in New York in June, and the caption names the zone.
  expect(await log.getByRole("cell", { name: /4:00 AM EDT/ }).count()).toBe(1);
  expect(await log.locator("caption").textContent()).toContain("America/New_York (EDT)");
  await page.reload();
  await endpointCard(page, url).getByText("Delivered (HTTP 204)").waitFor();
  await endpointCard(page, url).getByRole("button", { name: "Show deliveries" }).click();
  await page.getByRole("cell", { name: "incident.created" }).waitFor();
  await checkA11y(page);
  await screenshot(page, "page-webhooks");
}, 180_000);

it("rotates the secret: the new one is shown once and signs the next delivery, the old one no longer verifies", async () => {
  const url = `${receiver.url}/hooks/main`;
  const page = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Rotate secret" }).click();
  const dialog = card.getByRole("dialog", { name: `Rotate the signing secret of ${url}?` });
  await dialog.waitFor();
  await checkA11y(page);
  const before = arrivalsAt("/hooks/main")[0]!;
  await dialog.getByRole("button", { name: "Rotate now" }).click();
  await page.getByRole("heading", { name: "New signing secret" }).waitFor();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  await checkA11y(page);
  expect(secret).toMatch(/^whsec_/);
  // The first delivery was signed with the secret shown on create, which is not this one.
  expect(() => new Webhook(secret).verify(before.body, before.headers as Record<string, string>)).toThrow();

  const arrival = await publishAndDeliver("After rotation", "/hooks/main", 2);
  expect(new Webhook(secret).verify(arrival.body, arrival.headers as Record<string, string>)).toMatchObject({ incident: { name: "After rotation" } });
}, 180_000);

it("refuses a URL beside its field and creates nothing", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  await page.getByRole("article").first().waitFor();
  const count = (await stored()).length;
  await page.getByRole("button", { name: "Add webhook endpoint" }).click();
  await page.getByRole("textbox", { name: "URL" }).fill("ftp://hooks.example.com/in");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByText("Some fields need attention.").waitFor();
  expect(await page.locator("#error-input-url").textContent()).toBe("must use https or http");
  expect(await page.getByRole("textbox", { name: "URL" }).getAttribute("aria-invalid")).toBe("true");
  await page.getByRole("textbox", { name: "URL" }).fill("http://user:secret@127.0.0.1/in");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.locator("#error-input-url", { hasText: "user name or password" }).waitFor();
  await page.getByRole("textbox", { name: "URL" }).fill(`${receiver.url}/nothing`);
  for (const event of ["Incidents", "Maintenance", "Component status changes"]) await page.getByLabel(event).uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByText("choose at least one kind of event").waitFor();
  await checkA11y(page);
  await screenshot(page, "page-webhooks-refused");
  expect((await stored()).length).toBe(count);
}, 180_000);

it("edits an endpoint's format, events and enabled flag", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  await addEndpoint(page, "/hooks/slack");
  const url = `${receiver.url}/hooks/slack`;
  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Edit" }).click();
  await card.getByLabel("Format").selectOption("SLACK");
  await card.getByLabel("Maintenance").uncheck();
  await card.getByLabel("Enabled: send events to it").uncheck();
  await checkA11y(page);
  await card.getByRole("button", { name: "Save changes" }).click();
  await card.getByText("Slack message").waitFor();
  await card
    .getByRole("definition")
    .filter({ hasText: /^Disabled$/ })
    .waitFor();
  expect(await storedAt(url)).toMatchObject({ kind: "SLACK", enabled: false, events: ["INCIDENT", "COMPONENT_STATUS"] });
  await card.getByRole("button", { name: "Enable again" }).click();
  await card
    .getByRole("definition")
    .filter({ hasText: /^Enabled$/ })
    .waitFor();
  expect((await storedAt(url))?.enabled).toBe(true);
}, 180_000);

it("shows the retries of a failing endpoint, the service disabling it and why, pages its log, and enables it again", async () => {
  const page = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  await addEndpoint(page, "/hooks/failing");
  const url = `${receiver.url}/hooks/failing`;
  await publishAndDeliver("Delivered before failing", "/hooks/failing", 1);
  receiver.answer = (_index, arrival) => ({ status: arrival.path === "/hooks/failing" ? 500 : 204 });
  await publishAndDeliver("Never delivered", "/hooks/failing", 2);

  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Show deliveries" }).click();
  const newest = card.getByRole("row").nth(1);
  await newest.getByRole("cell", { name: "HTTP 500" }).waitFor();
  expect(await newest.getByRole("cell", { name: "Failed" }).count()).toBe(1);
  // The first retry comes about 30 s later: the same minute, in New York.
  expect(await newest.getByRole("cell").nth(5).textContent()).toMatch(/Jun 1, 2030, 4:0\d AM EDT/);

  // Each retry waits at most 12 h (plus jitter); the tenth attempt is the last.
  for (let i = 0; i < 20 && arrivalsAt("/hooks/failing").length < 11; i++) {
    clock.advance(14 * 60 * 60_000);
    await h.server.app.notifications.tick();
  }
  expect(arrivalsAt("/hooks/failing")).toHaveLength(11);
  await expect.poll(async () => (await storedAt(url))?.disabledReason ?? null, { timeout: 30_000 }).toMatch(/failed on all 10 attempts/);
  expect((await storedAt(url))?.enabled).toBe(false);

  // Sessions end after 12 idle hours, and days have passed: the editor signs in again.
  editor = await h.operator("EDITOR", "Eddie Editor");
  const later = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  const reloaded = endpointCard(later, url);
  await reloaded.getByText(/Disabled by the service on .*failed on all 10 attempts; the last: HTTP 500/).waitFor();
  await reloaded.getByRole("button", { name: "Show deliveries" }).click();
  const log = reloaded.getByRole("region", { name: `Deliveries to ${url}` });
  await expect.poll(() => log.getByRole("row").count(), { timeout: 30_000 }).toBe(11);
  expect(await log.getByRole("cell", { name: "HTTP 500" }).count()).toBe(10);
  await checkA11y(later);
  await screenshot(later, "page-webhooks-disabled");
  await log.getByRole("button", { name: "Older deliveries" }).click();
  await expect.poll(() => log.getByRole("row").count(), { timeout: 30_000 }).toBe(2);
  await log.getByRole("cell", { name: "HTTP 204" }).waitFor();
  expect(await log.getByRole("button", { name: "Older deliveries" }).isDisabled()).toBe(true);
  await log.getByRole("button", { name: "Newer deliveries" }).click();
  await expect.poll(() => log.getByRole("row").count(), { timeout: 30_000 }).toBe(11);

  receiver.answer = () => ({ status: 204 });
  await reloaded.getByRole("button", { name: "Enable again" }).click();
  await reloaded
    .getByRole("definition")
    .filter({ hasText: /^Enabled$/ })
    .waitFor();
  expect(await storedAt(url)).toMatchObject({ enabled: true, disabledReason: null });
}, 180_000);

it("deletes an endpoint after a confirmation naming its URL", async () => {
  const url = `${receiver.url}/hooks/slack`;
  const page = await h.openConsole(`/console/pages/${demo.id}/webhooks`, { as: editor });
  await endpointCard(page, url)
    .getByRole("button", { name: `Delete ${url}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Delete “${url}”?` });
  await dialog.waitFor();
  await checkA11y(page);
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Deleted ${url}.` })
    .waitFor();
  // The list is read again after the delete; the card goes when that answer arrives.
  await expect.poll(() => endpointCard(page, url).count(), { timeout: 30_000 }).toBe(0);
  expect(await storedAt(url)).toBeUndefined();
  expect(await storedAt(`${receiver.url}/hooks/main`)).toBeDefined();
}, 180_000);

it("offers publishers and viewers no webhook controls, as the API lets only editors manage them", async () => {
  for (const role of ["PUBLISHER", "VIEWER"] as const) {
    const page = await h.openConsole(`/console/pages/${demo.id}`, { role });
    await page.getByRole("heading", { name: "Statusgraph Demo", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Webhooks", exact: true }).count()).toBe(0);
    await page.goto(`${h.origin}/console/pages/${demo.id}/webhooks`);
    await page.getByRole("alert").filter({ hasText: "Only editors and admins manage webhook endpoints" }).waitFor();
    for (const name of ["Add webhook endpoint", "Edit", "Rotate secret", "Show deliveries"]) expect(await page.getByRole("button", { name }).count()).toBe(0);
    expect(await page.getByRole("article").count()).toBe(0);
    await checkA11y(page);
    if (role === "PUBLISHER") await screenshot(page, "page-webhooks-denied");
  }
}, 180_000);
