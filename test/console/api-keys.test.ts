// The API keys screen in Chromium: a key created through it shows its secret once
// (copied, used as a bearer, gone after "Done" and after a reload), revoking it
// through the screen refuses that bearer, bad names are shown beside the field and
// create nothing, and non-admins are denied.
import { beforeAll, expect, it } from "vitest";
import { testClock } from "../helpers/app.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
let admin: SignedInOperator;

interface StoredKey {
  id: string;
  name: string;
  scope: string;
  revokedAt: string | null;
}
const storedKeys = async () => (await h.server.ok<{ apiKeys: StoredKey[] }>(`{ apiKeys { id name scope revokedAt } }`)).apiKeys;

interface BearerAnswer {
  status: number;
  body: { data?: { viewer: { kind: string; name: string | null; scope: string | null } | null }; errors?: { message: string }[] };
}
/** Who the service takes `secret` for, and an editor's read (the audit log), asked over real HTTP as a script would. */
async function viewerAs(secret: string): Promise<BearerAnswer> {
  const res = await fetch(`${h.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: "{ viewer { kind name scope } auditLog(first: 1) { edges { node { id } } } }" }),
  });
  return { status: res.status, body: (await res.json()) as BearerAnswer["body"] };
}

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  admin = await h.operator("ADMIN", "Ada Admin");
}, 120_000);

it("creates a key whose secret is shown once and works as a bearer until revoked through the screen", async () => {
  const page = await h.openConsole("/console/admin/operators", { as: admin });
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API keys" }).click();
  await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
  // The harness's own key, made outside the API: listed, with no creator on record.
  await page.getByRole("cell", { name: "test-admin", exact: true }).waitFor();
  await checkA11y(page);
  await screenshot(page, "admin-api-keys");

  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill("deploy bot");
  await page.getByLabel("Scope").selectOption("EDITOR");
  await page.getByRole("button", { name: "Create key" }).click();
  const secretField = page.getByLabel("Secret", { exact: true });
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^sg_key/);
  expect(await secretField.getAttribute("readonly")).not.toBeNull();
  await page.getByText("you will not see it again").waitFor();

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.origin });
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Copied to the clipboard." }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await checkA11y(page);
  await screenshot(page, "admin-api-key-created");

  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "deploy bot", exact: true }) });
  await row.getByRole("cell", { name: "Ada Admin" }).waitFor();
  expect((await storedKeys()).find((k) => k.name === "deploy bot")).toMatchObject({ scope: "EDITOR", revokedAt: null });
  const used = await viewerAs(secret);
  expect(used.status).toBe(200);
  expect(used.body.errors).toBeUndefined();
  expect(used.body.data?.viewer).toEqual({ kind: "OPERATOR", name: "deploy bot", scope: "EDITOR" });

  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Create API key" }).waitFor();
  expect(await page.getByLabel("Secret", { exact: true }).count()).toBe(0);
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await row.waitFor();
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: "Revoke deploy bot" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Revoke the API key “deploy bot”?").waitFor();
  await checkA11y(page);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await row.getByRole("cell", { name: /^Revoked/ }).waitFor();
  expect(await row.getByRole("button", { name: "Revoke deploy bot" }).count()).toBe(0);
  expect((await storedKeys()).find((k) => k.name === "deploy bot")?.revokedAt).not.toBeNull();
  const refused = await viewerAs(secret);
  expect(refused.body.data?.viewer ?? null).not.toMatchObject({ kind: "OPERATOR" });
  expect(JSON.stringify(refused.body.errors ?? [])).toMatch(/unknown or revoked/);
  await checkA11y(page);
}, 180_000);

it("shows an empty or taken name beside the field and creates nothing", async () => {
  const before = await storedKeys();
  const page = await h.openConsole("/console/admin/api-keys", { as: admin });
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByText("Some fields need attention.").waitFor();
  const name = page.getByLabel("Name");
  expect(await name.getAttribute("aria-invalid")).toBe("true");
  const describedBy = await name.getAttribute("aria-describedby");
  expect(await page.locator(`#${describedBy}`).textContent()).toContain("must not be empty");
  await checkA11y(page);
  expect(await storedKeys()).toEqual(before);

  await name.fill("test-admin");
  await page.getByRole("button", { name: "Create key" }).click();
  await page.locator(".field-error").filter({ hasText: 'an API key named "test-admin" already exists' }).waitFor();
  expect(await page.getByLabel("Secret", { exact: true }).count()).toBe(0);
  expect(await storedKeys()).toEqual(before);
  // The API names the field by its input path, as the console expects.
  const taken = await h.server.ok<{ createApiKey: { __typename: string; issues?: { field: string; rule: string }[] } }>(
    `mutation { createApiKey(input: { name: "test-admin", scope: VIEWER }) { __typename ... on ValidationError { issues { field rule } } } }`,
  );
  expect(taken.createApiKey).toEqual({ __typename: "ValidationError", issues: [{ field: "input.name", rule: "unique" }] });
}, 180_000);

it("denies the API keys screen to an editor", async () => {
  const page = await h.openConsole("/console/admin/api-keys", { role: "EDITOR" });
  await page.getByRole("heading", { name: "Access denied" }).waitFor();
  expect(await page.getByRole("button", { name: "Create API key" }).count()).toBe(0);
  expect(await page.getByRole("cell", { name: "test-admin" }).count()).toBe(0);
  await checkA11y(page);
}, 180_000);
