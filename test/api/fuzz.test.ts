// Hostile text in every string and ID argument of every query and mutation (found
// by walking the schema), sent with an admin key so authorization passes: the
// answer is data or a typed error, never a 5xx, never "Unexpected error.", and the
// server logs no fault.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { CREATE_PAGE, createRunbookCatalog, mutate } from "../helpers/pages.js";
import { schemaProbes, type Probe } from "../helpers/schema-walk.js";

const HOSTILE: Record<string, string> = {
  "a lone high surrogate": "\ud800",
  "a lone low surrogate": "\udfff",
  "a surrogate pair reversed": "\udc00\ud800",
  NUL: "page\u0000slug",
  "control characters": "\u0001\u001b[31m\u007f",
  "100 KB": "x".repeat(100_000),
  "a bidi override": "abc\u202Egnp.exe",
  __proto__: "__proto__",
  constructor: "constructor",
  "SQL-ish": '\' OR 1=1; DROP TABLE "StatusPage"; --',
  "a LIKE pattern": "%_%",
  emoji: "🚨🔥👩🏽‍💻",
  "right-to-left text": "الخدمة متوقفة",
  "a number as a string": "12345",
  "a float as a string": "-1e309",
  empty: "",
  blank: "   \n\t ",
};

let t: TestApp;
let probes: Probe[];
const logged: unknown[][] = [];

beforeAll(async () => {
  // Hundreds of mutations: the per-key rate limit would answer most of them instead.
  t = await createTestApp({ limits: { keyMutationsPerMinute: 1_000_000 } });
  const catalog = await createRunbookCatalog(t, ["Search", "Chat"]);
  const page = await mutate(t, CREATE_PAGE, { input: { title: "Public", components: [catalog.components.Search] } });
  await mutate(t, CREATE_PAGE, {
    input: { title: "Customers", kind: "CUSTOMER", customerType: "Groups", componentsAttribute: "Components", emailDomainsAttribute: "Email domains" },
  });
  await publishIncident(t, page.id!, [{ componentId: catalog.components.Search!, impact: "DEGRADED_PERFORMANCE" }]);
  await scheduleMaintenance(t, page.id!, { startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-01T01:00:00Z" }, []);
  probes = await schemaProbes(t);
  // Faults are logged through console.error (Yoga's logger, the scheduler, graphql-ws).
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

it("finds the arguments to try by walking the schema", () => {
  const targets = probes.map((p) => p.target);
  expect(targets).toEqual(
    expect.arrayContaining([
      "Query.statusPage(slug)",
      "Mutation.createStatusPage(input.groups.0.name)",
      "Mutation.createCatalogEntry(input.values.0.values.0)",
      "Mutation.rankCatalogEntries(entryIds.0)",
      "StatusPage.incidentHistory(after)",
      "StatusPage.subPage(slug)",
    ]),
  );
});

it("answers every hostile string in every argument with data or a typed error", async () => {
  const failures: string[] = [];
  for (const probe of probes) {
    for (const [what, text] of Object.entries(HOSTILE)) {
      const res = await t.app.yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${t.adminKey}` },
        body: JSON.stringify({ query: probe.query, variables: probe.variables(text) }),
      });
      const body = await res.text();
      if (res.status >= 500 || body.includes("Unexpected error") || body.includes("INTERNAL_SERVER_ERROR")) {
        failures.push(`${probe.target} with ${what}: ${res.status} ${body.slice(0, 300)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(logged).toEqual([]);
}, 600_000);
