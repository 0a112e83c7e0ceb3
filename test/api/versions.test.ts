// Optimistic concurrency: two operators editing the same object from the same version;
// the second change is refused with who changed it, and nothing of it is written.
// With TEST_POSTGRES_URL the same races run on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";

const clock = testClock("2030-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let api: string;
let alice: Record<string, string>;
let bob: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [api] = (await createComponents(t, ["API"])) as [string];
  page = await createPage(t, [api]);
  const key = async (name: string) => bearer((await createApiKey(t.app.database.db, { name, scope: "EDITOR" }, clock.now())).secret);
  alice = await key("alice-console");
  bob = await key("bob-console");
});
afterAll(() => t.close());

const STALE = `... on StaleVersionError { code field objectType currentVersion expectedVersion updatedBy updatedAt changesSince { at by summary fields } }`;

const INCIDENT = /* GraphQL */ `
  query ($id: ID!) {
    incident(id: $id) { version updatedBy updatedAt status updates { message } }
  }
`;

const UPDATE_INCIDENT = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) {
    publishIncidentUpdate(input: $input) {
      __typename
      ... on IncidentPublication { incident { version updatedBy } }
      ${STALE}
    }
  }
`;

const DELETE_INCIDENT = /* GraphQL */ `
  mutation ($id: ID!, $expectedVersion: Int) {
    deleteIncident(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ${STALE}
    }
  }
`;

async function readIncident(id: string) {
  return (
    await t.ok<{ incident: { version: number; updatedBy: string; updatedAt: string; status: string; updates: { message: string }[] } | null }>(INCIDENT, { id })
  ).incident;
}

const update = (incidentId: string, message: string, as: Record<string, string>, expectedVersion?: number) =>
  t.ok<{ publishIncidentUpdate: Record<string, unknown> }>(UPDATE_INCIDENT, { input: { incidentId, status: "IDENTIFIED", message, expectedVersion } }, as);

describe("an incident two operators update from the same version", () => {
  it("takes the first and refuses the second with STALE_VERSION naming who changed it; nothing of the second is written", async () => {
    const id = await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }]);
    const before = await readIncident(id);
    expect(before?.version).toBe(1);
    const results = await Promise.all([update(id, "From Alice.", alice, 1), update(id, "From Bob.", bob, 1)]);
    const kinds = results.map((r) => r.publishIncidentUpdate.__typename).sort();
    expect(kinds).toEqual(["IncidentPublication", "StaleVersionError"]);
    const winner = results.findIndex((r) => r.publishIncidentUpdate.__typename === "IncidentPublication");
    const winnerName = winner === 0 ? "alice-console" : "bob-console";
    const stale = results[1 - winner]!.publishIncidentUpdate;
    expect(stale).toMatchObject({
      code: "STALE_VERSION",
      field: "expectedVersion",
      objectType: "Incident",
      currentVersion: 2,
      expectedVersion: 1,
      updatedBy: winnerName,
    });
    // What changed meanwhile, from the audit log: the winner's update, and which fields it touched.
    const missed = stale.changesSince as { by: string; summary: string; fields: string[] }[];
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ by: winnerName, summary: expect.stringMatching(/update/i) });
    expect(missed[0]!.fields.length).toBeGreaterThan(0);
    const after = await readIncident(id);
    expect(after).toMatchObject({ version: 2, updatedBy: winnerName, updatedAt: stale.updatedAt });
    expect(after!.updates.map((u) => u.message)).toEqual([winner === 0 ? "From Alice." : "From Bob.", expect.any(String)]);
  });

  it("keeps last-write-wins for clients that send no version", async () => {
    const id = await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }]);
    await update(id, "First.", alice);
    const second = await update(id, "Second.", bob);
    expect(second.publishIncidentUpdate).toMatchObject({ __typename: "IncidentPublication", incident: { version: 3, updatedBy: "bob-console" } });
    expect((await readIncident(id))!.updates.map((u) => u.message).slice(0, 2)).toEqual(["Second.", "First."]);
  });

  it("refuses a delete made from a stale version and keeps the incident", async () => {
    const id = await publishIncident(t, page.id, [{ componentId: api, impact: "FULL_OUTAGE" }]);
    await update(id, "Changed meanwhile.", alice, 1);
    const { deleteIncident: refused } = await t.ok<{ deleteIncident: unknown }>(DELETE_INCIDENT, { id, expectedVersion: 1 }, bob);
    expect(refused).toMatchObject({ __typename: "StaleVersionError", currentVersion: 2, updatedBy: "alice-console" });
    expect(await readIncident(id)).toMatchObject({ version: 2, updates: [{ message: "Changed meanwhile." }, expect.anything()] });
    const { deleteIncident: done } = await t.ok<{ deleteIncident: { __typename: string } }>(DELETE_INCIDENT, { id, expectedVersion: 2 }, bob);
    expect(done.__typename).toBe("Incident");
    expect(await readIncident(id)).toBeNull();
  });
});

const MAINTENANCE = /* GraphQL */ `
  query ($id: ID!) {
    maintenance(id: $id) { version updatedBy status updates { message } }
  }
`;

const UPDATE_MAINTENANCE = /* GraphQL */ `
  mutation ($input: PublishMaintenanceUpdateInput!) {
    publishMaintenanceUpdate(input: $input) {
      __typename
      ${STALE}
    }
  }
