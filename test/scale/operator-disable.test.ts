// Two instances on PostgreSQL and Redis: an operator disabled through one instance is
// signed out on the other on their next request, though that instance had their
// session cached from the request before.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOperator } from "../../server/auth/operators.js";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { eventually, sharedDatabase, startInstances, subscriberCount, type Instance, type SharedDatabase } from "../helpers/scale.js";
import { checkPostgres, checkRedis, describeWith, REDIS_URL } from "../helpers/services.js";

describeWith([await checkPostgres(), await checkRedis()], "an operator disabled through another instance", () => {
  let shared: SharedDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    shared = await sharedDatabase();
    [a, b] = (await startInstances(["A", "B"], { DATABASE_URL: shared.url, REDIS_URL }, shared.adminKey)) as [Instance, Instance];
    await eventually(async () => (await subscriberCount(REDIS_URL, "operators:changed")) >= 2, 10_000, "both instances listening for operator changes");
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await shared?.close();
  });

  const whoAt = async (instance: Instance, cookie: string) => {
    const res = await fetch(instance.url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query: "{ viewer { role operator { email } } }" }),
    });
    return ((await res.json()) as { data: { viewer: unknown } }).data.viewer;
  };

  it("ends their session on B on its next request", async () => {
    const db = shared.database.db;
    const operator = await createOperator(db, { email: "edna@ops.example", name: "Edna", role: "EDITOR" });
    const { secret } = await startOperatorSession(db, operator.id, { address: null, userAgent: null }, new Date());
    const cookie = `sg_operator=${secret}`;
    // B now holds the session in its credential cache.
    expect(await whoAt(b, cookie)).toEqual({ role: "EDITOR", operator: { email: "edna@ops.example" } });
    expect(await whoAt(b, cookie)).toEqual({ role: "EDITOR", operator: { email: "edna@ops.example" } });

    const off = await a.ok<{ disableOperator: { disabledAt: string | null } }>(
      `mutation ($id: ID!) { disableOperator(id: $id) { ... on Operator { disabledAt } } }`,
      {
        id: operator.id,
      },
    );
    expect(off.disableOperator.disabledAt).not.toBeNull();
    expect(await whoAt(b, cookie)).toEqual({ role: null, operator: null });
    expect(await whoAt(a, cookie)).toEqual({ role: null, operator: null });
    expect(await db.operatorSession.count({ where: { operatorId: operator.id, endedAt: null } })).toBe(0);
  });
});
