/**
 * The demo created on first start. It follows the runbook step by step, through
 * the same GraphQL operations an operator would use (see README): the catalog, the
 * customer page, the public page, then an incident and a maintenance on it.
 */
import type { ExecutionResult } from "graphql";
import type { App } from "../app.js";
import { DEMO_OPERATIONS as Op } from "./demo-operations.js";

type Vars = Record<string, unknown>;

/** Runs one operation as the system itself (or takes its `answered` result); throws on any error or typed failure. */
async function run(
  app: App,
  query: string,
  variables: Vars,
  answered?: ExecutionResult,
): Promise<Record<string, { __typename: string; [k: string]: unknown }>> {
  const result = answered ?? (await app.executeAsSystem(query, variables));
  if (result.errors?.length) throw new Error(`Demo seed failed: ${result.errors.map((e) => e.message).join("; ")}`);
  const data = (result.data ?? {}) as Record<string, { __typename: string; message?: string }>;
  for (const value of Object.values(data)) {
    if (value && "message" in value) throw new Error(`Demo seed failed: ${value.__typename}: ${value.message}`);
  }
  return data;
}

const id = (data: Record<string, { [k: string]: unknown }>, field: string, path: string[] = []): string => {
  let value: unknown = data[field];
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return String((value as { id: string }).id);
};

const COMPONENTS_TYPE = "Components";

/** How often, and after how long a pause, creating the first type is retried while SQLite has another writer. */
const CLAIM_ATTEMPTS = 8;
const CLAIM_BACKOFF_MS = 50;

type Data = Awaited<ReturnType<typeof run>>;

/**
 * Seeds the demo when the database has no status page yet; returns whether it did.
 * Instances started together on an empty database all find it empty: the first
 * step creates the uniquely named Components type, so exactly one of them gets past
 * it, and the others leave the demo to that one.
 */
export async function seedDemo(app: App): Promise<boolean> {
  if ((await app.database.db.statusPage.count()) > 0) return false;
  const components = await claimDemo(app);
  if (!components) return false;
  await seedTheRest(app, components);
  return true;
}

/**
 * Creates the Components type; null when the database refuses it as a duplicate name
 * (another instance is seeding). SQLite refuses a second writer while the first's
 * transaction is open (the typed ServiceUnavailableError): then it retries, with a
 * doubling pause, until that transaction ends one way or the other.
 */
async function claimDemo(app: App): Promise<Data | null> {
  const input = { name: COMPONENTS_TYPE, description: "Everything we report outages on", categories: ["Services"], ranked: true, referenceByName: true };
  for (let attempt = 1; ; attempt++) {
    const result = await app.executeAsSystem(Op.createType, { input });
    const created = (result.data as { createCatalogType?: CreateTypeResult } | null | undefined)?.createCatalogType;
    if (created?.__typename === "ValidationError" && created.issues?.some((i) => i.field === "input.name" && i.rule === "unique")) return null;
    if (created?.__typename !== "ServiceUnavailableError" || attempt === CLAIM_ATTEMPTS) return run(app, Op.createType, { input }, result);
    await new Promise((resolve) => setTimeout(resolve, CLAIM_BACKOFF_MS * 2 ** (attempt - 1)));
  }
}

/** What createCatalogType answers in the demo's operation. */
interface CreateTypeResult {
  __typename: string;
  issues?: { field: string; rule: string }[];
}

async function seedTheRest(app: App, components: Data): Promise<void> {
  const names = ["Zendesk", "Support portal", "Email ingestion", "Phone line"];
  const entryIds = await seedCatalog(app, id(components, "createCatalogType"), names);
  await seedCustomerPage(app);
  const pageId = await seedPublicPage(app, entryIds);
  await seedIncidentAndMaintenance(app, pageId, entryIds);
}

/** The components, and the Groups type whose entry `main` sees all of them from example.com; returns the components' ids. */
async function seedCatalog(app: App, componentsTypeId: string, names: string[]): Promise<string[]> {
  const entryIds: string[] = [];
  for (const name of names) {
    entryIds.push(id(await run(app, Op.createEntry, { input: { typeId: componentsTypeId, name } }), "createCatalogEntry"));
  }
  const groups = await run(app, Op.createType, {
    input: {
      name: "Groups",
      description: "Who sees which components",
      categories: ["Services"],
      ranked: true,
      referenceByName: true,
      attributes: [
        { name: "Components", kind: "REFERENCE", multiple: true, referencedType: "Components" },
        { name: "Email domains", kind: "EMAIL_DOMAIN", multiple: true },
      ],
    },
  });
  await run(app, Op.createEntry, {
    input: {
      typeId: id(groups, "createCatalogType"),
      name: "main",
      values: [
        { attribute: "Components", values: names },
        { attribute: "Email domains", values: ["example.com"] },
      ],
    },
  });
  return entryIds;
}

/** The customer page `cust-support-ops` with its sub-page `main`. */
async function seedCustomerPage(app: App): Promise<void> {
  await run(app, Op.createPage, {
    input: {
      title: "Customer Support Operations",
      slug: "cust-support-ops",
      kind: "CUSTOMER",
      theme: "DARK",
      customerType: "Groups",
      componentsAttribute: "Components",
      emailDomainsAttribute: "Email domains",
      subPages: [{ entry: "main", name: "Main", slug: "main" }],
    },
  });
}

/** The public page `demo`, its components in two groups; returns its id. */
async function seedPublicPage(app: App, entryIds: string[]): Promise<string> {
  const page = await run(app, Op.createPage, {
    input: {
      title: "Statusgraph Demo",
      slug: "demo",
      kind: "PUBLIC",
      theme: "LIGHT",
      groups: [
        { name: "Support tools", components: entryIds.slice(0, 2) },
        { name: "Channels", components: entryIds.slice(2) },
      ],
    },
  });
  return id(page, "createStatusPage");
}

/** An ongoing incident with one update, and a maintenance two days ahead. */
async function seedIncidentAndMaintenance(app: App, pageId: string, entryIds: string[]): Promise<void> {
  const now = app.now();
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
  const incident = await run(app, Op.publishIncident, {
    input: {
      pageId,
      name: "Delayed email ingestion",
      status: "INVESTIGATING",
      message: "Emails to support are arriving **late**. We are looking into it.",
      impacts: [{ componentId: entryIds[2], impact: "PARTIAL_OUTAGE" }],
    },
  });
  await run(app, Op.publishIncidentUpdate, {
    input: {
      incidentId: id(incident, "publishIncident", ["incident"]),
      status: "IDENTIFIED",
      message: "A mail relay is rejecting large messages; a fix is being rolled out.",
    },
  });

  await run(app, Op.scheduleMaintenance, {
    input: {
      pageId,
      name: "Phone line carrier upgrade",
      message: "Our carrier upgrades its switches; calls may drop for a few minutes.",
      startsAt: hours(48),
      endsAt: hours(50),
      autoUpdate: true,
      components: [{ componentId: entryIds[3], impact: "UNDER_MAINTENANCE" }],
    },
  });
}
