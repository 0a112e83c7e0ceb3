// Every query, asked by every kind of caller: what each may see, and that a
// viewer of one sub-page learns nothing about another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACORN_SECRETS, BIRCH_SECRETS, CALLERS, buildWorld, type Caller, type World } from "./world.js";

let w: World;
beforeAll(async () => void (w = await buildWorld()), 60_000);
afterAll(() => w.t.close());

type Expected = { data: unknown } | { denied: "UNAUTHENTICATED" | "FORBIDDEN"; data?: unknown };
type Group = "operator" | "viewerA" | "viewerB" | "none";
const group = (c: Caller): Group =>
  c === "viewerA" || c === "viewerB" ? c : c === "anonymous" || c === "revoked" || c === "personDisabled" ? "none" : "operator";
/** The refusal for callers who may not: strangers must authenticate, others never will. */
const refused = (c: Caller) => ({ denied: group(c) === "none" ? ("UNAUTHENTICATED" as const) : ("FORBIDDEN" as const) });
const sorted = (...names: string[]) => [...names].sort();

/** Connections become lists, and lists of one-field objects sorted lists of values, so expectations read as sets of names. */
function view(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(view);
    const single = items.map((i) => (i && typeof i === "object" && Object.keys(i).length === 1 ? Object.values(i)[0] : i));
    return single.every((i) => typeof i === "string") ? [...(single as string[])].sort() : items;
  }
  if (value === null || typeof value !== "object") return value;
  if ("edges" in value) return view((value.edges as { node: unknown }[]).map((e) => e.node));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, view(v)]));
}

const sub = (slug: string) =>
  `{ subPage(pageSlug: "customers", slug: "${slug}") { name summary { status } components { name } incidents { name } maintenances { name } } }`;
const acornSub = {
  name: "Acorn Corp",
  summary: { status: "PARTIAL_OUTAGE" },
  components: sorted("Alpha API", "Alpha Web"),
  incidents: sorted("Acorn outage", "Shared outage"),
  maintenances: sorted("Acorn window", "Shared window"),
};
const birchSub = {
  name: "Birch Ltd",
  summary: { status: "FULL_OUTAGE" },
  components: sorted("Bravo Billing", "Bravo Ledger"),
  incidents: sorted("Birch outage", "Shared outage"),
  maintenances: sorted("Birch window", "Shared window"),
};
const customerView = (components: string[], subPages: string[], incidents: string[], maintenances: string[], status: string | null) => ({
  title: "Customers",
  summary: status && { status },
  components: sorted(...components),
  subPages: sorted(...subPages),
  incidents: sorted(...incidents),
  maintenances: sorted(...maintenances),
  incidentHistory: sorted(...incidents),
});

