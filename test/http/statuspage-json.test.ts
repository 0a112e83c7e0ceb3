// A public page read as Atlassian Statuspage's public v2 API: clients written for
// Statuspage (widgets, monitors, chat bots) point at /<page>/api/v2/… unchanged.
// The reference shapes, and where they come from, are in statuspage-reference.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, publishIncident, publishIncidentUpdate, scheduleMaintenance } from "../helpers/fixtures.js";
import { CREATE_PAGE, mutate } from "../helpers/pages.js";
import { STATUSPAGE_ENUMS, STATUSPAGE_REFERENCE, STATUSPAGE_TIME, shapeDifferences } from "./statuspage-reference.js";
import { httpGetter } from "../helpers/http-get.js";

const clock = testClock("2026-03-10T12:00:00Z");
const statements: string[] = [];
const PUBLIC_URL = "https://status.example.com";
let t: TestApp;
let origin: string;
let pageId: string;
let c: Record<"website" | "rest" | "graphql" | "database", string>;
let ids: Record<"resolved" | "ongoing" | "upcoming" | "active", string>;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, onQuery: (sql) => statements.push(sql), publicUrl: PUBLIC_URL, defaultPage: "acme" });
  const [website, rest, graphql, database] = await createComponents(t, ["Website", "REST API", "GraphQL API", "Database"]);
  c = { website: website!, rest: rest!, graphql: graphql!, database: database! };
  const groups = [
    { name: "API", components: [c.rest, c.graphql] },
    { name: "Storage", components: [c.database] },
  ];
  pageId = (await mutate(t, CREATE_PAGE, { input: { title: "Acme", slug: "acme", kind: "PUBLIC", components: [c.website], groups } })).id!;
  const resolved = await publishIncident(t, pageId, [{ componentId: c.website, impact: "DEGRADED_PERFORMANCE" }], { name: "Slow website" });
  clock.set("2026-03-10T12:30:00Z");
  await publishIncidentUpdate(t, resolved, { status: "RESOLVED", message: "Fixed." });
  clock.set("2026-03-10T13:00:00Z");
  const ongoing = await publishIncident(
    t,
    pageId,
    [
      { componentId: c.rest, impact: "FULL_OUTAGE" },
      { componentId: c.graphql, impact: "DEGRADED_PERFORMANCE" },
    ],
    { name: "API errors" },
  );
  clock.set("2026-03-10T13:10:00Z");
  await publishIncidentUpdate(t, ongoing, {
    status: "IDENTIFIED",
    message: "We found the cause.",
    impacts: [
      { componentId: c.graphql, impact: "DEGRADED_PERFORMANCE" },
      { componentId: c.rest, impact: "PARTIAL_OUTAGE" },
    ],
  });
  clock.set("2026-03-10T13:20:00Z");
  const upcoming = await scheduleMaintenance(t, pageId, { startsAt: "2026-03-12T02:00:00Z", endsAt: "2026-03-12T04:00:00Z" }, [
    { componentId: c.database, impact: "UNDER_MAINTENANCE" },
  ]);
  // Its window has begun: it is in progress as soon as it is published.
  const active = await scheduleMaintenance(
    t,
    pageId,
    { startsAt: "2026-03-10T13:00:00Z", endsAt: "2026-03-10T15:00:00Z" },
    [{ componentId: c.website, impact: "UNDER_MAINTENANCE" }],
    {
      name: "CDN switch",
      message: "Moving to the new CDN.",
    },
  );
  ids = { resolved, ongoing, upcoming, active };
  origin = new URL(await t.app.start(0)).origin;
});
afterAll(() => t.close());

const { get, json } = httpGetter(() => origin, statements);

const at = (time: string) => `2026-03-10T${time}:00.000Z`;
const SHORTLINK = `${PUBLIC_URL}/acme`;
const ANY_TIME = expect.stringMatching(STATUSPAGE_TIME);

