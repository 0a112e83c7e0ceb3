// Reading the audit log: editors and admins page through it with filters, newest first;
// viewers and publishers are refused; incidents and maintenance show their own history;
// bad filters and cursors are typed errors naming the field; no mutation edits it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../server/auth/api-keys.js";
import { bearer, createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";

const clock = testClock("2030-06-01T12:00:00Z");
let t: TestApp;
let incidentId: string;
const keys: Record<string, string> = {};

const LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { operation objectType objectId actorKind actorName outcome summary at } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Log {
  auditLog: {
    edges: { cursor: string; node: { operation: string; objectId: string | null; at: string; actorName: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  for (const scope of ["VIEWER", "PUBLISHER", "EDITOR"] as const)
    keys[scope] = (await createApiKey(t.app.database.db, { name: `${scope}-key`, scope }, clock.now())).secret;
  const [api] = (await createComponents(t, ["API"])) as [string];
  const page = await createPage(t, [api]);
  clock.set("2030-06-01T13:00:00Z");
  incidentId = await publishIncident(t, page.id, [{ componentId: api, impact: "PARTIAL_OUTAGE" }]);
  clock.set("2030-06-01T14:00:00Z");
  await publishIncidentUpdate(t, incidentId, { status: "RESOLVED", message: "Fixed.", impacts: [] });
}, 60_000);
afterAll(() => t.close());

it("pages the whole log newest first for an editor, by cursor", async () => {
  const all = (await t.ok<Log>(LOG, { first: 100 }, bearer(keys.EDITOR!))).auditLog.edges.map((e) => e.node);
  expect(all.length).toBe(await t.app.database.db.auditEntry.count());
  expect(all[0]).toMatchObject({ operation: "publishIncidentUpdate", objectId: incidentId, actorName: "test-admin" });
  const first = (await t.ok<Log>(LOG, { first: 2 })).auditLog;
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = (await t.ok<Log>(LOG, { first: 2, after: first.pageInfo.endCursor })).auditLog;
  expect([...first.edges, ...second.edges].map((e) => e.node)).toEqual(all.slice(0, 4));
});

it("filters by object, actor and time range", async () => {
  const byObject = (await t.ok<Log>(LOG, { filter: { objectType: "Incident", objectId: incidentId } })).auditLog.edges.map((e) => e.node.operation);
  expect(byObject).toEqual(["publishIncidentUpdate", "publishIncident"]);
  const inRange = await t.ok<Log>(LOG, { filter: { from: "2030-06-01T12:30:00Z", to: "2030-06-01T13:30:00Z" } });
  expect(inRange.auditLog.edges.map((e) => e.node.operation)).toEqual(["publishIncident"]);
  const byActor = await t.ok<Log>(LOG, { filter: { actorKind: "system" } });
  expect(byActor.auditLog.edges).toEqual([]);
});

it("shows an incident's own history to any operator", async () => {
  const query = `query ($id: ID!) { incident(id: $id) { history { edges { node { operation } } } } }`;
  const data = await t.ok<{ incident: { history: { edges: { node: { operation: string } }[] } } }>(query, { id: incidentId }, bearer(keys.VIEWER!));
  expect(data.incident.history.edges.map((e) => e.node.operation)).toEqual(["publishIncidentUpdate", "publishIncident"]);
});

it("refuses viewers and publishers with a typed error", async () => {
  for (const scope of ["VIEWER", "PUBLISHER"]) {
    const { data, errors } = await t.gql(LOG, {}, bearer(keys[scope]!));
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  }
});

it("refuses bad filters and cursors naming the field", async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ filter: { from: "2030-06-02T00:00:00Z", to: "2030-06-01T00:00:00Z" } }, "filter.from"],
    [{ after: "not-a-cursor" }, "after"],
  ];
  for (const [variables, field] of cases) {
    const { errors } = await t.gql(LOG, variables);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  }
  const { errors } = await t.gql(LOG, { filter: { objectType: "Nothing" } });
  expect(errors?.[0]?.message).toMatch(/objectType/);
});

it("offers no mutation that writes, edits or deletes an entry", async () => {
  const { __schema } = await t.ok<{ __schema: { mutationType: { fields: { name: string }[] } } }>(`{ __schema { mutationType { fields { name } } } }`);
  expect(__schema.mutationType.fields.map((f) => f.name).filter((name) => /audit/i.test(name))).toEqual([]);
});
