// The world the access tests probe, built through the API with the admin key: a
// public page, and a customer page whose two sub-pages (Acorn, Birch) allow
// different email domains and show different components, each with an incident
// and a maintenance window, and one of each touching both; API keys of every scope, one revoked; a signed-in
// viewer of each sub-page; and an operator (a person) of every role signed in by cookie, one of them since disabled.
import { vi } from "vitest";
import type { AppOptions } from "../../server/app.js";
import type { Mailer } from "../../server/auth/mailer.js";
import { startOperatorSession } from "../../server/auth/operator-sessions.js";
import { bearer, createTestApp, type RequestAs, type TestApp } from "../helpers/app.js";
import { publishIncident, scheduleMaintenance } from "../helpers/fixtures.js";
import { CREATE_PAGE, createEntry, createType, mutate } from "../helpers/pages.js";

export const CALLERS = [
  "anonymous",
  "read",
  "publish",
  "editor",
  "admin",
  "revoked",
  "viewerA",
  "viewerB",
  "personViewer",
  "personPublisher",
  "personEditor",
  "personAdmin",
  "personDisabled",
] as const;
export type Caller = (typeof CALLERS)[number];

/** What only Birch's viewers and operators may see; none of it may reach Acorn's viewer (nor anyone signed out). */
export const BIRCH_SECRETS = ["Birch Ltd", "birch-ltd", "birch.example", "Bravo Billing", "Bravo Ledger", "Birch outage", "Birch window"];
/** The same for Acorn. */
export const ACORN_SECRETS = ["Acorn Corp", "acorn-corp", "acorn.example", "Alpha API", "Alpha Web", "Acorn outage", "Acorn window"];

export interface World {
  t: TestApp;
  as: Record<Caller, RequestAs>;
  ids: Record<string, string>;
  /** Sign-in links mailed so far, newest last. */
  mail: { to: string; link: string }[];
  mailer: Mailer;
}

/** A mailer that keeps what it would send. */
export function capturingMailer(mail: { to: string; link: string }[]): Mailer {
  return { sendSignInLink: async (to, link) => void mail.push({ to: to.address, link }), close: () => {} };
}

const KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreatedApiKey { secret key { id } } } }`;

/** Signs `email` in to the page through the API; returns the session token. */
export async function signInViewer(w: Pick<World, "t" | "mail">, pageSlug: string, email: string): Promise<string> {
  const sent = w.mail.length;
  await w.t.ok(`mutation ($p: String!, $e: String!) { requestSignIn(pageSlug: $p, email: $e) { __typename } }`, { p: pageSlug, e: email }, { as: "anonymous" });
  await vi.waitFor(() => {
    if (w.mail.length === sent) throw new Error("no sign-in mail yet");
  });
  const token = new URL(w.mail.at(-1)!.link).searchParams.get("token");
  const { completeSignIn } = await w.t.ok<{ completeSignIn: { token: string } }>(
    `mutation ($token: String!) { completeSignIn(token: $token) { ... on ViewerSession { token } } }`,
    { token },
    { as: "anonymous" },
  );
  return completeSignIn.token;
}

/** `options` go to the app (e.g. configured CORS origins). */
export async function buildWorld(options: AppOptions = {}): Promise<World> {
  const mail: World["mail"] = [];
  const mailer = capturingMailer(mail);
  const t = await createTestApp({ mailer, ...options });
  const ids: Record<string, string> = {};
  const components = await createType(t, { name: "Components", ranked: true, referenceByName: true });
  for (const name of ["Alpha API", "Alpha Web", "Bravo Billing", "Bravo Ledger", "Public Search"]) {
    ids[name] = (await createEntry(t, { typeId: components.id, name })).id;
  }
  const groups = await createType(t, {
    name: "Groups",
    ranked: true,
    attributes: [
      { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
      { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
    ],
  });
  const group = (name: string, parts: string[], domain: string) =>
    createEntry(t, {
      typeId: groups.id,
      name,
      values: [
        { attribute: "Components", values: parts },
        { attribute: "Email domains", values: [domain] },
      ],
    });
  ids.groupA = (await group("Acorn Corp", ["Alpha API", "Alpha Web"], "acorn.example")).id;
  ids.groupB = (await group("Birch Ltd", ["Bravo Billing", "Bravo Ledger"], "birch.example")).id;
  Object.assign(ids, { componentsType: components.id, groupsType: groups.id });

  const customer = await mutate(t, CREATE_PAGE, {
    input: {
      title: "Customers",
      slug: "customers",
      kind: "CUSTOMER",
      customerType: "Groups",
      componentsAttribute: "Components",
      emailDomainsAttribute: "Email domains",
    },
  });
  const subPages = customer.subPages as { id: string; slug: string }[];
  ids.customerPage = customer.id!;
  ids.subA = subPages.find((s) => s.slug === "acorn-corp")!.id;
  ids.subB = subPages.find((s) => s.slug === "birch-ltd")!.id;
  ids.publicPage = (await mutate(t, CREATE_PAGE, { input: { title: "Public status", slug: "public", components: [ids["Public Search"]] } })).id!;

  const window = { startsAt: "2030-04-01T10:00:00Z", endsAt: "2030-04-01T12:00:00Z" };
  ids.incidentA = await publishIncident(t, ids.customerPage, [{ componentId: ids["Alpha API"]!, impact: "PARTIAL_OUTAGE" }], { name: "Acorn outage" });
  ids.incidentB = await publishIncident(t, ids.customerPage, [{ componentId: ids["Bravo Billing"]!, impact: "FULL_OUTAGE" }], { name: "Birch outage" });
  ids.incidentPublic = await publishIncident(t, ids.publicPage, [{ componentId: ids["Public Search"]!, impact: "DEGRADED_PERFORMANCE" }], {
    name: "Public incident",
  });
  ids.maintenanceA = await scheduleMaintenance(t, ids.customerPage, window, [{ componentId: ids["Alpha Web"]!, impact: "UNDER_MAINTENANCE" }], {
    name: "Acorn window",
  });
  ids.maintenanceB = await scheduleMaintenance(t, ids.customerPage, window, [{ componentId: ids["Bravo Ledger"]!, impact: "UNDER_MAINTENANCE" }], {
    name: "Birch window",
  });
  // Touching both customers: each viewer sees it, but only their own components in it.
  const both = (a: string, b: string, impact: string) => [
    { componentId: ids[a]!, impact },
    { componentId: ids[b]!, impact },
  ];
  ids.incidentShared = await publishIncident(t, ids.customerPage, both("Alpha API", "Bravo Billing", "DEGRADED_PERFORMANCE"), { name: "Shared outage" });
  ids.maintenanceShared = await scheduleMaintenance(t, ids.customerPage, window, both("Alpha Web", "Bravo Ledger", "UNDER_MAINTENANCE"), {
    name: "Shared window",
  });

  const key = async (name: string, scope: string) => {
    const { createApiKey } = await t.ok<{ createApiKey: { secret: string; key: { id: string } } }>(KEY, { input: { name, scope } });
    return createApiKey;
  };
  const revoked = await key("revoked-key", "ADMIN");
  await t.ok(`mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: revoked.key.id });
  const world: World = { t, ids, mail, mailer, as: {} as World["as"] };
  const person = async (email: string, role: string) => {
    const { createOperator } = await t.ok<{ createOperator: { id: string } }>(
      `mutation ($input: OperatorInput!) { createOperator(input: $input) { ... on Operator { id } } }`,
      { input: { email, name: `${role.toLowerCase()} person`, role } },
    );
    const { secret } = await startOperatorSession(t.app.database.db, createOperator.id, { address: null, userAgent: null }, t.app.now());
    return { id: createOperator.id, cookie: { cookie: `sg_operator=${secret}` } };
  };
  const people = {
    personViewer: (await person("vera@ops.example", "VIEWER")).cookie,
    personPublisher: (await person("pat@ops.example", "PUBLISHER")).cookie,
    personEditor: (await person("eddie@ops.example", "EDITOR")).cookie,
    personAdmin: (await person("ada@ops.example", "ADMIN")).cookie,
  };
  // Disabled while its session is live; another admin exists, so it is not the last.
  const disabled = await person("gone@ops.example", "ADMIN");
  const off = await t.ok<{ disableOperator: { disabledAt?: string } }>(`mutation ($id: ID!) { disableOperator(id: $id) { ... on Operator { disabledAt } } }`, {
    id: disabled.id,
  });
  if (!off.disableOperator.disabledAt) throw new Error("the operator was not disabled");
  world.as = {
    anonymous: { as: "anonymous" },
    read: bearer((await key("reader", "VIEWER")).secret),
    publish: bearer((await key("publisher", "PUBLISHER")).secret),
    editor: bearer((await key("editor", "EDITOR")).secret),
    admin: bearer(t.adminKey),
    revoked: bearer(revoked.secret),
    // One viewer by cookie, as browsers send it; the other by bearer token, as API clients do.
    viewerA: { cookie: `sg_session=${await signInViewer(world, "customers", "ann@acorn.example")}` },
    viewerB: bearer(await signInViewer(world, "customers", "bob@birch.example")),
    ...people,
    personDisabled: disabled.cookie,
  };
  return world;
}
