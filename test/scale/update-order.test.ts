// Many updates of one incident, made through two instances at once: the database
// numbers them 1..n without gaps, and no live subscriber on either instance ever
// sees the incident step back, although the two instances' events reach Redis (and
// so every instance) in whatever order their publishes happen to arrive.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { createComponents, createPage, publishIncident, publishIncidentUpdate, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { incidents { id name sequence message } } }`;
const EVENTS = `subscription ($page: String!) { pageEvents(pageSlug: $page) { kind id name sequence incident { id sequence message } } }`;
const UPDATES_PER_INSTANCE = 10;
/** Subscribers of each kind on each instance. */
const SUBSCRIBERS = 3;

type LiveIncident = { id: string; name: string; sequence: number; message: string };
type PageEvent = { kind: string; id: string; name: string | null; sequence: number | null; incident: LiveIncident | null };

describeWith([await checkPostgres(), await checkRedis()], "incident updates through two instances at once", () => {
  let shared: SharedDatabase;
  let instances: Instance[];
  const clients: Client[] = [];
  const subscriptions: Subscription[] = [];
  let component: string;

  const subscribe = (instance: Instance, query: string, page: PageRef) => {
    const client = wsClient(instance.url, { authorization: `Bearer ${shared.adminKey}` });
    clients.push(client);
    const subscription = subscribeWs(client, query, { page: page.slug });
    subscriptions.push(subscription);
    return subscription;
  };
  const statusesOf = (s: Subscription) => s.inbox.received.map((r) => r.data!.pageStatus.incidents as LiveIncident[]);
  const eventsOf = (s: Subscription) => s.inbox.received.map((r) => r.data!.pageEvents as PageEvent);

  beforeAll(async () => {
    shared = await sharedDatabase();
    instances = await startInstances(["A", "B"], { DATABASE_URL: shared.url, REDIS_URL }, shared.adminKey);
    [component] = (await createComponents(instances[0]!, ["API"])) as [string];
  }, 60_000);

  afterAll(async () => {
    for (const s of subscriptions) s.stop();
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all((instances ?? []).map((i) => i.stop()));
    await shared?.close();
  }, 30_000);

  it("numbers concurrent updates 1..21 and never shows a subscriber on either instance an older one after a newer", async () => {
    const [a, b] = instances as [Instance, Instance];
    const page = await createPage(a, [component]);
    const statuses = [a, b].flatMap((i) => Array.from({ length: SUBSCRIBERS }, () => subscribe(i, STATUS, page)));
    const events = [a, b].flatMap((i) => Array.from({ length: SUBSCRIBERS }, () => subscribe(i, EVENTS, page)));
    for (const s of statuses) expect((await s.inbox.next(10_000)).data!.pageStatus.incidents).toEqual([]);
    await eventually(async () => (await subscriberCount(REDIS_URL, `page:changed:${page.id}`)) >= 2, 10_000, "both instances listening");

    // The publish doubles as proof that every pageEvents subscription is live.
    const incident = await publishIncident(a, page.id, [{ componentId: component, impact: "PARTIAL_OUTAGE" }], { name: "Flapping" });
    for (const s of events) await s.inbox.until((r) => r.data?.pageEvents.id === incident, 10_000);

    // Every update in flight at once, alternating between the instances. Meanwhile,
    // how many transactions wait on the incident's row lock: each instance queues its
    // own publishes before their transactions, so only the other instance's can wait.
    // (The notification workers' claims of the same outbox rows may wait too: not counted.)
    const total = 2 * UPDATES_PER_INSTANCE;
    let done = false;
    const waiting: number[] = [];
    const schema = new URL(shared.url).searchParams.get("schema")!;
    const sampling = (async () => {
      while (!done) {
        const [row] = await shared.database.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND position(${schema} in query) > 0 AND position(${'"Incident"'} in query) > 0`;
        waiting.push(row!.n);
      }
    })();
    await Promise.all(
      Array.from({ length: total }, (_, i) =>
        publishIncidentUpdate(i % 2 ? b : a, incident, { status: "MONITORING", message: `Update from ${i % 2 ? "B" : "A"} #${i}` }),
      ),
    ).finally(() => (done = true));
    await sampling;
    expect(Math.max(...waiting), `waiting on the lock: ${waiting.join(",")}`).toBeLessThanOrEqual(1);

    const rows = await shared.database.db.incidentUpdate.findMany({
      where: { incidentId: incident },
      orderBy: { sequence: "asc" },
      select: { sequence: true, message: true },
    });
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: total + 1 }, (_, i) => i + 1));
    const last = rows.at(-1)!;

    // Barrier: one more change through each instance, published after every update
    // returned. Each instance's events reach Redis in the order it published them,
    // and each page's changes are handled in arrival order, so once a subscriber has
    // both barriers it has had everything it will ever get about the updates.
    const barriers = [await publishIncident(a, page.id, [], { name: "Barrier A" }), await publishIncident(b, page.id, [], { name: "Barrier B" })];
    for (const s of events) {
      for (const id of barriers) await s.inbox.until((r) => r.data?.pageEvents.id === id, 10_000);
    }
    for (const s of statuses) {
      await s.inbox.until((r) => barriers.every((id) => ((r.data?.pageStatus.incidents ?? []) as LiveIncident[]).some((i) => i.id === id)), 10_000);
    }

    for (const s of events) {
      const about = eventsOf(s).filter((e) => e.id === incident);
      const sequences = about.map((e) => e.sequence!);
      // Strictly increasing: no step back and no repeat; the newest always arrives.
      for (let i = 1; i < sequences.length; i++) expect(sequences[i], `events ${sequences.join(",")}`).toBeGreaterThan(sequences[i - 1]!);
      expect(sequences.at(-1)).toBe(total + 1);
      // The state each event carries never steps back either, and is never older than the event.
      const states = about.map((e) => e.incident!.sequence);
      for (let i = 1; i < states.length; i++) expect(states[i], `states ${states.join(",")}`).toBeGreaterThanOrEqual(states[i - 1]!);
      for (const e of about) expect(e.incident!.sequence).toBeGreaterThanOrEqual(e.sequence!);
    }
    for (const s of statuses) {
      const shown = statusesOf(s)
        .map((incidents) => incidents.find((i) => i.id === incident))
        .filter((i) => i !== undefined);
      const sequences = shown.map((i) => i.sequence);
      for (let i = 1; i < sequences.length; i++) expect(sequences[i], `summaries ${sequences.join(",")}`).toBeGreaterThanOrEqual(sequences[i - 1]!);
      expect(shown.at(-1)).toMatchObject({ sequence: total + 1, message: last.message });
    }
  }, 90_000);
});
