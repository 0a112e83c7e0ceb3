// Customer data never goes through a shared cache: what a viewer of one sub-page
// sees is never served to anyone else, and answers about customer pages (or to
// anyone with credentials) tell HTTP caches not to store them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACORN_SECRETS, BIRCH_SECRETS, buildWorld, type World } from "../auth/world.js";
import { get, type Answer } from "./http.js";

let w: World;
const headers = (caller: "viewerA" | "viewerB" | "admin") => w.as[caller] as Record<string, string>;

const SUB_PAGE = `{ subPage(pageSlug: "customers", slug: "acorn-corp") { name summary { status } components { name } incidents { name } } }`;
const CUSTOMER_PAGE = `{ statusPage(slug: "customers") { title summary { status } subPages { name } components { name } } }`;

function expectNotStored(answer: Answer): void {
  expect(answer.headers.get("cache-control")).toBe("private, no-store");
  expect(answer.headers.get("etag")).toBeNull();
}

beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w.t.close());

describe("a customer sub-page", () => {
  it("reaches its viewer unstored, then neither the signed-out nor the other customer's viewer", async () => {
    const mine = await get(w.t, SUB_PAGE, undefined, headers("viewerA"));
    expect(mine.body!.data!.subPage.name).toBe("Acorn Corp");
    expectNotStored(mine);

    for (const other of [{}, headers("viewerB")]) {
      const answer = await get(w.t, SUB_PAGE, undefined, other);
      expect(answer.body!.data?.subPage ?? null).toBeNull();
      expect(answer.body!.errors![0]!.extensions!.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      expect(JSON.stringify(answer.body)).not.toContain("Alpha API");
      expectNotStored(answer);
    }
  });
});

describe("a customer page", () => {
  it("is never stored for the signed-out, so a viewer asking the same URL gets their own view", async () => {
    const signedOut = await get(w.t, CUSTOMER_PAGE);
    expect(signedOut.body!.data!.statusPage).toMatchObject({ title: "Customers", summary: null, subPages: [], components: [] });
    expectNotStored(signedOut);

    const acorn = await get(w.t, CUSTOMER_PAGE, undefined, headers("viewerA"));
    expect(acorn.body!.data!.statusPage.subPages).toEqual([{ name: "Acorn Corp" }]);
    expectNotStored(acorn);
    for (const secret of BIRCH_SECRETS) expect(JSON.stringify(acorn.body)).not.toContain(secret);

    const birch = await get(w.t, CUSTOMER_PAGE, undefined, headers("viewerB"));
    expect(birch.body!.data!.statusPage.subPages).toEqual([{ name: "Birch Ltd" }]);
    for (const secret of ACORN_SECRETS) expect(JSON.stringify(birch.body)).not.toContain(secret);

    // And after the viewers, the signed-out view is still the signed-out one.
    expect((await get(w.t, CUSTOMER_PAGE)).body!.data!.statusPage.subPages).toEqual([]);
  });

  it("makes a page list that includes it private", async () => {
    const answer = await get(w.t, `{ statusPages { slug } }`);
    expect(answer.body!.data!.statusPages.map((p: { slug: string }) => p.slug)).toContain("customers");
    expectNotStored(answer);
  });
});

describe("a public page", () => {
  const PUBLIC = `{ statusPage(slug: "public") { title incidents { name publishedBy } } }`;

  it("is not stored for callers with credentials, whose answer may differ", async () => {
    const operator = await get(w.t, PUBLIC, undefined, headers("admin"));
    expect(operator.body!.data!.statusPage.incidents[0].publishedBy).toBe("test-admin");
    expectNotStored(operator);

    const anonymous = await get(w.t, PUBLIC);
    expect(anonymous.body!.data!.statusPage.incidents[0].publishedBy).toBeNull();
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=5");

    // The stored anonymous answer never reaches the operator.
    const again = await get(w.t, PUBLIC, undefined, headers("admin"));
    expect(again.body!.data!.statusPage.incidents[0].publishedBy).toBe("test-admin");
  });

  it("is not revalidated for callers with credentials", async () => {
    const { headers: h } = await get(w.t, PUBLIC);
    const answer = await get(w.t, PUBLIC, undefined, { ...headers("viewerA"), "if-none-match": h.get("etag")! });
    expect(answer.status).toBe(200);
    expectNotStored(answer);
  });
});
