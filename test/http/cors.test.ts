// Cross-origin reads of /graphql on a real server: only configured origins may
// read with the viewer's cookie; every other origin reads as anyone signed out
// would (`*`, no credentials); the service's own pages need no CORS at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_QUERY } from "../read-path/http.js";
import { buildWorld, type World } from "../auth/world.js";

const CONFIGURED = "https://app.example.com";
const FOREIGN = ["https://evil.example", "null", "https://app.example.com.evil.example", "http://app.example.com", "not a url", "https://app.example.com/path"];
const ACORN = `{ subPage(pageSlug: "customers", slug: "acorn-corp") { name components { name } } }`;

let w: World;
let origin: string;
let cookie: string;

beforeAll(async () => {
  w = await buildWorld({ corsOrigins: [CONFIGURED] });
  origin = new URL(await w.t.app.start(0)).origin;
  cookie = (w.as.viewerA as Record<string, string>).cookie!;
});
afterAll(() => w.t.close());

const postJson = (query: string, headers: Record<string, string>) =>
  fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
const preflight = (from: string) =>
  fetch(`${origin}/graphql`, {
    method: "OPTIONS",
    headers: { origin: from, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });

describe("a foreign origin", () => {
  it("gets neither credentials nor its own origin back, with the viewer's cookie or without", async () => {
    for (const from of FOREIGN) {
      for (const res of [await postJson(ACORN, { origin: from, cookie }), await preflight(from)]) {
        expect(res.headers.get("access-control-allow-credentials"), from).toBeNull();
        expect(res.headers.get("access-control-allow-origin"), from).toBe("*");
      }
    }
  });

  it("still reads a public page anonymously with a GET, as a CDN or curl does", async () => {
    const url = new URL(`${origin}/graphql`);
    url.searchParams.set("query", PAGE_QUERY);
    url.searchParams.set("variables", JSON.stringify({ slug: "public" }));
    const res = await fetch(url, { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect((await res.json()).data.statusPage.title).toBe("Public status");
    // No Origin, no extra header: what curl sends.
    const plain = await fetch(url);
    expect(plain.status).toBe(200);
    expect((await plain.json()).data.statusPage.title).toBe("Public status");
  });
});

describe("a configured origin", () => {
  it("gets its origin back with credentials, on the preflight and the request, and caches are told answers vary by origin", async () => {
    for (const res of [await preflight(CONFIGURED), await postJson(ACORN, { origin: CONFIGURED, cookie })]) {
      expect(res.headers.get("access-control-allow-origin")).toBe(CONFIGURED);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("vary")).toMatch(/\bOrigin\b/);
    }
    const res = await preflight(CONFIGURED);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type");
  });

  it("reads the viewer's sub-page with the cookie", async () => {
    const res = await postJson(ACORN, { origin: CONFIGURED, cookie });
    expect((await res.json()).data.subPage.components).toEqual([{ name: "Alpha API" }, { name: "Alpha Web" }]);
  });
});

describe("the service's own pages", () => {
  it("read the viewer's sub-page with the cookie, and get no credentialed CORS (they need none)", async () => {
    const res = await postJson(ACORN, { origin, cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).data.subPage.components).toEqual([{ name: "Alpha API" }, { name: "Alpha Web" }]);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
