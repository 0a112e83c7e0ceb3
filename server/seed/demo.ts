/**
 * The demo created on first start. It follows the runbook step by step, through
 * the same GraphQL operations an operator would use (see README): the catalog, the
 * customer page, the public page, then an incident and a maintenance on it.
 */
import type { App } from "../app.js";
import { DEMO_OPERATIONS as Op } from "./demo-operations.js";

type Vars = Record<string, unknown>;

/** Runs one operation as the system itself; throws on any error or typed failure. */
async function run(app: App, query: string, variables: Vars): Promise<Record<string, { __typename: string; [k: string]: unknown }>> {
  const result = await app.executeAsSystem(query, variables);
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

/**
 * Seeds the demo when the database has no status page yet; returns whether it did.
 * Instances started together on an empty database all find it empty: the first
 * step creates a uniquely named catalog type, so exactly one of them gets past it,
 * and the others leave the demo to that one.
 */
export async function seedDemo(app: App): Promise<boolean> {
  if ((await app.database.db.statusPage.count()) > 0) return false;
  let components: Data;
  try {
    components = await run(app, Op.createType, {
      input: { name: COMPONENTS_TYPE, description: "Everything we report outages on", categories: ["Services"], ranked: true, referenceByName: true },
    });
  } catch (error) {
    // Another instance got there first: its type exists, or (SQLite refusing a second writer
    // while the first's transaction is open) is about to once that transaction commits.
    if (await anotherIsSeeding(app)) return false;
    throw error;
  }
  await seedTheRest(app, components);
  return true;
}

/** Whether the Components type appears within a few seconds: another instance is seeding. */
async function anotherIsSeeding(app: App): Promise<boolean> {
  for (let waited = 0; waited <= 5_000; waited += 100) {
    if ((await app.database.db.catalogType.count({ where: { name: COMPONENTS_TYPE } })) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

type Data = Awaited<ReturnType<typeof run>>;

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
