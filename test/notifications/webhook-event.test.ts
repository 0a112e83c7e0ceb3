// The versioned webhook body built from the outbox: every event the app queues becomes a
// body that the committed JSON Schema document accepts; incidents and maintenance carry
// their update, impacts and component transitions; a customer sub-page's endpoint hears
// only of its own components, and of nothing that does not touch them.
// TEST_POSTGRES_URL runs it on PostgreSQL.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { NotificationEvent } from "../../server/generated/sqlite/client.js";
import {
  buildWebhookEvent,
  componentStatusEvent,
  webhookEventJsonSchema,
  webhookEventSchema,
  type WebhookEvent,
} from "../../server/notifications/payloads/index.js";
import { buildWorld, type World } from "../auth/world.js";
import { testClock } from "../helpers/app.js";
import { publishIncident, publishIncidentUpdate, scheduleMaintenance } from "../helpers/fixtures.js";

const BASE = "https://status.example.com";
const committed = JSON.parse(readFileSync(new URL("../../docs/webhooks/event.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
/** The committed document, read back as a validator: payloads are checked against the file receivers get. */
const committedSchema = z.fromJSONSchema(committed);

const clock = testClock("2030-05-01T09:00:00Z");
let w: World;

const db = () => w.t.app.database.db;
const eventsOf = (subjectId: string) => db().notificationEvent.findMany({ where: { subjectId }, orderBy: { sequence: "asc" } });
const build = (e: NotificationEvent, subPageId: string | null = null) => buildWebhookEvent(db(), e, { subPageId }, BASE);

/** Builds, and checks the body against both the zod schema and the committed JSON Schema document. */
async function valid(e: NotificationEvent, subPageId: string | null = null): Promise<WebhookEvent> {
  const body = await build(e, subPageId);
  expect(body).not.toBeNull();
  const json = JSON.parse(JSON.stringify(body));
  expect(webhookEventSchema.parse(json)).toEqual(json);
  expect(committedSchema.safeParse(json).success).toBe(true);
  return body!;
}

beforeAll(async () => {
  w = await buildWorld({ now: clock.now, publicUrl: BASE });
});
afterAll(async () => {
  await w.t.close();
});

describe("webhook event", () => {
  it("is described by the committed JSON Schema document, which refuses what breaks it", async () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(webhookEventJsonSchema())));
    const [created] = await eventsOf(w.ids.incidentA!);
    const body = JSON.parse(JSON.stringify(await valid(created!)));
    expect(committedSchema.safeParse({ ...body, schemaVersion: "2020-01-01" }).success).toBe(false);
    expect(committedSchema.safeParse({ ...body, type: "incident.exploded" }).success).toBe(false);
    expect(committedSchema.safeParse({ ...body, incident: { ...body.incident, status: "FINE" } }).success).toBe(false);
  });

  it("turns every queued event into a valid body", async () => {
    const all = await db().notificationEvent.findMany();
    expect(all.length).toBeGreaterThan(5);
    for (const e of all) await valid(e);
  });

  it("tells of an incident's creation, update and resolution with the components each moved", async () => {
    const page = w.ids.publicPage!;
    const search = w.ids["Public Search"]!;
    const id = await publishIncident(w.t, page, [{ componentId: search, impact: "PARTIAL_OUTAGE" }], { name: "Search slow", message: "**Slow** search" });
    await publishIncidentUpdate(w.t, id, { status: "IDENTIFIED", message: "Index rebuild", impacts: [{ componentId: search, impact: "FULL_OUTAGE" }] });
    await publishIncidentUpdate(w.t, id, { status: "RESOLVED", message: "Fixed", impacts: [] });
    const [created, updated, resolved] = await Promise.all((await eventsOf(id)).map((e) => valid(e)));
    expect(created).toMatchObject({
      type: "incident.created",
      schemaVersion: "2026-12-01",
      page: { id: page, slug: "public", title: "Public status", url: `${BASE}/public` },
      incident: {
        id,
        name: "Search slow",
        status: "INVESTIGATING",
        message: "**Slow** search",
        impacts: [{ componentId: search, componentName: "Public Search", impact: "PARTIAL_OUTAGE" }],
        url: `${BASE}/public`,
      },
      components: [{ id: search, name: "Public Search", from: "OPERATIONAL", to: "PARTIAL_OUTAGE" }],
    });
    expect(created!.subPage).toBeUndefined();
    expect(updated).toMatchObject({
      type: "incident.updated",
      incident: { status: "IDENTIFIED" },
      components: [{ from: "PARTIAL_OUTAGE", to: "FULL_OUTAGE" }],
    });
    expect(resolved).toMatchObject({ type: "incident.resolved", incident: { status: "RESOLVED" }, components: [{ from: "FULL_OUTAGE", to: "OPERATIONAL" }] });
    expect(componentStatusEvent(resolved!)).toMatchObject({
      type: "component.status_changed",
      id: `${resolved!.id}.components`,
      components: resolved!.components,
    });
    expect(webhookEventSchema.safeParse(componentStatusEvent(resolved!)).success).toBe(true);
  });

  it("gives a sub-page's endpoint only its own components, and nothing of what does not touch them", async () => {
    const [shared] = await eventsOf(w.ids.incidentShared!);
    const forPage = await valid(shared!);
    expect(forPage.type === "incident.created" && forPage.incident.impacts.map((i) => i.componentName)).toEqual(["Alpha API", "Bravo Billing"]);
    const forAcorn = await valid(shared!, w.ids.subA!);
    expect(forAcorn).toMatchObject({
      subPage: { id: w.ids.subA, slug: "acorn-corp", name: "Acorn Corp", url: `${BASE}/customers/acorn-corp` },
      incident: { impacts: [{ componentName: "Alpha API" }], url: `${BASE}/customers/acorn-corp` },
      components: [{ name: "Alpha API" }],
    });
    expect(JSON.stringify(forAcorn)).not.toMatch(/Bravo|Birch/);
    const [birchOnly] = await eventsOf(w.ids.incidentB!);
    expect(await build(birchOnly!, w.ids.subA!)).toBeNull();
    expect(await build(birchOnly!, w.ids.subB!)).not.toBeNull();
  });

  it("tells of maintenance scheduled, started and completed with its window", async () => {
    const window = { startsAt: "2030-05-01T10:00:00Z", endsAt: "2030-05-01T11:00:00Z" };
    const id = await scheduleMaintenance(w.t, w.ids.publicPage!, window, [{ componentId: w.ids["Public Search"]!, impact: "UNDER_MAINTENANCE" }], {
      name: "Reindex",
    });
    clock.set("2030-05-01T10:00:01Z");
    await w.t.app.scheduler.tick();
    clock.set("2030-05-01T11:00:01Z");
    await w.t.app.scheduler.tick();
    await expect.poll(async () => (await eventsOf(id)).length).toBe(3);
    const [scheduled, started, completed] = await Promise.all((await eventsOf(id)).map((e) => valid(e)));
    expect(scheduled).toMatchObject({
      type: "maintenance.scheduled",
      maintenance: { id, name: "Reindex", status: "SCHEDULED", startsAt: "2030-05-01T10:00:00.000Z", endsAt: "2030-05-01T11:00:00.000Z" },
      components: [],
    });
    expect(started).toMatchObject({
      type: "maintenance.started",
      maintenance: { status: "IN_PROGRESS" },
      components: [{ from: "OPERATIONAL", to: "UNDER_MAINTENANCE" }],
    });
    expect(completed).toMatchObject({ type: "maintenance.completed", maintenance: { status: "COMPLETE" }, components: [{ to: "OPERATIONAL" }] });
  });

  it("tells of a deletion by id and name, and of nothing once the incident is gone", async () => {
    const [created] = await eventsOf(w.ids.incidentPublic!);
    const deleted = await valid({ ...created!, kind: "DELETED", sequence: 0 } as NotificationEvent);
    expect(deleted).toMatchObject({ type: "incident.deleted", incident: { id: w.ids.incidentPublic }, components: [] });
    const named = await buildWebhookEvent(db(), { ...created!, kind: "DELETED", subjectName: "Public incident" }, { subPageId: null }, BASE);
    expect(named).toMatchObject({ incident: { id: w.ids.incidentPublic, name: "Public incident" } });
    await w.t.ok(`mutation ($id: ID!) { deleteIncident(id: $id) { __typename } }`, { id: w.ids.incidentPublic });
    expect(await build(created!)).toBeNull();
  });
});
