// index.html as the server sends it for a page's routes: already in the page's
// colour scheme and with its title and favicon, so the first paint looks like the page.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../server/http/web.js";
import { CREATE_PAGE, UPDATE_PAGE, mutate } from "../helpers/pages.js";
import { launchBrowser, startDemoServer, type DemoServer } from "./browser.js";

const TITLE = `Night <b> & "Co" $&`;
const ESCAPED = "<title>Night &#60;b&#62; &#38; &#34;Co&#34; $&#38;</title>";

let server: DemoServer;
let builtIndex: string;
let pageId: string;
const statements: string[] = [];

beforeAll(async () => {
  server = await startDemoServer({ onQuery: (sql) => statements.push(sql) });
  builtIndex = await readFile(`${WEB_DIST}/index.html`, "utf8");
  const created = await mutate(server, CREATE_PAGE, { input: { title: TITLE, slug: "night-ops", theme: "DARK" } });
  pageId = created.id!;
});
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers });
const html = async (path: string) => (await get(path)).text();

describe("index.html for a page's routes", () => {
  it.each(["/night-ops", "/night-ops/any-sub-page", "/embed/night-ops"])("%s has a dark page's theme and escaped title", async (path) => {
    const res = await get(path);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const body = await res.text();
    expect(body).toContain('<html data-theme="dark" lang="en">');
    expect(body).toContain(ESCAPED);
    expect(body).toContain('<div id="root"></div>');
  });

  it("has a light page's theme, and a customer page's own theme and title", async () => {
    const light = await html("/demo");
    expect(light).toContain('<html data-theme="light" lang="en">');
    expect(light).toContain("<title>Statusgraph Demo</title>");
    const customer = await html("/cust-support-ops/main");
    expect(customer).toContain('<html data-theme="dark" lang="en">');
    expect(customer).toContain("<title>Customer Support Operations</title>");
  });

  it("links a page's favicon on each of its routes, and follows it when it changes", async () => {
    const icon = (body: string) => [...body.matchAll(/<link\b[^>]*\brel="icon"[^>]*>/g)].map((m) => m[0]);
    const page = await mutate(server, CREATE_PAGE, { input: { title: "Iconic", slug: "iconic", faviconUrl: "https://cdn.example.com/icon.png?v=2&size=32" } });
    for (const path of ["/iconic", "/iconic/any-sub-page", "/embed/iconic"]) {
      expect(icon(await html(path)), path).toEqual(['<link rel="icon" href="https://cdn.example.com/icon.png?v=2&#38;size=32">']);
    }
    // Pages without one keep the built empty icon, so browsers ask for no /favicon.ico.
    expect(icon(await html("/demo"))).toEqual(['<link rel="icon" href="data:," />']);
    await mutate(server, UPDATE_PAGE, { input: { id: page.id, faviconUrl: "/icons/ops.svg" } });
    expect(icon(await html("/iconic"))).toEqual(['<link rel="icon" href="/icons/ops.svg">']);
    await mutate(server, UPDATE_PAGE, { input: { id: page.id, faviconUrl: null } });
    expect(icon(await html("/iconic"))).toEqual(['<link rel="icon" href="data:," />']);
  });

  it("is the file as built for / and for unknown pages", async () => {
    for (const path of ["/", "/no-such-page", "/embed/no-such-page", "/embed", "/Not_A_Slug"]) expect(await html(path), path).toBe(builtIndex);
  });

  it("has a validator per variant", async () => {
    const dark = (await get("/night-ops")).headers.get("etag")!;
    const light = (await get("/demo")).headers.get("etag")!;
    const plain = (await get("/")).headers.get("etag")!;
    expect(new Set([dark, light, plain]).size).toBe(3);
    expect((await get("/night-ops", { "if-none-match": dark })).status).toBe(304);
    expect((await get("/embed/night-ops", { "if-none-match": dark })).status).toBe(304);
    expect((await get("/demo", { "if-none-match": light })).status).toBe(304);
    expect((await get("/demo", { "if-none-match": dark })).status).toBe(200);
  });

  it("costs no query once the page has been looked up", async () => {
    await html("/night-ops");
    statements.length = 0;
    await html("/night-ops");
    await html("/embed/night-ops");
    expect(statements).toEqual([]);
  });

  it("follows the page's settings as soon as they change", async () => {
    await html("/night-ops");
    await mutate(server, UPDATE_PAGE, { input: { id: pageId, theme: "LIGHT", title: "Day & night" } });
    const after = await html("/night-ops");
    expect(after).toContain('<html data-theme="light" lang="en">');
    expect(after).toContain("<title>Day &#38; night</title>");
    await mutate(server, UPDATE_PAGE, { input: { id: pageId, slug: "day-ops", theme: "DARK" } });
    expect(await html("/night-ops")).toBe(builtIndex);
    expect(await html("/day-ops")).toContain('<html data-theme="dark" lang="en">');
  });
});

describe("a dark page in Chromium", () => {
  it("is dark from the first paint on, never light", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { themesSeen: string[] }).themesSeen = seen;
        const record = (when: string) => seen.push(`${when}: ${document.documentElement.dataset.theme} ${document.title}`);
        // "interactive" comes once the HTML is parsed, before module scripts run.
        document.addEventListener("readystatechange", () => document.readyState === "interactive" && record("parsed"));
        new MutationObserver(() => record("changed")).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-theme"] });
      });
      await page.goto(`${server.origin}/cust-support-ops`);
      await page.getByRole("heading", { level: 1, name: "Customer Support Operations" }).waitFor();
      const seen = await page.evaluate(() => (window as unknown as { themesSeen: string[] }).themesSeen);
      expect(seen[0]).toBe("parsed: dark Customer Support Operations");
      expect(seen.filter((s) => !s.includes(": dark "))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
