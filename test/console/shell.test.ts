// The console's frame in Chromium: signed out, the sign-in screen (and an emailed
// link that signs in end to end); signed in, the navigation, the operator and their
// role; controls hidden from roles that may not use them; unknown paths; axe clean.
import { expect, it } from "vitest";
import { linkIn } from "../auth/smtp.js";
import { checkA11y, screenshot, useConsoleHarness } from "./harness.js";

const h = useConsoleHarness();

it("serves the console at /console and below, and refuses the slug to status pages", async () => {
  for (const path of ["/console", "/console/", "/console/pages/x", "/console/anything/at/all"]) {
    const res = await fetch(`${h.origin}${path}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>Statusgraph console</title>");
  }
  const answer = await h.server.ok<{ createStatusPage: { __typename: string; issues?: { field: string; rule: string }[] } }>(
    `mutation { createStatusPage(input: { title: "Console", slug: "console" }) { __typename ... on ValidationError { issues { field rule } } } }`,
  );
  expect(answer.createStatusPage.__typename).toBe("ValidationError");
  expect(answer.createStatusPage.issues?.[0]?.field).toBe("input.slug");
});

it("signs out → the sign-in screen; the emailed link signs the operator in and lands on the console", async () => {
  const vera = await h.operator("VIEWER", "Vera Viewer");
  const page = await h.openConsole("/console/pages/anything");
  await page.getByRole("heading", { name: "Sign in to the Statusgraph console" }).waitFor();
  // No single sign-on configured: no button for it.
  expect(await page.getByRole("link", { name: /single sign-on/i }).count()).toBe(0);
  await checkA11y(page);
  await screenshot(page, "sign-in");

  await page.getByLabel("Work email").fill(vera.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByText("If that address belongs to an operator, a sign-in link is on its way.").waitFor();
  const link = linkIn(await h.smtp.waitForMail(vera.email));
  await page.goto(link.toString());
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${h.origin}/console`);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await expect.poll(() => page.locator(".who").textContent()).toContain("Vera Viewer");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in to the Statusgraph console" }).waitFor();
  const who = await fetch(`${h.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `sg_operator=${vera.cookie}` },
    body: JSON.stringify({ query: "{ viewer { kind } }" }),
  });
  // That operator's other session (the harness's) is still on; the browser's own is over.
  expect(((await who.json()) as { data: { viewer: { kind: string } } }).data.viewer.kind).toBe("OPERATOR");
});

it("shows why a single sign-on was refused", async () => {
  const page = await h.openConsole("/console/sign-in?error=oidc_no_account");
  await page.getByRole("alert").filter({ hasText: "There is no operator account for your address" }).waitFor();
});

it("signed in: header with the operator and role, the main navigation, the pages, axe clean", async () => {
  const page = await h.openConsole("/console", { role: "EDITOR" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.waitFor();
  for (const name of ["Status pages", "Catalog"]) expect(await nav.getByRole("link", { name }).count()).toBe(1);
  // Admin screens are for admins only.
  expect(await nav.getByRole("link", { name: "Admin" }).count()).toBe(0);
  expect(await nav.getByRole("link", { name: "Status pages" }).getAttribute("aria-current")).toBe("page");
  expect(await page.locator(".role-badge").textContent()).toBe("Editor");
  await page.getByRole("row", { name: /Statusgraph Demo/ }).waitFor();
  expect(await page.getByRole("banner").count()).toBe(1);
  expect(await page.getByRole("main").count()).toBe(1);
  await checkA11y(page);
  await screenshot(page, "pages-editor");
});

it("hides what a role may not use: admins see Admin, viewers see neither it nor editing controls", async () => {
  const admin = await h.openConsole("/console", { role: "ADMIN" });
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).waitFor();
  expect(await admin.locator(".role-badge").textContent()).toBe("Admin");
  const viewer = await h.openConsole("/console", { role: "VIEWER" });
  await viewer.getByRole("row", { name: /Statusgraph Demo/ }).waitFor();
  expect(await viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).count()).toBe(0);
  expect(await viewer.locator("main").getByRole("button").count()).toBe(0);
  await screenshot(viewer, "pages-viewer");
});

it("an unknown console path shows the not-found screen inside the frame", async () => {
  const page = await h.openConsole("/console/no/such/screen", { role: "VIEWER" });
  await page.getByRole("heading", { name: "Not found" }).waitFor();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await checkA11y(page);
});
