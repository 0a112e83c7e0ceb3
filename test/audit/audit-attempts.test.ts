// The audit log beyond committed changes: attempts refused for authorization and previews
// are recorded (without arguments or secrets), secrets never reach an entry, the client's
// address is kept over real HTTP, and AUDIT_RETENTION_DAYS prunes old entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, PUBLISH_INCIDENT } from "../helpers/fixtures.js";

const clock = testClock("2030-05-01T12:00:00Z");
let t: TestApp;
let publisher: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, auditRetentionDays: 30 });
  publisher = (await createApiKey(t.app.database.db, { name: "publisher-key", scope: "PUBLISHER" }, clock.now())).secret;
}, 60_000);
afterAll(() => t.close());

const entries = (where: Record<string, unknown>) => t.app.database.db.auditEntry.findMany({ where, orderBy: { at: "asc" } });

it("records a publisher's refused catalog change as REFUSED, without its arguments, and changes nothing", async () => {
  const query = `mutation ($input: CreateCatalogTypeInput!) { createCatalogType(input: $input) { __typename ... on AccessDeniedError { reason } } }`;
  const { data } = await t.gql<{ createCatalogType: { __typename: string } }>(query, { input: { name: "Secret-ish name" } }, bearer(publisher));
  expect(data?.createCatalogType.__typename).toBe("AccessDeniedError");
  await expect
    .poll(() => entries({ outcome: "REFUSED" }))
    .toEqual([expect.objectContaining({ operation: "createCatalogType", actorKind: "operator", actorName: "publisher-key", before: null, after: null })]);
  const [refused] = await entries({ outcome: "REFUSED" });
  expect(JSON.stringify(refused)).not.toContain("Secret-ish name");
  expect(await t.app.database.db.catalogType.count({ where: { name: "Secret-ish name" } })).toBe(0);
  expect(await entries({ outcome: "CHANGED", operation: "createCatalogType" })).toEqual([]);
});

it("records a preview as PREVIEW, and nothing as CHANGED", async () => {
  const [api] = (await createComponents(t, ["API"])) as [string];
  const page = await createPage(t, [api]);
  const input = {
    pageId: page.id,
    name: "Preview only",
    status: "INVESTIGATING",
    message: "Looking.",
    impacts: [{ componentId: api, impact: "DEGRADED_PERFORMANCE" }],
    preview: true,
  };
  const { publishIncident } = await t.ok<{ publishIncident: { preview: boolean } }>(PUBLISH_INCIDENT, { input });
  expect(publishIncident.preview).toBe(true);
  const previews = await entries({ outcome: "PREVIEW", operation: "publishIncident" });
  expect(previews).toEqual([expect.objectContaining({ objectType: "Incident", actorName: "test-admin", summary: "Previewed publishIncident" })]);
  expect(JSON.parse(previews[0]!.after!).draft.name).toBe("Preview only");
  expect(await entries({ outcome: "CHANGED", operation: "publishIncident" })).toEqual([]);
});

it("keeps no secret of a created API key, and records the client's address over HTTP", async () => {
  const url = await t.app.start();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(t.adminKey) },
    body: JSON.stringify({ query: `mutation { createApiKey(input: { name: "ci", scope: VIEWER }) { ... on CreatedApiKey { secret key { id } } } }` }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(JSON.stringify(body));
  const { data } = body as { data: { createApiKey: { secret: string; key: { id: string } } } };
  const [entry] = await entries({ operation: "createApiKey", objectId: data.createApiKey.key.id });
  expect(entry).toMatchObject({ outcome: "CHANGED", address: expect.stringMatching(/127\.0\.0\.1/) });
  expect(entry!.after).not.toContain(data.createApiKey.secret);
  const stored = await t.app.database.db.apiKey.findUniqueOrThrow({ where: { id: data.createApiKey.key.id } });
  expect(entry!.after).not.toContain(stored.hash);
  expect(JSON.parse(entry!.after!)).not.toHaveProperty("hash");
});

describe("retention", () => {
  it("prunes entries older than AUDIT_RETENTION_DAYS on the pruning round, and keeps the rest", async () => {
    const before = await t.app.database.db.auditEntry.count();
    expect(before).toBeGreaterThan(0);
    clock.set("2030-05-31T11:59:00Z");
    await t.app.signInPruning.tick();
    expect(await t.app.database.db.auditEntry.count()).toBe(before);
    await t.ok(`mutation { createStatusPage(input: { title: "Later" }) { __typename } }`);
    clock.set("2030-05-31T12:01:00Z");
    await t.app.signInPruning.tick();
    expect((await t.app.database.db.auditEntry.findMany()).map((e) => e.summary)).toEqual(['Created status page "Later"']);
  });
});
