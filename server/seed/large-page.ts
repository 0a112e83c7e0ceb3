// A public page as large as the service is sized for, with a quarter's history:
// what load tests and benchmarks read when they need the heaviest answers the
// limits let through. Rows go straight to the database (thousands of operations
// would take minutes); the page itself is created through the API, so its layout
// is what an operator's would be.
import type { App } from "../app.js";

export interface LargePageOptions {
  slug: string;
  components: number;
  /** Resolved incidents, each a few hours long, spread over the last 90 days; each impacts three components. */
  incidents: number;
}

const DAY_MS = 86_400_000;
const IMPACTS = ["FULL_OUTAGE", "PARTIAL_OUTAGE", "DEGRADED_PERFORMANCE"] as const;

/**
 * Three aliases of a 90-day uptime with nearly every field, for `$slug`: about the most
 * uptime one anonymous operation may ask for under the default cost limit (18,935 of 20,000).
 */
export const LARGEST_UPTIME_QUERY = `query ($slug: String!) { statusPage(slug: $slug) { ${["a", "b", "c"]
  .map((alias) => `${alias}: components { uptime(days: 90) { percentage days { date uptime worst incidentIds downtimeSeconds } } }`)
  .join(" ")} } }`;

/** Seeds the page; returns its id. */
export async function seedLargePage(app: App, options: LargePageOptions): Promise<string> {
  const db = app.database.db;
  const now = app.now().getTime();
  const type = await db.catalogType.create({ data: { name: `${options.slug} components` } });
  const joined = new Date(now - 120 * DAY_MS);
  const entries = await db.catalogEntry.createManyAndReturn({
    data: Array.from({ length: options.components }, (_, i) => ({ typeId: type.id, name: `Component ${i + 1}`, rank: i, createdAt: joined })),
    select: { id: true },
  });
  const created = await app.executeAsSystem(
    `mutation ($input: CreateStatusPageInput!) { createStatusPage(input: $input) { __typename ... on StatusPage { id } } }`,
    { input: { title: options.slug, slug: options.slug, components: entries.map((e) => e.id) } },
  );
  const page = (created.data as { createStatusPage?: { __typename: string; id?: string } } | undefined)?.createStatusPage;
  if (!page?.id) throw new Error(`createStatusPage failed: ${JSON.stringify(created.errors ?? page)}`);

  for (let i = 0; i < options.incidents; i++) {
    const start = new Date(now - ((i * 89) / options.incidents + 1) * DAY_MS);
    const end = new Date(start.getTime() + (1 + (i % 5)) * 3_600_000);
    const impacted = [0, 1, 2].map((k) => entries[(i * 7 + k * 13) % entries.length]!.id);
    await db.incident.create({
      data: {
        pageId: page.id,
        name: `Incident ${i + 1}`,
        status: "RESOLVED",
        publishedAt: start,
        resolvedAt: end,
        lastSequence: 2,
        components: { create: impacted.map((componentId) => ({ componentId })) },
        updates: {
          create: [
            {
              sequence: 1,
              status: "INVESTIGATING",
              message: "Looking into it.",
              publishedAt: start,
              impacts: { create: impacted.map((componentId, k) => ({ componentId, impact: IMPACTS[k]! })) },
            },
            { sequence: 2, status: "RESOLVED", message: "Fixed.", publishedAt: end },
          ],
        },
      },
    });
  }
  return page.id;
}
