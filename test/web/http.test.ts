// The web client and badges as the server delivers them over real HTTP.
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../server/http/web.js";
import { startDemoServer, type DemoServer } from "./browser.js";

let server: DemoServer;
let script: string;

beforeAll(async () => {
  server = await startDemoServer();
  script = (await readdir(`${WEB_DIST}/assets`)).find((f) => f.endsWith(".js"))!;
});
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers });

describe("the web client's routes", () => {
  it.each(["/", "/demo", "/cust-support-ops", "/cust-support-ops/main", "/embed/demo"])("%s serves the app, revalidated every time", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root"></div>');
  });

  it("serves hashed assets for a year, compressed, with a validator", async () => {
    const res = await get(`/assets/${script}`, { "accept-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const etag = res.headers.get("etag")!;
    const again = await get(`/assets/${script}`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    const plain = await get(`/assets/${script}`, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);
  });

  it("leaves the API, health, sign-in, badges and feeds to their own routes", async () => {
    const graphql = await fetch(`${server.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ statusPage(slug: "demo") { title } }' }),
    });
    expect(await graphql.json()).toEqual({ data: { statusPage: { title: "Statusgraph Demo" } } });
    expect(await (await get("/graphql", { accept: "text/html" })).text()).not.toContain('<div id="root"></div>');
    for (const path of ["/health", "/health/live", "/auth/callback", "/auth/anything", "/feed", "/feed/demo"]) {
      expect(await (await get(path)).text(), path).not.toContain('<div id="root"></div>');
    }
    expect((await get("/badge/demo.svg")).headers.get("content-type")).toBe("image/svg+xml");
    expect((await get("/feed/demo.atom")).headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  });

  it("leaves the Statuspage-compatible JSON to its own route, /api/… and /:page/api/… alike", async () => {
    for (const path of ["/api", "/api/v2/summary.json", "/demo/api", "/demo/api/v2", "/demo/api/v2/summary.json", "/cust-support-ops/api/v2/status.json"]) {
      const res = await get(path);
      expect(res.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
      expect(await res.text(), path).not.toContain('<div id="root"></div>');
    }
    expect((await get("/demo/api/v2/summary.json")).status).toBe(200);
    // Without DEFAULT_PAGE, /api/v2/… names no page.
    expect((await get("/api/v2/summary.json")).status).toBe(404);
  });

  it("serves nothing outside dist/web and no unknown assets", async () => {
    for (const path of ["/assets/..%2f..%2fpackage.json", "/assets/%2e%2e/%2e%2e/package.json", "/assets/missing.js", "/package.json", "/a/b/c"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe("the status badge", () => {
  it("shows a public page's status as text and colour, cached for 30 s with an ETag", async () => {
    const res = await get("/badge/demo.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-label="status: Partial outage">/);
    expect(svg).toContain("<title>status: Partial outage</title>");
    expect(svg).toContain('fill="#b34700"');
    const etag = res.headers.get("etag")!;
    expect((await get("/badge/demo.svg", { "if-none-match": etag })).status).toBe(304);
  });

  it("changes with the page's status", async () => {
    const before = (await get("/badge/demo.svg")).headers.get("etag");
    const { statusPage } = await server.ok<{ statusPage: { incidents: { id: string }[] } }>(`{ statusPage(slug: "demo") { incidents { id } } }`);
    await server.ok(`mutation ($input: PublishIncidentUpdateInput!) { publishIncidentUpdate(input: $input) { __typename } }`, {
      input: { incidentId: statusPage.incidents[0]!.id, status: "RESOLVED", message: "Fixed." },
    });
    const after = await get("/badge/demo.svg");
    expect(after.headers.get("etag")).not.toBe(before);
    expect(await after.text()).toContain("All systems operational");
  });

  it("exists only for public pages", async () => {
    for (const path of ["/badge/cust-support-ops.svg", "/badge/no-such-page.svg", "/badge/demo.png", "/badge/"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