const CASES: { name: string; query: string; vars?: (w: World) => Record<string, unknown>; expect: (c: Caller) => Expected }[] = [
  { name: "lists status pages", query: "{ statusPages { slug } }", expect: () => ({ data: { statusPages: ["customers", "public"] } }) },
  {
    name: "reads a public page",
    query: '{ statusPage(slug: "public") { summary { status } components { name } incidents { name } incidentHistory { edges { node { name } } } } }',
    expect: () => ({
      data: {
        statusPage: {
          summary: { status: "DEGRADED_PERFORMANCE" },
          components: ["Public Search"],
          incidents: ["Public incident"],
          incidentHistory: ["Public incident"],
        },
      },
    }),
  },
  {
    name: "reads a customer page",
    query:
      '{ statusPage(slug: "customers") { title summary { status } components { name } subPages { slug } incidents { name } maintenances { name } incidentHistory { edges { node { name } } } } }',
    expect: (c) => ({
      data: {
        statusPage: {
          operator: customerView(
            ["Alpha API", "Alpha Web", "Bravo Billing", "Bravo Ledger"],
            ["acorn-corp", "birch-ltd"],
            ["Acorn outage", "Birch outage", "Shared outage"],
            ["Acorn window", "Birch window", "Shared window"],
            "FULL_OUTAGE",
          ),
          viewerA: customerView(
            ["Alpha API", "Alpha Web"],
            ["acorn-corp"],
            ["Acorn outage", "Shared outage"],
            ["Acorn window", "Shared window"],
            "PARTIAL_OUTAGE",
          ),
          viewerB: customerView(
            ["Bravo Billing", "Bravo Ledger"],
            ["birch-ltd"],
            ["Birch outage", "Shared outage"],
            ["Birch window", "Shared window"],
            "FULL_OUTAGE",
          ),
          none: customerView([], [], [], [], null),
        }[group(c)],
      },
    }),
  },
  {
    name: "reads sub-page A",
    query: sub("acorn-corp"),
    expect: (c) => (["operator", "viewerA"].includes(group(c)) ? { data: { subPage: acornSub } } : refused(c)),
  },
  {
    name: "reads sub-page B",
    query: sub("birch-ltd"),
    expect: (c) => (["operator", "viewerB"].includes(group(c)) ? { data: { subPage: birchSub } } : refused(c)),
  },
  { name: "reads a sub-page that does not exist", query: sub("no-such"), expect: (c) => (group(c) === "operator" ? { data: { subPage: null } } : refused(c)) },
  {
    name: "reads sub-page B through its page",
    query: '{ statusPage(slug: "customers") { title subPage(slug: "birch-ltd") { name } } }',
    expect: (c) =>
      ["operator", "viewerB"].includes(group(c))
        ? { data: { statusPage: { title: "Customers", subPage: { name: "Birch Ltd" } } } }
        : { ...refused(c), data: { statusPage: { title: "Customers", subPage: null } } },
  },
  ...(["incident", "maintenance"] as const).flatMap((kind) => [
    {
      name: `reads B's ${kind} by id`,
      query: `query ($id: ID!) { ${kind}(id: $id) { name } }`,
      vars: (w: World) => ({ id: w.ids[`${kind}B`] }),
      expect: (c: Caller) => ({
        data: { [kind]: ["operator", "viewerB"].includes(group(c)) ? { name: `Birch ${kind === "incident" ? "outage" : "window"}` } : null },
      }),
    },
  ]),
  {
    name: "reads B's incident through the page",
    query: 'query ($id: ID!) { statusPage(slug: "customers") { incident(id: $id) { name } } }',
    vars: (w) => ({ id: w.ids.incidentB }),
    expect: (c) => ({ data: { statusPage: { incident: ["operator", "viewerB"].includes(group(c)) ? { name: "Birch outage" } : null } } }),
  },
  {
    name: "reads an incident and a maintenance touching both customers",
    query:
      "query ($i: ID!, $m: ID!) { incident(id: $i) { affectedComponents { name } currentImpacts { name } updates { impacts { name } } } maintenance(id: $m) { components { name } } }",
    vars: (w) => ({ i: w.ids.incidentShared, m: w.ids.maintenanceShared }),
    expect: (c) => {
      const shown = (incident: string[], maintenance: string[]) => ({
        incident: { affectedComponents: sorted(...incident), currentImpacts: sorted(...incident), updates: [{ impacts: sorted(...incident) }] },
        maintenance: { components: sorted(...maintenance) },
      });
      return {
        data: {
          operator: shown(["Alpha API", "Bravo Billing"], ["Alpha Web", "Bravo Ledger"]),
          viewerA: shown(["Alpha API"], ["Alpha Web"]),
          viewerB: shown(["Bravo Billing"], ["Bravo Ledger"]),
          none: { incident: null, maintenance: null },
        }[group(c)],
      };
    },
  },
  {
    name: "lists catalog types",
    query: "{ catalogTypes { name } }",
    expect: (c) => (group(c) === "operator" ? { data: { catalogTypes: ["Components", "Groups"] } } : refused(c)),
  },
  {
    name: "reads a catalog entry",
    query: "query ($id: ID!) { catalogEntry(id: $id) { name } }",
    vars: (w) => ({ id: w.ids.groupB }),
    expect: (c) => (group(c) === "operator" ? { data: { catalogEntry: { name: "Birch Ltd" } } } : { ...refused(c), data: { catalogEntry: null } }),
  },
  {
    name: "reads a customer page's set-up",
    query: '{ statusPage(slug: "customers") { customerType { name } emailDomainsAttribute { name } } }',
    expect: (c) =>
      group(c) === "operator"
        ? { data: { statusPage: { customerType: { name: "Groups" }, emailDomainsAttribute: { name: "Email domains" } } } }
        : { ...refused(c), data: { statusPage: { customerType: null, emailDomainsAttribute: null } } },
  },
  {
    name: "reads allowed email domains",
    query: '{ statusPage(slug: "customers") { subPages { allowedEmailDomains } } }',
    expect: (c) =>
      ({
        operator: { data: { statusPage: { subPages: [{ allowedEmailDomains: ["acorn.example"] }, { allowedEmailDomains: ["birch.example"] }] } } },
        viewerA: { ...refused(c), data: { statusPage: { subPages: [{ allowedEmailDomains: null }] } } },
        viewerB: { ...refused(c), data: { statusPage: { subPages: [{ allowedEmailDomains: null }] } } },
        none: { data: { statusPage: { subPages: [] } } },
      })[group(c)],
  },
  {
    name: "lists API keys",
    query: "{ apiKeys { name } }",
    expect: (c) =>
      c === "admin" || c === "personAdmin" ? { data: { apiKeys: sorted("test-admin", "revoked-key", "reader", "publisher", "editor") } } : refused(c),
  },
  {
    name: "lists operators",
    query: "{ operators { edges { node { email role disabledAt } } } }",
    expect: (c) =>
      c === "admin" || c === "personAdmin"
        ? {
            data: {
              operators: [
                { email: "vera@ops.example", role: "VIEWER", disabledAt: null },
                { email: "pat@ops.example", role: "PUBLISHER", disabledAt: null },
                { email: "eddie@ops.example", role: "EDITOR", disabledAt: null },
                { email: "ada@ops.example", role: "ADMIN", disabledAt: null },
                { email: "gone@ops.example", role: "ADMIN", disabledAt: expect.any(String) },
              ],
            },
          }
        : { ...refused(c), data: null },
  },
  {
    name: "reads who published",
    query: "query ($id: ID!) { incident(id: $id) { publishedBy updates { publishedBy } } }",
    vars: (w) => ({ id: w.ids.incidentPublic }),
    expect: (c) => ({
      data: {
        incident: group(c) === "operator" ? { publishedBy: "test-admin", updates: ["test-admin"] } : { publishedBy: null, updates: [{ publishedBy: null }] },
      },
    }),
  },
  {
    name: "asks who it is",
    query: "{ viewer { kind name role scope email operator { email } subPages { slug } } }",
    expect: (c) => {
      const none = { kind: "ANONYMOUS", name: null, role: null, scope: null, email: null, operator: null, subPages: [] };
      const operator = (name: string, scope: string) => ({ ...none, kind: "OPERATOR", name, role: scope, scope });
      const person = (email: string, role: string) => ({ ...none, kind: "OPERATOR", name: `${role.toLowerCase()} person`, role, email, operator: { email } });
      const viewer = (email: string, slug: string) => ({ ...none, kind: "VIEWER", email, subPages: [slug] });
      const viewers = {
        anonymous: none,
        revoked: none,
        read: operator("reader", "VIEWER"),
        publish: operator("publisher", "PUBLISHER"),
        editor: operator("editor", "EDITOR"),
        admin: operator("test-admin", "ADMIN"),
        personViewer: person("vera@ops.example", "VIEWER"),
        personPublisher: person("pat@ops.example", "PUBLISHER"),
        personEditor: person("eddie@ops.example", "EDITOR"),
        personAdmin: person("ada@ops.example", "ADMIN"),
        personDisabled: none,
        viewerA: viewer("ann@acorn.example", "acorn-corp"),
        viewerB: viewer("bob@birch.example", "birch-ltd"),
      };
      return { data: { viewer: viewers[c] } };
    },
  },
];