describe("the documents", () => {
  it("list components, with page groups as Statuspage component groups", async () => {
    const { page, components } = await json("/acme/api/v2/components.json");
    expect(page).toEqual({ id: pageId, name: "Acme", url: `${PUBLIC_URL}/acme`, time_zone: "Etc/UTC", updated_at: ANY_TIME });
    const api = components.find((x: { name: string }) => x.name === "API");
    const storage = components.find((x: { name: string }) => x.name === "Storage");
    const common = {
      created_at: ANY_TIME,
      updated_at: ANY_TIME,
      description: null,
      showcase: false,
      start_date: null,
      page_id: pageId,
      only_show_if_degraded: false,
    };
    expect(components).toEqual([
      { id: c.website, name: "Website", status: "under_maintenance", position: 1, ...common, group_id: null, group: false },
      { id: api.id, name: "API", status: "partial_outage", position: 2, ...common, group_id: null, group: true, components: [c.rest, c.graphql] },
      { id: c.rest, name: "REST API", status: "partial_outage", position: 1, ...common, group_id: api.id, group: false },
      { id: c.graphql, name: "GraphQL API", status: "degraded_performance", position: 2, ...common, group_id: api.id, group: false },
      { id: storage.id, name: "Storage", status: "operational", position: 3, ...common, group_id: null, group: true, components: [c.database] },
      { id: c.database, name: "Database", status: "operational", position: 1, ...common, group_id: storage.id, group: false },
    ]);
    expect(new Set([api.id, storage.id, ...Object.values(c)]).size).toBe(6);
  });

  it("give the page's status from its worst component", async () => {
    expect(await json("/acme/api/v2/status.json")).toEqual({
      page: expect.objectContaining({ id: pageId }),
      status: { indicator: "major", description: "Partial System Outage" },
    });
  });

  it("show an ongoing incident with its two updates, newest first, and what each did to the components", async () => {
    const { incidents } = await json("/acme/api/v2/incidents/unresolved.json");
    const shown = (id: string) => expect.objectContaining({ id, group: false });
    const update = { incident_id: ids.ongoing, deliver_notifications: true, custom_tweet: null, tweet_id: null };
    expect(incidents).toEqual([
      {
        id: ids.ongoing,
        name: "API errors",
        status: "identified",
        created_at: at("13:00"),
        updated_at: at("13:10"),
        monitoring_at: null,
        resolved_at: null,
        impact: "critical",
        shortlink: SHORTLINK,
        started_at: at("13:00"),
        page_id: pageId,
        incident_updates: [
          {
            id: expect.any(String),
            status: "identified",
            body: "We found the cause.",
            ...update,
            created_at: at("13:10"),
            updated_at: at("13:10"),
            display_at: at("13:10"),
            affected_components: [
              { code: c.rest, name: "REST API", old_status: "major_outage", new_status: "partial_outage" },
              { code: c.graphql, name: "GraphQL API", old_status: "degraded_performance", new_status: "degraded_performance" },
            ],
          },
          {
            id: expect.any(String),
            status: "investigating",
            body: "We are looking into it.",
            ...update,
            created_at: at("13:00"),
            updated_at: at("13:00"),
            display_at: at("13:00"),
            affected_components: [
              { code: c.rest, name: "REST API", old_status: "operational", new_status: "major_outage" },
              { code: c.graphql, name: "GraphQL API", old_status: "operational", new_status: "degraded_performance" },
            ],
          },
        ],
        components: [shown(c.rest), shown(c.graphql)],
        reminder_intervals: null,
      },
    ]);
    expect(incidents[0].components.map((x: { status: string }) => x.status)).toEqual(["partial_outage", "degraded_performance"]);
  });

  it("list resolved incidents after the ongoing one in incidents.json", async () => {
    const { incidents } = await json("/acme/api/v2/incidents.json");
    expect(incidents.map((i: { id: string }) => i.id)).toEqual([ids.ongoing, ids.resolved]);
    expect(incidents[1]).toMatchObject({
      name: "Slow website",
      status: "resolved",
      created_at: at("12:00"),
      updated_at: at("12:30"),
      resolved_at: at("12:30"),
      monitoring_at: null,
      impact: "minor",
      incident_updates: [
        {
          status: "resolved",
          body: "Fixed.",
          affected_components: [{ code: c.website, name: "Website", old_status: "degraded_performance", new_status: "operational" }],
        },
        { status: "investigating", affected_components: [{ code: c.website, old_status: "operational", new_status: "degraded_performance" }] },
      ],
    });
  });

  it("show scheduled and in-progress maintenance with their windows", async () => {
    const all = (await json("/acme/api/v2/scheduled-maintenances.json")).scheduled_maintenances;
    expect(all.map((m: { id: string }) => m.id)).toEqual([ids.upcoming, ids.active]);
    const [upcoming, active] = all;
    expect(active).toMatchObject({
      name: "CDN switch",
      status: "in_progress",
      impact: "maintenance",
      created_at: at("13:20"),
      started_at: at("13:20"),
      resolved_at: null,
      monitoring_at: null,
      shortlink: SHORTLINK,
      page_id: pageId,
      scheduled_for: at("13:00"),
      scheduled_until: at("15:00"),
      incident_updates: [
        {
          status: "in_progress",
          body: "Maintenance started.",
          incident_id: ids.active,
          affected_components: [{ code: c.website, name: "Website", old_status: "operational", new_status: "under_maintenance" }],
        },
        {
          status: "scheduled",
          body: "Moving to the new CDN.",
          affected_components: [{ code: c.website, old_status: "operational", new_status: "operational" }],
        },
      ],
      components: [expect.objectContaining({ id: c.website, status: "under_maintenance" })],
    });
    expect(upcoming).toMatchObject({
      name: "Database upgrade",
      status: "scheduled",
      impact: "maintenance",
      scheduled_for: "2026-03-12T02:00:00.000Z",
      scheduled_until: "2026-03-12T04:00:00.000Z",
      incident_updates: [{ status: "scheduled", body: "Upgrading the database." }],
      components: [expect.objectContaining({ id: c.database, status: "operational" })],
    });
    expect((await json("/acme/api/v2/scheduled-maintenances/upcoming.json")).scheduled_maintenances).toEqual([upcoming]);
    expect((await json("/acme/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances).toEqual([active]);
  });

  it("put it all in summary.json: unresolved incidents, open maintenance, components and status", async () => {
    const summary = await json("/acme/api/v2/summary.json");
    expect(Object.keys(summary)).toEqual(["page", "components", "incidents", "scheduled_maintenances", "status"]);
    expect(summary.components).toEqual((await json("/acme/api/v2/components.json")).components);
    expect(summary.incidents).toEqual((await json("/acme/api/v2/incidents/unresolved.json")).incidents);
    expect(summary.scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual([ids.active, ids.upcoming]);
    expect(summary.status).toEqual({ indicator: "major", description: "Partial System Outage" });
  });

  it.each(Object.keys(STATUSPAGE_REFERENCE))("%s has every key of the recorded Statuspage response, with its JSON type", async (path) => {
    const ours = await json(`/acme/api/v2/${path}`);
    expect(shapeDifferences(STATUSPAGE_REFERENCE[path], ours)).toEqual([]);
  });

  it("use only Statuspage's enum values and timestamp format", async () => {
    const text =
      (await get("/acme/api/v2/summary.json")).text +
      (await get("/acme/api/v2/incidents.json")).text +
      (await get("/acme/api/v2/scheduled-maintenances.json")).text;
    const values = (key: string) => [...text.matchAll(new RegExp(`"${key}":("[^"]*"|null)`, "g"))].map((m) => JSON.parse(m[1]!));
    const all = [...STATUSPAGE_ENUMS.componentStatus, ...STATUSPAGE_ENUMS.incidentStatus, ...STATUSPAGE_ENUMS.maintenanceStatus];
    for (const s of values("status")) expect(all).toContain(s);
    for (const s of [...values("old_status"), ...values("new_status")]) expect(STATUSPAGE_ENUMS.componentStatus).toContain(s);
    for (const s of [...values("impact"), ...values("indicator")]) expect(STATUSPAGE_ENUMS.indicator).toContain(s);
    const times = ["created_at", "updated_at", "display_at", "started_at", "resolved_at", "scheduled_for", "scheduled_until"]
      .flatMap(values)
      .filter((v) => v !== null);
    expect(times.length).toBeGreaterThan(20);
    for (const time of times) expect(time).toMatch(STATUSPAGE_TIME);
  });

  it("are also at /api/v2/… for the default page (DEFAULT_PAGE)", async () => {
    expect((await get("/api/v2/summary.json")).text).toBe((await get("/acme/api/v2/summary.json")).text);
  });
});

it("the shape check itself catches a missing key, a wrong type and a changed key order", async () => {
  const ours = await json("/acme/api/v2/summary.json");
  const reference = STATUSPAGE_REFERENCE["summary.json"];
  const { showcase: _, ...withoutShowcase } = ours.components[0];
  expect(shapeDifferences(reference, { ...ours, components: [withoutShowcase] })).toEqual(["$.components[0].showcase: missing"]);
  expect(shapeDifferences(reference, { ...ours, status: { ...ours.status, indicator: 1 } })).toEqual(["$.status.indicator: number, expected string"]);
  const { page, ...rest } = ours;
  expect(shapeDifferences(reference, { ...rest, page })).toEqual(["$: keys in the order components,incidents,scheduled_maintenances,status,page"]);
});