`;

describe("maintenance the scheduler moved on", () => {
  it("refuses an operator's update made from before the scheduler's transition", async () => {
    const startsAt = new Date(clock.now().getTime() + 60_000).toISOString();
    const endsAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const id = await scheduleMaintenance(t, page.id, { startsAt, endsAt }, [{ componentId: api, impact: "UNDER_MAINTENANCE" }]);
    const read = (await t.ok<{ maintenance: { version: number } }>(MAINTENANCE, { id })).maintenance;
    expect(read).toMatchObject({ version: 1, status: "SCHEDULED", updatedBy: "test-admin" });
    clock.advance(120_000);
    expect(await t.app.scheduler.tick()).toBe(1);
    const input = { maintenanceId: id, status: "SCHEDULED", message: "Moved by an hour.", expectedVersion: read.version };
    const { publishMaintenanceUpdate: refused } = await t.ok<{ publishMaintenanceUpdate: unknown }>(UPDATE_MAINTENANCE, { input }, alice);
    expect(refused).toMatchObject({ __typename: "StaleVersionError", objectType: "Maintenance", currentVersion: 2, updatedBy: "system" });
    const after = (await t.ok<{ maintenance: { updates: { message: string }[] } }>(MAINTENANCE, { id })).maintenance;
    expect(after).toMatchObject({ version: 2, status: "IN_PROGRESS", updatedBy: "system" });
    expect(after.updates.map((u) => u.message)).not.toContain("Moved by an hour.");
  });
});

const ENTRY = /* GraphQL */ `
  query ($id: ID!) {
    catalogEntry(id: $id) { name version updatedBy }
  }
`;

const UPDATE_ENTRY = /* GraphQL */ `
  mutation ($input: UpdateCatalogEntryInput!) {
    updateCatalogEntry(input: $input) {
      __typename
      ... on CatalogEntry { name version }
      ${STALE}
    }
  }
`;

const UPDATE_PAGE = /* GraphQL */ `
  mutation ($input: UpdateStatusPageInput!) {
    updateStatusPage(input: $input) {
      __typename
      ... on StatusPage { title version updatedBy }
      ${STALE}
    }
  }
`;

describe("catalog entries and pages", () => {
  it("takes one of two renames of a catalog entry made from the same version", async () => {
    const renames = await Promise.all(
      [
        ["API (EU)", alice],
        ["API (US)", bob],
      ].map(([name, as]) =>
        t.ok<{ updateCatalogEntry: { __typename: string; name?: string; updatedBy?: string } }>(
          UPDATE_ENTRY,
          { input: { id: api, name, expectedVersion: 1 } },
          as as Record<string, string>,
        ),
      ),
    );
    const won = renames.map((r) => r.updateCatalogEntry).find((r) => r.__typename === "CatalogEntry");
    const lost = renames.map((r) => r.updateCatalogEntry).find((r) => r.__typename === "StaleVersionError");
    expect(won).toMatchObject({ version: 2 });
    expect(lost).toMatchObject({ code: "STALE_VERSION", currentVersion: 2 });
    expect((await t.ok<{ catalogEntry: unknown }>(ENTRY, { id: api })).catalogEntry).toEqual({ name: won!.name, version: 2, updatedBy: lost!.updatedBy });
  });

  it("refuses a stale page update and writes nothing", async () => {
    const first = await t.ok<{ updateStatusPage: unknown }>(UPDATE_PAGE, { input: { id: page.id, title: "Renamed by Alice", expectedVersion: 1 } }, alice);
    expect(first.updateStatusPage).toMatchObject({ __typename: "StatusPage", version: 2, updatedBy: "alice-console" });
    const second = await t.ok<{ updateStatusPage: unknown }>(UPDATE_PAGE, { input: { id: page.id, title: "Renamed by Bob", expectedVersion: 1 } }, bob);
    expect(second.updateStatusPage).toMatchObject({ __typename: "StaleVersionError", objectType: "StatusPage", updatedBy: "alice-console" });
    const read = await t.ok<{ statusPages: { id: string }[] }>(`{ statusPages { id title version } }`, {});
    expect(read.statusPages.find((p) => p.id === page.id)).toMatchObject({ title: "Renamed by Alice", version: 2 });
  });
});

describe("sub-pages and ranking", () => {
  it("refuses a stale sub-page rename, and counts ranking as a change of each entry", async () => {
    const catalog = await createRunbookCatalog(t, ["Zendesk", "Chat"], "-versions");
    const customers = await mutate(t, CREATE_PAGE, {
      input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups-versions", componentsAttribute: "Components" },
    });
    const subPageId = (customers.subPages as { id: string }[])[0]!.id;
    const rename = (name: string, as: Record<string, string>) =>
      t.ok<{ updateSubPage: unknown }>(
        `mutation ($input: UpdateSubPageInput!) { updateSubPage(input: $input) { __typename ... on SubPage { name version } ${STALE} } }`,
        { input: { id: subPageId, name, expectedVersion: 1 } },
        as,
      );
    expect((await rename("Main (Alice)", alice)).updateSubPage).toMatchObject({ __typename: "SubPage", version: 2 });
    expect((await rename("Main (Bob)", bob)).updateSubPage).toMatchObject({
      __typename: "StaleVersionError",
      objectType: "SubPage",
      updatedBy: "alice-console",
    });
    const { zendesk, chat } = { zendesk: catalog.components.Zendesk!, chat: catalog.components.Chat! };
    await t.ok(
      `mutation ($typeId: ID!, $ids: [ID!]!) { rankCatalogEntries(typeId: $typeId, entryIds: $ids) { __typename } }`,
      { typeId: catalog.componentsTypeId, ids: [chat, zendesk] },
      bob,
    );
    for (const id of [zendesk, chat])
      expect((await t.ok<{ catalogEntry: unknown }>(ENTRY, { id })).catalogEntry).toMatchObject({ version: 2, updatedBy: "bob-console" });
  });
});
