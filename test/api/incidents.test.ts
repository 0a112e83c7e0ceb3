// The runbook's incident steps through the API: review, publish, update, resolve, delete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, recordPageChanges, testClock, type PageChangeLog, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, publishIncident, PUBLISH_INCIDENT, type PageRef } from "../helpers/fixtures.js";

const clock = testClock("2026-03-10T12:00:00Z");
let t: TestApp;
let page: PageRef;
let web: string, api: string, search: string;
let events: PageChangeLog;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  [web, api, search] = (await createComponents(t, ["Web app", "API", "Search"])) as [string, string, string];
  page = await createPage(t, [web, api, search]);
  events = recordPageChanges(t, page.id);
});
afterAll(() => t.close());

const UPDATE = /* GraphQL */ `
  mutation ($input: PublishIncidentUpdateInput!) {
    publishIncidentUpdate(input: $input) {
      __typename
      ... on IncidentPublication {
        preview
        incident { id status resolvedAt updates { status message publishedAt impacts { name impact } } currentImpacts { name impact } affectedComponents { name impact } }
        draft { name status message impacts { name impact } }
        componentChanges { name previous next }
      }
      ... on ValidationError { issues { field rule } }
      ... on NotFoundError { resource key }
      ... on InvalidStateError { state }
    }
  }
`;

const PAGE = /* GraphQL */ `
  query ($slug: String!) {
    statusPage(slug: $slug) {
      incidents { id name status }
      incidentHistory { edges { node { id } } }
      components { name status }
    }
  }
`;

/** The fields of an incident publication these tests read. */
interface Publication {
  preview: boolean;
  incident: { id: string; status: string; updates: { status: string }[]; currentImpacts: unknown };
  draft: { impacts: unknown };
  componentChanges: unknown[];
}

interface PageRead {
  statusPage: { incidents: { name: string }[]; incidentHistory: { edges: unknown[] }; components: { status: string }[] };
}

async function readPage() {
  return (await t.ok<PageRead>(PAGE, { slug: page.slug })).statusPage;
}

/** What was announced since the last call, everything announced so far included. */
const takeEvents = () => events.take();

const FIRST_IMPACTS = () => [
  { componentId: api, impact: "PARTIAL_OUTAGE" },
  { componentId: web, impact: "DEGRADED_PERFORMANCE" },
];
const publishInput = (over: Record<string, unknown> = {}) => ({
  pageId: page.id,
  name: "Sign-in failures",
  status: "INVESTIGATING",
  message: "Some users cannot sign in.",
  impacts: FIRST_IMPACTS(),
  ...over,
});

