// Every change goes down one path: a recorder registered on the app sees it inside
// the change's own transaction, and the announcement follows once it has committed.
// Walks the schema's mutations, so a new one that writes around the path fails here.
import { getIntrospectionQuery, type IntrospectionObjectType, type IntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageChange } from "../../server/events.js";
import { seedDemo } from "../../server/seed/demo.js";
import type { ChangeListener, ChangeRecorder, CommittedChange } from "../../server/services/change.js";
import { MUTATIONS, type MutationCase } from "../auth/mutation-cases.js";
import { buildWorld, type World } from "../auth/world.js";
import { createTestApp, testClock, type TestApp } from "../helpers/app.js";
import { createComponents, createPage, scheduleMaintenance } from "../helpers/fixtures.js";

/**
 * Sign-in and sign-out, a viewer's or an operator's own (an operator's link request,
 * sign-out everywhere), and a viewer's email subscriptions: sessions, sign-in tokens and
 * subscribers, not the service's data, so no change to record.
 */
const SESSION_MUTATIONS = [
  "requestSignIn",
  "completeSignIn",
  "signOut",
  "requestOperatorSignIn",
  "signOutEverywhere",
  "subscribe",
  "confirmSubscription",
  "unsubscribe",
];
const CHANGES = MUTATIONS.filter((m) => m.needs !== null);

interface Watch {
  recorded: CommittedChange[];
  /** Each change heard after its commit, and whether a recorder had it first. */
  heard: { change: CommittedChange; recordedFirst: boolean }[];
  /** Operations whose recording fails, rolling the change back. */
  refuse: Set<string>;
  recorder: ChangeRecorder;
  listener: ChangeListener;
}

function watch(): Watch {
  const w: Watch = {
    recorded: [],
    heard: [],
    refuse: new Set(),
    recorder: async (tx, change) => {
      if (w.refuse.has(change.operation)) throw new Error(`recording ${change.operation} failed`);
      // Inside the transaction: it sees the write, before anyone else can.
      if (change.objectType === "StatusPage" && change.after) expect(await tx.statusPage.count({ where: { id: change.objectId! } })).toBe(1);
      w.recorded.push(change);
    },
    listener: (change) => void w.heard.push({ change, recordedFirst: w.recorded.includes(change) }),
  };
  return w;
}

const world = watch();
let w: World;
const announced: PageChange[] = [];
const revoked: string[] = [];

beforeAll(async () => {
  w = await buildWorld({ recorders: [world.recorder], afterCommit: [world.listener] });
  void (async () => {
    for await (const change of w.t.app.events.subscribe("pages:changed")) announced.push(change);
  })();
  void (async () => {
    for await (const keyId of w.t.app.events.subscribe("api-keys:revoked")) revoked.push(keyId);
  })();
}, 60_000);
afterAll(() => w.t.close());

const run = (m: MutationCase, variables: Record<string, unknown>) =>
  w.t.ok<{ result: { __typename: string } }>(`mutation (${m.args[0]}) { result: ${m.name}(${m.args[1]}) { __typename } }`, variables);

it("leaves no mutation of the schema off the path", async () => {
  const { __schema } = await w.t.ok<IntrospectionQuery>(getIntrospectionQuery());
  const mutation = __schema.types.find((t) => t.name === __schema.mutationType?.name) as IntrospectionObjectType;
  const covered = new Set([...CHANGES.map((m) => m.name), ...SESSION_MUTATIONS]);
  expect(mutation.fields.map((f) => f.name).filter((name) => !covered.has(name))).toEqual([]);
});