describe.each(CASES)("$name", ({ query, vars, expect: expected }) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const response = await w.t.gql(query, vars?.(w), w.as[caller]);
    const want = expected(caller);
    if ("denied" in want) {
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining([want.denied]));
      expect(new Set(response.errors?.map((e) => e.extensions?.code))).toEqual(new Set([want.denied]));
      if (want.data !== undefined) expect(view(response.data)).toEqual(want.data);
    } else {
      expect(response.errors).toBeUndefined();
      expect(view(response.data)).toEqual(want.data);
    }
    const json = JSON.stringify(response);
    const hidden =
      {
        viewerA: BIRCH_SECRETS,
        viewerB: ACORN_SECRETS,
        anonymous: [...ACORN_SECRETS, ...BIRCH_SECRETS],
        revoked: [...ACORN_SECRETS, ...BIRCH_SECRETS],
        personDisabled: [...ACORN_SECRETS, ...BIRCH_SECRETS],
      }[caller as string] ?? [];
    for (const secret of hidden) expect(json, `${caller} must not see "${secret}"`).not.toContain(secret);
  });
});

it("refuses a sub-page that exists in the same words as one that does not", async () => {
  for (const caller of ["viewerA", "anonymous"] as const) {
    const [hidden, missing] = await Promise.all([sub("birch-ltd"), sub("no-such")].map((q) => w.t.gql(q, {}, w.as[caller])));
    expect(hidden).toEqual(missing);
  }
});