describe("incident lifecycle (runbook)", () => {
  let incidentId: string;

  it("reviews the incident before publishing: draft and component changes, nothing written or announced", async () => {
    const { publishIncident: review } = await t.ok<{ publishIncident: Publication }>(PUBLISH_INCIDENT, { input: publishInput({ preview: true }) });
    expect(review).toEqual({
      __typename: "IncidentPublication",
      preview: true,
      incident: null,
      draft: {
        name: "Sign-in failures",
        status: "INVESTIGATING",
        message: "Some users cannot sign in.",
        // In catalog order, as published impacts are listed.
        impacts: [
          { componentId: web, name: "Web app", impact: "DEGRADED_PERFORMANCE" },
          { componentId: api, name: "API", impact: "PARTIAL_OUTAGE" },
        ],
      },
      componentChanges: expect.arrayContaining([
        { componentId: api, name: "API", previous: "OPERATIONAL", next: "PARTIAL_OUTAGE" },
        { componentId: web, name: "Web app", previous: "OPERATIONAL", next: "DEGRADED_PERFORMANCE" },
      ]),
    });
    expect(review.componentChanges).toHaveLength(2);
    const after = await readPage();
    expect(after.incidents).toEqual([]);
    expect(after.incidentHistory.edges).toEqual([]);
    expect(after.components.map((c) => c.status)).toEqual(["OPERATIONAL", "OPERATIONAL", "OPERATIONAL"]);
    expect(await takeEvents()).toEqual([]);
  });

  it("publishes the incident and its first update", async () => {
    const { publishIncident: done } = await t.ok<{ publishIncident: Publication }>(PUBLISH_INCIDENT, { input: publishInput() });
    expect(done.preview).toBe(false);
    expect(done.incident).toMatchObject({
      name: "Sign-in failures",
      status: "INVESTIGATING",
      publishedAt: "2026-03-10T12:00:00.000Z",
      resolvedAt: null,
      currentImpacts: [
        { name: "Web app", impact: "DEGRADED_PERFORMANCE" },
        { name: "API", impact: "PARTIAL_OUTAGE" },
      ],
    });
    expect(done.componentChanges).toHaveLength(2);
    incidentId = done.incident.id;
    const after = await readPage();
    expect(after.incidents).toEqual([{ id: incidentId, name: "Sign-in failures", status: "INVESTIGATING" }]);
    expect(after.components).toEqual([
      { name: "Web app", status: "DEGRADED_PERFORMANCE" },
      { name: "API", status: "PARTIAL_OUTAGE" },
      { name: "Search", status: "OPERATIONAL" },
    ]);
    expect(await takeEvents()).toEqual([
      {
        pageId: page.id,
        subject: "INCIDENT",
        kind: "PUBLISHED",
        subjectId: incidentId,
        sequence: 1,
        subjectName: "Sign-in failures",
        componentIds: expect.arrayContaining([web, api]),
        at: "2026-03-10T12:00:00.000Z",
      },
    ]);
  });

  it("publishes an update to IDENTIFIED with new impacts", async () => {
    clock.advance(10 * 60_000);
    const input = { incidentId, status: "IDENTIFIED", message: "A bad deploy; rolling back.", impacts: [{ componentId: api, impact: "FULL_OUTAGE" }] };
    const review = (await t.ok<{ publishIncidentUpdate: Publication }>(UPDATE, { input: { ...input, preview: true } })).publishIncidentUpdate;
    expect(review.incident).toBeNull();
    const { publishIncidentUpdate: done } = await t.ok<{ publishIncidentUpdate: Publication }>(UPDATE, { input });
    expect(done.componentChanges).toEqual(review.componentChanges);
    expect(done.componentChanges).toEqual(
      expect.arrayContaining([
        { name: "API", previous: "PARTIAL_OUTAGE", next: "FULL_OUTAGE" },
        { name: "Web app", previous: "DEGRADED_PERFORMANCE", next: "OPERATIONAL" },
      ]),
    );
    expect(done.incident.status).toBe("IDENTIFIED");
    expect(done.incident.updates.map((u) => u.status)).toEqual(["IDENTIFIED", "INVESTIGATING"]);
    expect(done.incident.updates[0]).toMatchObject({ publishedAt: "2026-03-10T12:10:00.000Z", impacts: [{ name: "API", impact: "FULL_OUTAGE" }] });
    expect((await takeEvents()).map((e) => e.kind)).toEqual(["UPDATED"]);
  });

  it("carries the impacts forward when an update leaves them out", async () => {
    clock.advance(10 * 60_000);
    const { publishIncidentUpdate: done } = await t.ok<{ publishIncidentUpdate: Publication }>(UPDATE, {
      input: { incidentId, status: "MONITORING", message: "Rolled back; watching." },
    });
    expect(done.componentChanges).toEqual([]);
    expect(done.incident.currentImpacts).toEqual([{ name: "API", impact: "FULL_OUTAGE" }]);
  });

  it("resolves: every impact ends and the components are operational again", async () => {
    clock.advance(10 * 60_000);
    const { publishIncidentUpdate: done } = await t.ok<{ publishIncidentUpdate: Publication }>(UPDATE, {
      input: { incidentId, status: "RESOLVED", message: "All good." },
    });
    expect(done.componentChanges).toEqual([{ name: "API", previous: "FULL_OUTAGE", next: "OPERATIONAL" }]);
    expect(done.draft.impacts).toEqual([{ name: "API", impact: "NO_IMPACT" }]);
    expect(done.incident).toMatchObject({
      status: "RESOLVED",
      resolvedAt: "2026-03-10T12:30:00.000Z",
      currentImpacts: [],
      affectedComponents: [{ name: "API", impact: "NO_IMPACT" }],
    });
    const after = await readPage();
    expect(after.incidents).toEqual([]);
    expect(after.incidentHistory.edges).toEqual([{ node: { id: incidentId } }]);
    expect(after.components.every((c) => c.status === "OPERATIONAL")).toBe(true);
    expect((await takeEvents()).map((e) => e.kind)).toEqual(["UPDATED", "RESOLVED"]);
  });

  it("refuses updates to a resolved incident, writing nothing", async () => {
    const before = await t.app.database.db.incidentUpdate.count({ where: { incidentId } });
    for (const preview of [true, false]) {
      const { publishIncidentUpdate: res } = await t.ok<{ publishIncidentUpdate: unknown }>(UPDATE, {
        input: { incidentId, status: "MONITORING", message: "Again?", preview },
      });
      expect(res).toEqual({ __typename: "InvalidStateError", state: "RESOLVED" });
    }
    expect(await t.app.database.db.incidentUpdate.count({ where: { incidentId } })).toBe(before);
    expect(await takeEvents()).toEqual([]);
  });

  it("deletes the incident: gone from the page and its history", async () => {
    const DELETE = `mutation ($id: ID!) { deleteIncident(id: $id) { __typename ... on Incident { id name status } ... on NotFoundError { resource key } } }`;
    const { deleteIncident } = await t.ok<{ deleteIncident: unknown }>(DELETE, { id: incidentId });
    expect(deleteIncident).toEqual({ __typename: "Incident", id: incidentId, name: "Sign-in failures", status: "RESOLVED" });
    expect((await readPage()).incidentHistory.edges).toEqual([]);
    expect((await t.ok<{ incident: unknown }>(`query ($id: ID!) { incident(id: $id) { id } }`, { id: incidentId })).incident).toBeNull();
    expect(await t.app.database.db.incidentUpdate.count({ where: { incidentId } })).toBe(0);
    expect(await takeEvents()).toEqual([expect.objectContaining({ kind: "DELETED", subjectId: incidentId })]);
    expect((await t.ok<{ deleteIncident: unknown }>(DELETE, { id: incidentId })).deleteIncident).toEqual({
      __typename: "NotFoundError",
      resource: "incident",
      key: incidentId,
    });
  });
});