describe.each(CHANGES)("$name", (m) => {
  it("is recorded in its transaction, then announced", async () => {
    const variables = await m.valid(w);
    const [recordedFrom, heardFrom, announcedFrom] = [world.recorded.length, world.heard.length, announced.length];
    expect((await run(m, variables)).result.__typename).toBe(m.success);
    const mine = world.recorded.slice(recordedFrom).filter((c) => c.operation === m.name);
    expect(mine).toHaveLength(1);
    const change = mine[0]!;
    expect(change.actor).toEqual({ kind: "operator", id: expect.any(String), name: "test-admin" });
    expect(change.summary).not.toBe("");
    // Its audit entry was written with it, from the same change.
    const entries = await w.t.app.database.db.auditEntry.findMany({ where: { operation: m.name, at: change.at, summary: change.summary } });
    expect(entries).toEqual([
      expect.objectContaining({
        outcome: "CHANGED",
        actorKind: "operator",
        actorId: change.actor.id,
        actorName: "test-admin",
        objectType: change.objectType,
        objectId: change.objectId,
        address: change.address,
      }),
    ]);
    expect(`${entries[0]!.before} ${entries[0]!.after}`).not.toMatch(/hash"/i);
    expect(world.heard.slice(heardFrom)).toContainEqual({ change, recordedFirst: true });
    for (const notice of change.pages) {
      const { pageId, kind, subjectId } = notice;
      await expect.poll(() => announced.slice(announcedFrom)).toContainEqual(expect.objectContaining({ pageId, kind, subjectId }));
    }
    for (const keyId of change.revokedKeyIds ?? []) await expect.poll(() => revoked).toContain(keyId);
  });
});

it("writes nothing and announces nothing when a recorder fails", async () => {
  world.refuse.add("createStatusPage");
  const heardFrom = world.heard.length;
  const { errors } = await w.t.gql(`mutation { createStatusPage(input: { title: "Never kept" }) { __typename } }`);
  world.refuse.delete("createStatusPage");
  expect(errors?.[0]?.message).toBe("Unexpected error.");
  expect(await w.t.app.database.db.statusPage.count({ where: { title: "Never kept" } })).toBe(0);
  // The audit recorder ran before the failing one; its entry went with the change.
  expect(await w.t.app.database.db.auditEntry.count({ where: { summary: { contains: "Never kept" } } })).toBe(0);
  // A later change is heard, and nothing before it: the refused one was never announced.
  await w.t.ok(`mutation { createStatusPage(input: { title: "Kept" }) { __typename } }`);
  expect(world.heard.slice(heardFrom).map((h) => h.change.summary)).toEqual(['Created status page "Kept"']);
});

describe("the service's own changes", () => {
  const clock = testClock("2030-03-10T12:00:00Z");
  const own = watch();
  let t: TestApp;
  beforeAll(async () => void (t = await createTestApp({ now: clock.now, recorders: [own.recorder], afterCommit: [own.listener] })));
  afterAll(() => t.close());

  it("seeds the demo through the same path, as the system", async () => {
    expect(await seedDemo(t.app)).toBe(true);
    const operations = new Set(own.recorded.map((c) => c.operation));
    for (const op of ["createCatalogType", "createStatusPage", "publishIncident", "scheduleMaintenance"]) expect(operations.has(op)).toBe(true);
    expect(new Set(own.recorded.map((c) => c.actor.kind))).toEqual(new Set(["system"]));
    expect(own.heard.map((h) => h.change)).toEqual(own.recorded);
    const entries = await t.app.database.db.auditEntry.findMany();
    expect(entries).toHaveLength(own.recorded.length);
    expect(new Set(entries.map((e) => `${e.actorKind} ${e.address}`))).toEqual(new Set(["system null"]));
  });

  it("makes the scheduler's transitions through the same path, as the system", async () => {
    const [api] = (await createComponents(t, ["API"])) as [string];
    const page = await createPage(t, [api]);
    const window = { startsAt: "2030-03-10T13:00:00Z", endsAt: "2030-03-10T14:00:00Z" };
    const id = await scheduleMaintenance(t, page.id, window, [{ componentId: api, impact: "UNDER_MAINTENANCE" }]);
    const from = own.recorded.length;
    clock.set("2030-03-10T13:00:00Z");
    expect(await t.app.scheduler.tick()).toBe(1);
    const [change] = own.recorded.slice(from);
    expect(change).toMatchObject({ operation: "transitionMaintenance", actor: { kind: "system" }, objectType: "Maintenance", objectId: id });
    expect(change!.pages).toEqual([expect.objectContaining({ pageId: page.id, subject: "MAINTENANCE", kind: "STARTED", subjectId: id })]);
    expect(own.heard.at(-1)).toEqual({ change, recordedFirst: true });
  });
});
