// Signed-in viewers' reads come from answers computed once per change, shared by
// every viewer admitted to the same sub-pages, yet never reach a viewer of
// another customer, a signed-out caller, or anyone after the session ends.
import { stringifyDocument } from "@urql/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubPageQuery } from "../../web/src/components/SubPageView.graphql.js";
import { ACORN_SECRETS, BIRCH_SECRETS, buildWorld, type World } from "../auth/world.js";
import { bearer, testClock } from "../helpers/app.js";
import { createSession, UPDATE_DOMAINS } from "../helpers/customer-live.js";
import { publishIncident } from "../helpers/fixtures.js";
import { mutate } from "../helpers/pages.js";
import { get, post } from "./http.js";

const DAY = 86_400_000;
const WEB_QUERY = stringifyDocument(SubPageQuery);
const ACORN = { page: "customers", slug: "acorn-corp" };
const ACORN_SUB = `{ subPage(pageSlug: "customers", slug: "acorn-corp") { name components { name } incidents { name } } }`;
const CUSTOMER_PAGE = `{ statusPage(slug: "customers") { title subPages { name } } }`;

const clock = testClock("2026-03-10T12:00:00Z");
let w: World;
const statements: string[] = [];
const cookie = (secret: string) => ({ cookie: `sg_session=${secret}` });
const session = (email: string, ttlMs = DAY) => createSession(w.t.app.database.db, w.ids.customerPage!, email, clock.now(), ttlMs);

/** SQL statements run while `work` runs. */
async function sqlDuring(work: () => Promise<unknown>): Promise<string[]> {
  const before = statements.length;
  await work();
  return statements.slice(before);
}
const statementsDuring = async (work: () => Promise<unknown>) => (await sqlDuring(work)).length;

const refusal = (answer: Awaited<ReturnType<typeof get>>) => answer.body!.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  w = await buildWorld({ now: clock.now, onQuery: (sql) => void statements.push(sql) });
}, 60_000);
afterAll(() => w.t.close());

