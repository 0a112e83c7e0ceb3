// "Sign out everywhere" in Chromium: one operator signed in from two browsers
// (two sessions); confirming in one ends both, and nobody else's.
import { expect, it } from "vitest";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { checkA11y, screenshot, useConsoleHarness, type SignedInOperator } from "./harness.js";

const h = useConsoleHarness();

/** The same operator with a session of its own, as when they sign in on another device. */
async function anotherSession(operator: SignedInOperator): Promise<SignedInOperator> {
  const { secret } = await startOperatorSession(h.server.app.database.db, operator.id, { address: null, userAgent: null }, h.server.app.now());
  return { ...operator, cookie: secret };
}

/** Who the service takes the session cookie `cookie` for. */
async function viewerWith(cookie: string) {
  const answer = await h.server.ok<{ viewer: { kind: string; operator: { id: string } | null } }>(
    `{ viewer { kind operator { id } } }`,
    {},
    { cookie: `sg_operator=${cookie}` },
  );
  return answer.viewer;
}

it("ends every session of the operator: this browser and another are at the sign-in screen", async () => {
  const ed = await h.operator("EDITOR", "Ed Editor");
  const edElsewhere = await anotherSession(ed);
  const bystander = await h.operator("EDITOR", "Bea Bystander");
  const here = await h.openConsole("/console", { as: ed });
  const there = await h.openConsole("/console", { as: edElsewhere });
  for (const page of [here, there]) await page.getByRole("heading", { name: "Status pages", level: 1 }).waitFor();

  await here.getByRole("button", { name: "Account" }).click();
  await here.getByText(`Signed in as ${ed.email}`).waitFor();
  await checkA11y(here);
  await here.getByRole("button", { name: "Sign out everywhere…" }).click();
  const dialog = here.getByRole("dialog");
  await dialog.getByText(`Sign out of every session of ${ed.email}`).waitFor();
  await checkA11y(here);
  await screenshot(here, "sign-out-everywhere");
  // Nothing ends before the confirmation.
  expect((await viewerWith(edElsewhere.cookie)).operator?.id).toBe(ed.id);

  await dialog.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await here.getByRole("heading", { name: "Sign in to the Statusgraph console" }).waitFor();
  await checkA11y(here);

  for (const cookie of [ed.cookie, edElsewhere.cookie]) expect(await viewerWith(cookie)).toEqual({ kind: "ANONYMOUS", operator: null });
  expect((await viewerWith(bystander.cookie)).operator?.id).toBe(bystander.id);
  await there.reload();
  await there.getByRole("heading", { name: "Sign in to the Statusgraph console" }).waitFor();
  expect(await there.getByRole("navigation", { name: "Main" }).count()).toBe(0);
}, 180_000);

it("keeps the session when the confirmation is cancelled", async () => {
  const vic = await h.operator("VIEWER", "Vic Viewer");
  const page = await h.openConsole("/console", { as: vic });
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("button", { name: "Sign out everywhere…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Sign out everywhere…" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Status pages", level: 1 }).waitFor();
  expect((await viewerWith(vic.cookie)).operator?.id).toBe(vic.id);
}, 180_000);
