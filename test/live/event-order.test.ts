// Live updates never step an incident back. With several instances, each publishes
// its events after its own commit, so Redis can hand every instance update 3 before
// update 2; and a summary read from a lagging database state is older than the one
// already sent. Here the late event is published on the app's own bus, exactly as it
// would arrive from Redis, and the lagging state is written into the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announce, type PageChange } from "../../server/events.js";
import { NewestSequences, REMEMBERED_SUBJECTS } from "../../server/realtime/newest-sequences.js";
import { publishIncident, publishIncidentUpdate } from "../helpers/fixtures.js";
import { subscribeWs, type Subscription } from "../helpers/live.js";
import { startLivePage, type LivePage } from "../helpers/live-page.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { incidents { id sequence message } } }`;
const EVENTS = `subscription ($page: String!) { pageEvents(pageSlug: $page) { kind id sequence incident { sequence } } }`;

type Event = { kind: string; id: string; sequence: number | null };
type Shown = { id: string; sequence: number; message: string };

let live: LivePage;
let events: Subscription;
let status: Subscription;

beforeAll(async () => {
  live = await startLivePage();
  events = subscribeWs(live.client, EVENTS, { page: live.page.slug });
  status = subscribeWs(live.client, STATUS, { page: live.page.slug });
  await status.inbox.next(5_000);
});
afterAll(() => live.close());

const eventsAbout = (id: string) => events.inbox.received.map((r) => r.data!.pageEvents as Event).filter((e) => e.id === id);
const shownOf = (id: string) =>
  status.inbox.received.flatMap((r) => (r.data!.pageStatus.incidents as Shown[]).filter((i) => i.id === id)).map((i) => [i.sequence, i.message]);
const eventWith = (id: string, check: (e: Event) => boolean) =>
  events.inbox.until((r) => r.data?.pageEvents.id === id && check(r.data.pageEvents as Event), 5_000);
/** What another instance's late delivery carries: an update of `id` older than the newest. */
const late = (id: string, sequence: number, kind: PageChange["kind"] = "UPDATED") =>
  announce(live.t.app.events, {
    pageId: live.page.id,
    subject: "INCIDENT",
    kind,
    subjectId: id,
    sequence,
    subjectName: "Flapping",
    componentIds: [live.api],
    at: new Date(),
  });

it("does not send an incident event older than one already sent", async () => {
  const id = await publishIncident(live.t, live.page.id, [{ componentId: live.api, impact: "PARTIAL_OUTAGE" }], { name: "Flapping" });
  await publishIncidentUpdate(live.t, id, { message: "Second" });
  await publishIncidentUpdate(live.t, id, { message: "Third" });
  await eventWith(id, (e) => e.sequence === 3);

  late(id, 2);
  late(id, 3);
  // Barrier: the next update is handled after the late ones.
  await publishIncidentUpdate(live.t, id, { message: "Fourth" });
  await eventWith(id, (e) => e.sequence === 4);
  expect(eventsAbout(id).map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
});

it("sends nothing about a deleted incident that arrives after its deletion", async () => {
  const id = await publishIncident(live.t, live.page.id, [{ componentId: live.api, impact: "PARTIAL_OUTAGE" }], { name: "Flapping" });
  await live.t.ok(`mutation ($id: ID!) { deleteIncident(id: $id) { __typename } }`, { id });
  await eventWith(id, (e) => e.kind === "DELETED");

  // An update committed before the delete, delivered after it.
  late(id, 2);
  const barrier = await publishIncident(live.t, live.page.id, [], { name: "Barrier" });
  await events.inbox.until((r) => r.data?.pageEvents.id === barrier, 5_000);
  expect(eventsAbout(id).map((e) => e.kind)).toEqual(["PUBLISHED", "DELETED"]);
});

it("does not send a summary showing an incident at an older update than the one sent", async () => {
  const db = live.t.app.database.db;
  const id = await publishIncident(live.t, live.page.id, [{ componentId: live.api, impact: "PARTIAL_OUTAGE" }], { name: "Lagging", message: "First" });
  await publishIncidentUpdate(live.t, id, { message: "Second" });
  await status.inbox.until((r) => ((r.data?.pageStatus.incidents ?? []) as Shown[]).some((i) => i.id === id && i.sequence === 2), 5_000);

  // The database as a lagging read would see it: update 2 not there yet.
  await db.incidentUpdate.delete({ where: { incidentId_sequence: { incidentId: id, sequence: 2 } } });
  await db.incident.update({ where: { id }, data: { lastSequence: 1 } });
  announce(live.t.app.events, { pageId: live.page.id, subject: "PAGE", kind: "UPDATED", subjectId: null, at: new Date() });
  // Barrier: a new update 2, read after the page change was handled.
  await publishIncidentUpdate(live.t, id, { message: "Second, again" });
  await status.inbox.until((r) => ((r.data?.pageStatus.incidents ?? []) as Shown[]).some((i) => i.id === id && i.message === "Second, again"), 5_000);

  expect(shownOf(id)).toEqual([
    [1, "First"],
    [2, "Second"],
    [2, "Second, again"],
  ]);
});

describe("NewestSequences", () => {
  const change = (
    subjectId: string | null,
    sequence: number | undefined,
    kind: PageChange["kind"] = "UPDATED",
    subject: PageChange["subject"] = "INCIDENT",
  ): PageChange => ({
    pageId: "p",
    subject,
    kind,
    subjectId,
    sequence,
    at: new Date(0).toISOString(),
  });

  it("admits each subject's updates in rising order only, and nothing after a delete", () => {
    const newest = new NewestSequences();
    expect([3, 2, 3, 4].map((n) => newest.admit(change("i1", n)))).toEqual([true, false, false, true]);
    // Another subject, and the same id as a maintenance, are counted apart.
    expect(newest.admit(change("i2", 1))).toBe(true);
    expect(newest.admit(change("i1", 1, "UPDATED", "MAINTENANCE"))).toBe(true);
    expect(newest.admit(change("i1", undefined, "DELETED"))).toBe(true);
    expect(newest.admit(change("i1", 9))).toBe(false);
    // Changes of the page or catalog carry no sequence and always pass.
    expect(newest.admit(change(null, undefined, "UPDATED", "PAGE"))).toBe(true);
    expect(newest.admit(change(null, undefined, "UPDATED", "PAGE"))).toBe(true);
  });

  it("remembers a bounded number of subjects, the least recently heard of leaving first", () => {
    const newest = new NewestSequences();
    for (let i = 0; i <= REMEMBERED_SUBJECTS; i++) newest.admit(change(`s${i}`, 5));
    // s0 was forgotten: a stale event for it is news again; s1 is still known.
    expect(newest.admit(change("s0", 1))).toBe(true);
    expect(newest.admit(change(`s${REMEMBERED_SUBJECTS}`, 1))).toBe(false);
  });
});