describe("a signed-in viewer's read", () => {
  it("is computed once and then served without touching the database", async () => {
    const ann = w.as.viewerA as Record<string, string>;
    const first = await get(w.t, WEB_QUERY, ACORN, ann);
    expect(first.body!.data!.subPage.name).toBe("Acorn Corp");
    const repeated = await statementsDuring(async () => {
      for (let i = 0; i < 20; i++) expect((await get(w.t, WEB_QUERY, ACORN, ann)).body).toEqual(first.body);
    });
    expect(repeated).toBe(0);
    // To HTTP caches it stays private: only this server shares it.
    expect(first.headers.get("cache-control")).toBe("private, no-store");
  });

  it("is shared by every viewer admitted to the same sub-pages, but each keeps their own address", async () => {
    await publishIncident(w.t, w.ids.customerPage!, [{ componentId: w.ids["Alpha Web"]!, impact: "DEGRADED_PERFORMANCE" }], { name: "Acorn slowness" });
    const [cy, dee] = [cookie(await session("cy@acorn.example")), bearer(await session("dee@acorn.example"))];
    const computed = await sqlDuring(() => get(w.t, WEB_QUERY, ACORN, cy));
    // Table names are quoted with backticks on SQLite, double quotes on PostgreSQL.
    expect(computed.filter((sql) => /[`"]Incident[`"]/.test(sql))).not.toEqual([]);
    // Only dee's session is looked up: the sub-page is the answer computed for cy.
    const shared = await sqlDuring(() => get(w.t, WEB_QUERY, ACORN, dee));
    expect(shared.filter((sql) => /[`"](Incident|Component)[`"]/.test(sql))).toEqual([]);
    expect(shared.some((sql) => /[`"]ViewerSession[`"]/.test(sql))).toBe(true);
    expect(await statementsDuring(() => get(w.t, WEB_QUERY, ACORN, dee))).toBe(0);

    const WHO = `query ($page: String!, $slug: String!) { viewer { email } subPage(pageSlug: $page, slug: $slug) { name } }`;
    for (const [viewer, email] of [
      [cy, "cy@acorn.example"],
      [dee, "dee@acorn.example"],
      [cy, "cy@acorn.example"],
    ] as const) {
      const answer = await get(w.t, WHO, ACORN, viewer);
      expect(answer.body!.data).toEqual({ viewer: { email }, subPage: { name: "Acorn Corp" } });
    }
  });

  it("never reaches a viewer of another customer", async () => {
    const ann = w.as.viewerA as Record<string, string>;
    const bob = w.as.viewerB as Record<string, string>;
    for (const query of [ACORN_SUB, CUSTOMER_PAGE]) await get(w.t, query, undefined, ann);
    const denied = await get(w.t, ACORN_SUB, undefined, bob);
    expect(refusal(denied)).toBe("FORBIDDEN");
    const page = await get(w.t, CUSTOMER_PAGE, undefined, bob);
    expect(page.body!.data!.statusPage.subPages).toEqual([{ name: "Birch Ltd" }]);
    for (const secret of ACORN_SECRETS) expect(JSON.stringify([denied.body, page.body])).not.toContain(secret);
    // And the other way round, once Birch's answer is kept.
    await get(w.t, `{ subPage(pageSlug: "customers", slug: "birch-ltd") { name } }`, undefined, bob);
    const other = await get(w.t, `{ subPage(pageSlug: "customers", slug: "birch-ltd") { name } }`, undefined, ann);
    expect(refusal(other)).toBe("FORBIDDEN");
    for (const secret of BIRCH_SECRETS) expect(JSON.stringify(other.body)).not.toContain(secret);
  });

  it("is filtered for each viewer from the page an operator read first, and the page stays read once", async () => {
    const WHOLE = `{ statusPage(slug: "customers") {
      components { name } groups { components { name } } summary { status }
      incidents { name updates { impacts { name } } }
      upcoming: maintenances(state: UPCOMING) { name components { name } }
    } }`;
    // The operator's read (an API key: no shared answer) leaves the whole page read once since the last change.
    const operator = await post(w.t, { query: WHOLE }, w.as.admin as Record<string, string>);
    const everything = JSON.stringify(operator.body);
    for (const secret of ["Alpha API", "Bravo Billing", "Acorn outage", "Birch outage", "Acorn window", "Birch window"]) expect(everything).toContain(secret);
    for (const [viewer, own, other] of [
      [w.as.viewerA, ACORN_SECRETS, BIRCH_SECRETS],
      [w.as.viewerB, BIRCH_SECRETS, ACORN_SECRETS],
    ] as const) {
      const ran = await sqlDuring(async () => {
        const answer = JSON.stringify((await get(w.t, WHOLE, undefined, viewer as Record<string, string>)).body);
        expect(answer).toContain(own[3]);
        expect(answer).toContain("Shared outage");
        for (const secret of other) expect(answer).not.toContain(secret);
      });
      // The page came from what the operator's read left: nothing of it was read again (the viewer's session and admission may be).
      expect(ran.filter((sql) => /[`"](Incident\w*|Component\w*|Maintenance\w*)[`"]/.test(sql))).toEqual([]);
    }
    // The signed-out see none of a customer page's parts.
    const anonymous = JSON.stringify((await get(w.t, WHOLE)).body);
    for (const secret of [...ACORN_SECRETS, ...BIRCH_SECRETS]) expect(anonymous).not.toContain(secret);
  });

  it("never reaches the signed-out, and the signed-out answer never reaches a viewer", async () => {
    const ann = w.as.viewerA as Record<string, string>;
    await get(w.t, CUSTOMER_PAGE, undefined, ann);
    expect((await get(w.t, CUSTOMER_PAGE)).body!.data!.statusPage.subPages).toEqual([]);
    expect(refusal(await get(w.t, ACORN_SUB))).toBe("UNAUTHENTICATED");
    // A public page: kept for the anonymous, computed apart for viewers.
    const PUBLIC = `{ statusPage(slug: "public") { title } viewer { kind } }`;
    expect((await get(w.t, PUBLIC, undefined, ann)).body!.data!.viewer.kind).toBe("VIEWER");
    expect((await get(w.t, PUBLIC)).body!.data!.viewer.kind).toBe("ANONYMOUS");
    expect((await get(w.t, PUBLIC, undefined, ann)).body!.data!.viewer.kind).toBe("VIEWER");
    expect((await get(w.t, CUSTOMER_PAGE, undefined, ann)).body!.data!.statusPage.subPages).toEqual([{ name: "Acorn Corp" }]);
  });

  it("ends with the session: the next request after signing out is refused", async () => {
    const viewer = cookie(await session("eve@acorn.example"));
    for (let i = 0; i < 2; i++) expect((await get(w.t, ACORN_SUB, undefined, viewer)).body!.data!.subPage.name).toBe("Acorn Corp");
    expect((await post(w.t, { query: "mutation { signOut }" }, viewer)).body!.data).toEqual({ signOut: true });
    const after = await get(w.t, ACORN_SUB, undefined, viewer);
    expect(after.body!.data?.subPage ?? null).toBeNull();
    expect(refusal(after)).toBe("UNAUTHENTICATED");
  });

  it("ends when the session expires, on the clock, though the session is kept in memory", async () => {
    const viewer = bearer(await session("fay@acorn.example", 60_000));
    for (let i = 0; i < 2; i++) expect((await get(w.t, ACORN_SUB, undefined, viewer)).body!.data!.subPage.name).toBe("Acorn Corp");
    expect(await statementsDuring(() => get(w.t, ACORN_SUB, undefined, viewer))).toBe(0);
    clock.advance(60_000);
    expect(refusal(await get(w.t, ACORN_SUB, undefined, viewer))).toBe("UNAUTHENTICATED");
  });

  it("ends for a domain removed from the customer, at the next request", async () => {
    const viewer = cookie(await session("gus@acorn.example"));
    expect((await get(w.t, ACORN_SUB, undefined, viewer)).body!.data!.subPage.name).toBe("Acorn Corp");
    await mutate(w.t, UPDATE_DOMAINS, { input: { id: w.ids.groupA, values: [{ attribute: "Email domains", values: ["other.example"] }] } });
    try {
      expect(refusal(await get(w.t, ACORN_SUB, undefined, viewer))).toBe("FORBIDDEN");
      expect((await get(w.t, CUSTOMER_PAGE, undefined, viewer)).body!.data!.statusPage.subPages).toEqual([]);
    } finally {
      await mutate(w.t, UPDATE_DOMAINS, { input: { id: w.ids.groupA, values: [{ attribute: "Email domains", values: ["acorn.example"] }] } });
    }
    expect((await get(w.t, ACORN_SUB, undefined, viewer)).body!.data!.subPage.name).toBe("Acorn Corp");
  });
});

describe("an operator's key", () => {
  const KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreatedApiKey { secret key { id } } } }`;

  it("is looked up once, its use stamped at most once a minute, and refused at once when revoked", async () => {
    const { createApiKey: created } = await w.t.ok<{ createApiKey: { secret: string; key: { id: string } } }>(KEY, {
      input: { name: "cached reader", scope: "VIEWER" },
    });
    const reader = bearer(created.secret);
    const WHO = `{ viewer { kind name } }`;
    expect((await post(w.t, { query: WHO }, reader)).body!.data!.viewer).toEqual({ kind: "OPERATOR", name: "cached reader" });
    expect(await statementsDuring(() => post(w.t, { query: WHO }, reader))).toBe(0);
    clock.advance(61_000);
    // A minute on, the next use is stamped (one write), the ones after it are not.
    const stamped = await sqlDuring(() => post(w.t, { query: WHO }, reader));
    expect(stamped.filter((sql) => sql.startsWith("UPDATE"))).toHaveLength(1);
    expect(stamped.filter((sql) => sql.startsWith("SELECT"))).toEqual([]);
    expect(await statementsDuring(() => post(w.t, { query: WHO }, reader))).toBe(0);
    const row = await w.t.app.database.db.apiKey.findUniqueOrThrow({ where: { id: created.key.id } });
    expect(row.lastUsedAt).toEqual(clock.now());

    await w.t.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: created.key.id });
    const after = await post(w.t, { query: WHO }, reader);
    // Refused credentials leave the request anonymous; what needs a key says why.
    expect(after.body!.data!.viewer).toEqual({ kind: "ANONYMOUS", name: null });
    const keys = await post(w.t, { query: "{ apiKeys { name } }" }, reader);
    expect(keys.body!.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  });
});
