// Two instances, in processes of their own, sharing nothing but PostgreSQL and
// Redis: a change made through one reaches subscribers of both, as JSON-safe
// events, and an automatic maintenance transition happens exactly once.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { Redis } from "ioredis";
import type { PageChange } from "../../server/events.js";
import { createComponents, createPage, publishIncident, scheduleMaintenance, type PageRef } from "../helpers/fixtures.js";
import { subscribeWs, wsClient, type Subscription } from "../helpers/live.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";

const STATUS = `subscription ($page: String!) { pageStatus(pageSlug: $page) { status sentence components { id name status } incidents { id name status } } }`;
const EVENTS = `subscription ($page: String!) { pageEvents(pageSlug: $page) { kind subject id name at componentIds incident { id status message } maintenance { id status } } }`;
const channel = (pageId: string) => `page:changed:${pageId}`;

describeWith([await checkPostgres(), await checkRedis()], "two instances on PostgreSQL and Redis", () => {
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;
  const clients: Client[] = [];
  const subscriptions: Subscription[] = [];
  let components: string[];

  const subscribe = (instance: Instance, query: string, page: PageRef) => {
    const client = wsClient(instance.url, { authorization: `Bearer ${shared.adminKey}` });
    clients.push(client);
    const subscription = subscribeWs(client, query, { page: page.slug });
    subscriptions.push(subscription);
    return subscription;
  };
  /** Resolves once `n` connections (instances) listen to the page's events in Redis. */
  const listening = (page: PageRef, n: number) =>
    eventually(async () => (await subscriberCount(REDIS_URL, channel(page.id))) >= n, 10_000, `${n} Redis subscribers for the page`);

  beforeAll(async () => {
    shared = await sharedDatabase();
    const env = { DATABASE_URL: shared.url, REDIS_URL };
    [a, b] = (await startInstances(["A", "B"], env, shared.adminKey)) as [Instance, Instance];
    components = await createComponents(a, ["API", "Web"]);
  }, 60_000);

  afterAll(async () => {
    for (const s of subscriptions) s.stop();
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
    await shared?.close();
  }, 30_000);

  it("delivers a change made through A to pageStatus and pageEvents subscribers on B, and on A", async () => {
    const page = await createPage(a, components);
    const statusOnB = subscribe(b, STATUS, page);
    const eventsOnB = subscribe(b, EVENTS, page);
    const eventsOnA = subscribe(a, EVENTS, page);
    expect((await statusOnB.inbox.next(10_000)).data!.pageStatus.status).toBe("OPERATIONAL");
    await listening(page, 2);
    // What travels between instances, read straight from Redis.
    const raw = new Redis(REDIS_URL);
    const messages: string[] = [];
    raw.on("message", (_channel: string, message: string) => void messages.push(message));
    await raw.subscribe(channel(page.id));

    try {
      const id = await publishIncident(a, page.id, [{ componentId: components[0]!, impact: "PARTIAL_OUTAGE" }], { name: "Slow API" });

      const status = (await statusOnB.inbox.next(10_000)).data!.pageStatus;
      expect(status.status).toBe("PARTIAL_OUTAGE");
      expect(status.incidents).toEqual([{ id, name: "Slow API", status: "INVESTIGATING" }]);
      for (const inbox of [eventsOnB.inbox, eventsOnA.inbox]) {
        const event = (await inbox.next(10_000)).data!.pageEvents;
        expect(event).toMatchObject({ kind: "PUBLISHED", subject: "INCIDENT", id, name: "Slow API", componentIds: [components[0]] });
        expect(event.incident).toMatchObject({ id, status: "INVESTIGATING", message: "We are looking into it." });
        expect(new Date(event.at).toISOString()).toBe(event.at);
      }

      // Plain JSON both ways: parsing and printing again changes nothing, and instants are ISO strings.
      await eventually(async () => messages.length > 0, 5_000, "the event in Redis");
      expect(messages).toHaveLength(1);
      const change = JSON.parse(messages[0]!) as PageChange;
      expect(JSON.stringify(change)).toBe(messages[0]);
      expect(change).toMatchObject({ pageId: page.id, subject: "INCIDENT", kind: "PUBLISHED", subjectId: id, componentIds: [components[0]] });
      expect(change.at).toBe(new Date(change.at).toISOString());
    } finally {
      raw.disconnect();
    }
  }, 60_000);

  it("opens a maintenance window exactly once: one STARTED event on each instance, one automatic update", async () => {
    const page = await createPage(a, components);
    const onA = subscribe(a, EVENTS, page);
    const onB = subscribe(b, EVENTS, page);
    await listening(page, 2);
    // Both schedulers hear of it (through Redis) and wake at the window's start together.
    const startsAt = new Date(Date.now() + 2_000);
    const window = { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() };
    const id = await scheduleMaintenance(a, page.id, window, [{ componentId: components[1]!, impact: "UNDER_MAINTENANCE" }], { autoUpdate: true });

    // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer the test reads as its own query shapes it
    const isStarted = (r: { data?: Record<string, any> | null }) => r.data?.pageEvents.kind === "STARTED";
    for (const { inbox } of [onA, onB]) {
      const started = (await inbox.until(isStarted, 20_000)).data!.pageEvents;
      expect(started).toMatchObject({ subject: "MAINTENANCE", id, maintenance: { id, status: "IN_PROGRESS" } });
    }
    // The barrier: a later change on the page, through B. The page's events reach each
    // instance in order through one Redis channel, so a duplicate STARTED would come before it.
    const barrier = await publishIncident(b, page.id, [{ componentId: components[0]!, impact: "PARTIAL_OUTAGE" }], { name: "Barrier" });
    for (const { inbox } of [onA, onB]) {
      await inbox.until((r) => r.data?.pageEvents.id === barrier, 20_000);
      expect(inbox.received.map((r) => r.data?.pageEvents.kind)).toEqual(["PUBLISHED", "STARTED", "PUBLISHED"]);
    }
    const automatic = await shared.database.db.maintenanceUpdate.findMany({ where: { maintenanceId: id, status: "IN_PROGRESS" } });
    expect(automatic).toHaveLength(1);
    expect(automatic[0]).toMatchObject({ publishedBy: null, message: "Maintenance started." });
  }, 60_000);
});
