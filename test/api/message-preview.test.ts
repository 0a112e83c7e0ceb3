// A message's preview while it is written: the same HTML the page will show once
// it is published, for publishers only, and nothing written.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { bearer, createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const PREVIEW = `query ($message: String!) { messagePreview(message: $message) }`;
const PUBLISH = `mutation ($input: PublishIncidentInput!) { publishIncident(input: $input) { ... on IncidentPublication { draft { messageHtml } } } }`;

it("renders the Markdown exactly as a published message, raw HTML shown as text", async () => {
  const message = "Sign-in **fails**.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))";
  const { messagePreview } = await t.ok<{ messagePreview: string }>(PREVIEW, { message });
  expect(messagePreview).toContain("<strong>fails</strong>");
  expect(messagePreview).not.toContain("<script>");
  const page = await t.ok<{ createStatusPage: { id: string } }>(`mutation { createStatusPage(input: { title: "Preview" }) { ... on StatusPage { id } } }`);
  const published = await t.ok<{ publishIncident: { draft: { messageHtml: string } } }>(PUBLISH, {
    input: { pageId: page.createStatusPage.id, name: "Preview", status: "INVESTIGATING", message, preview: true },
  });
  expect(messagePreview).toBe(published.publishIncident.draft.messageHtml);
});

it("is refused to a viewer and to an empty message", async () => {
  const viewer = bearer((await createApiKey(t.app.database.db, { name: "viewer", scope: "VIEWER" }, t.app.now())).secret);
  const refused = await t.gql<{ messagePreview: string | null }>(PREVIEW, { message: "hello" }, viewer);
  expect(refused.data?.messagePreview ?? null).toBeNull();
  expect(refused.errors?.length).toBeGreaterThan(0);
  const empty = await t.gql(PREVIEW, { message: "  " });
  expect(empty.errors?.[0]?.message).toMatch(/empty/);
});