describe("incident history", () => {
  it("pages through every incident newest first with cursors", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      clock.advance(60_000);
      ids.push(await publishIncident(t, page.id, [{ componentId: search, impact: "DEGRADED_PERFORMANCE" }], { name: `Incident ${n}` }));
    }
    await t.ok(UPDATE, { input: { incidentId: ids[1], status: "RESOLVED", message: "Fixed." } });
    const HISTORY = `query ($slug: String!, $after: String) { statusPage(slug: $slug) {
      incidentHistory(first: 2, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } }`;
    const names: string[][] = [];
    let after: string | null = null;
    type History = { statusPage: { incidentHistory: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    for (;;) {
      // Annotated: `after` feeds the next request, so its type may not depend on this answer.
      const res: History = await t.ok<History>(HISTORY, { slug: page.slug, after });
      const h = res.statusPage.incidentHistory;
      names.push(h.edges.map((e) => e.node.name));
      if (!h.pageInfo.hasNextPage) break;
      after = h.pageInfo.endCursor;
    }
    expect(names).toEqual([["Incident 5", "Incident 4"], ["Incident 3", "Incident 2"], ["Incident 1"]]);
    const open = (await readPage()).incidents.map((i) => i.name);
    expect(open).toEqual(["Incident 5", "Incident 4", "Incident 3", "Incident 1"]);
    const one = await t.ok<{ statusPage: { incident: unknown } }>(
      `query ($slug: String!, $id: ID!) { statusPage(slug: $slug) { incident(id: $id) { name status } } }`,
      {
        slug: page.slug,
        id: ids[1],
      },
    );
    expect(one.statusPage.incident).toEqual({ name: "Incident 2", status: "RESOLVED" });
  });
});
